package org.draftroom.drafts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.ui.Times;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectFilter;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.Access;
import org.draftroom.security.domain.WorkingGroup;
import org.draftroom.security.service.DirectoryService;

/** The committee's standard projects, filtered by working group, stage and type, and searched by code and title. */
@Route(ProjectsView.PATH)
@RolesAllowed({"ADMIN", "SECRETARIAT", "EDITOR"})
class ProjectsView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "projects";

    private final ProjectService projects;
    private final Grid<Project> grid = new Grid<>();
    private final ComboBox<String> workingGroup = new ComboBox<>();
    private final Select<Stage> stage = new Select<>();
    private final Select<DocumentType> type = new Select<>();
    private final TextField search = new TextField();
    private final Div noMatch = new Div();

    ProjectsView(ProjectService projects, DirectoryService directory, Access access, DraftroomProperties properties) {
        this.projects = projects;
        setId("projects-view");
        setSizeFull();

        search.setPlaceholder(getTranslation("projects.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidth("280px");
        search.setId("projects-search");
        workingGroup.setPlaceholder(getTranslation("project.working-group"));
        workingGroup.setItems(access.canReadDirectory()
                ? directory.workingGroups().stream().map(WorkingGroup::code).toList()
                : access.current().workingGroupCodes().stream().sorted().toList());
        workingGroup.setClearButtonVisible(true);
        workingGroup.setId("projects-wg");
        stage.setEmptySelectionAllowed(true);
        stage.setEmptySelectionCaption(getTranslation("projects.all-stages"));
        stage.setItems(Stage.values());
        stage.setItemLabelGenerator(s -> s == null ? getTranslation("projects.all-stages") : getTranslation(s.labelKey()));
        stage.setId("projects-stage");
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("projects.all-types"));
        type.setItems(DocumentType.values());
        type.setItemLabelGenerator(t -> t == null ? getTranslation("projects.all-types") : getTranslation("doctype." + t.name()));
        type.setId("projects-type");
        search.addValueChangeListener(e -> refresh());
        workingGroup.addValueChangeListener(e -> refresh());
        stage.addValueChangeListener(e -> refresh());
        type.addValueChangeListener(e -> refresh());

        HorizontalLayout toolbar = new HorizontalLayout(search, workingGroup, stage, type);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        if (access.canManageProjects()) {
            Button create = new Button(getTranslation("projects.new"), VaadinIcon.PLUS.create(),
                    e -> new ProjectDialog(projects, directory, created -> open(created)).open());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("new-project");
            toolbar.add(create);
        }

        grid.addColumn(Project::code).setHeader(getTranslation("project.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.title(getLocale())).setHeader(getTranslation("project.title")).setFlexGrow(1);
        grid.addColumn(p -> getTranslation("doctype." + p.type().name())).setHeader(getTranslation("project.type"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Project::workingGroup).setHeader(getTranslation("project.working-group")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(p -> {
            Span badge = new Span(getTranslation(p.stage().labelKey()) + " · " + p.stageCode());
            badge.getElement().getThemeList().add("badge contrast");
            return badge;
        }).setHeader(getTranslation("project.stage")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> Times.minutes(p.updatedAt(), properties.timeZone()))
                .setHeader(getTranslation("project.updated")).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setId("projects-grid");
        refresh();

        noMatch.setId("projects-no-match");
        noMatch.addClassName("banner-info");
        add(new H1(getTranslation("projects.title")), toolbar, noMatch, grid);
        expand(grid);
    }

    private void open(Project project) {
        getUI().ifPresent(ui -> ui.navigate(DraftView.class, new RouteParameters("projectId", project.id())));
    }

    private void refresh() {
        List<Project> found = projects.find(new ProjectFilter(workingGroup.getValue(), stage.getValue(),
                type.getValue(), search.getValue()));
        grid.setItems(found);
        // The filter matches codes and titles; for words of the text, say so and offer the search of all standards.
        noMatch.removeAll();
        noMatch.setVisible(found.isEmpty());
        if (found.isEmpty()) {
            String words = search.getValue() == null ? "" : search.getValue().strip();
            noMatch.add(new Span(getTranslation("projects.no-match")));
            if (!words.isEmpty()) {
                noMatch.add(new Anchor("search?q=" + java.net.URLEncoder.encode(words,
                        java.nio.charset.StandardCharsets.UTF_8), getTranslation("projects.search-text", words)));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("projects.title") + " · " + getTranslation("app.name");
    }

}
