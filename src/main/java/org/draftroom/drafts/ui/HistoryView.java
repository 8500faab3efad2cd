package org.draftroom.drafts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.draftroom.drafts.domain.VersionNote;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.base.ui.Times;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.Access;

/**
 * The versions of a draft, newest first: author, time, message and milestone tags. Select two to compare them in a
 * redline, open one read-only, or (secretariat) tag one as a milestone.
 */
@Route(HistoryView.PATH)
@RolesAllowed({"ADMIN", "SECRETARIAT", "EDITOR"})
class HistoryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String PATH = "projects/:projectId/history";

    private final DraftService drafts;
    private final ProjectService projects;
    private final Access access;
    private final DraftroomProperties properties;
    private final Grid<VersionInfo> grid = new Grid<>();
    private final H1 heading = new H1();
    private final Button compare = new Button();
    private Project project;
    /** The latest version: clauses named in version notes are shown with its numbers. */
    private DraftService.DraftSnapshot latest;

    HistoryView(DraftService drafts, ProjectService projects, Access access, DraftroomProperties properties) {
        this.drafts = drafts;
        this.projects = projects;
        this.access = access;
        this.properties = properties;
        setId("history-view");
        setSizeFull();

        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(VersionInfo::shortId).setHeader(getTranslation("history.version")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(this::summary).setHeader(getTranslation("history.message")).setFlexGrow(1);
        grid.addColumn(VersionInfo::authorName).setHeader(getTranslation("history.author")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> Times.minutes(v.time(), properties.timeZone())).setHeader(getTranslation("history.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::tags).setHeader(getTranslation("history.tags")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.setId("history-grid");
        grid.addSelectionListener(e -> compare.setEnabled(e.getAllSelectedItems().size() == 2));

        compare.setText(getTranslation("history.compare"));
        compare.setIcon(VaadinIcon.EXCHANGE.create());
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compare.setEnabled(false);
        compare.setId("compare-selected");
        compare.addClickListener(e -> {
            List<VersionInfo> two = new ArrayList<>(grid.getSelectedItems());
            two.sort((a, b) -> a.time().compareTo(b.time()));
            openRedline(two.get(0).commitId(), two.get(1).commitId());
        });
        Button back = new Button(getTranslation("history.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(DraftView.class, new RouteParameters("projectId",
                        project.id()))));
        add(heading, new Paragraph(getTranslation("history.intro")), new HorizontalLayout(back, compare), grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        project = projects.get(event.getRouteParameters().get("projectId").orElseThrow());
        latest = drafts.open(project.id(), null);
        heading.setText(getTranslation("history.title", project.code()));
        grid.setItems(query -> drafts.history(project.id(), query.getOffset(), query.getLimit()).stream());
    }

    /** The version's message as people read it: the application's own notes in the interface language. */
    private String summary(VersionInfo version) {
        return latest == null ? version.subject()
                : VersionNote.summary(version.message(), latest.outline(), latest.language(), this::getTranslation);
    }

    private HorizontalLayout tags(VersionInfo version) {
        HorizontalLayout tags = new HorizontalLayout();
        tags.setSpacing(false);
        for (String tag : version.tags()) {
            Span badge = new Span(tag);
            badge.getElement().getThemeList().add("badge success");
            tags.add(badge);
        }
        return tags;
    }

    private HorizontalLayout actions(VersionInfo version) {
        Button open = new Button(getTranslation("history.open"), e -> getUI().ifPresent(ui -> ui.navigate(
                DraftView.class, new RouteParameters("projectId", project.id()),
                QueryParameters.of("ref", version.commitId()))));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(open);
        if (version.parentId() != null) {
            Button changes = new Button(getTranslation("history.changes"),
                    e -> openRedline(version.parentId(), version.commitId()));
            changes.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            changes.addClassName("version-changes");
            actions.add(changes);
        }
        actions.setSpacing(false);
        if (access.canManageProjects()) {
            Button tag = new Button(getTranslation("history.tag"), e -> openTagDialog(version));
            tag.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            tag.addClassName("tag-version");
            actions.add(tag);
        }
        return actions;
    }

    private void openTagDialog(VersionInfo version) {
        Dialog dialog = new Dialog();
        dialog.setId("tag-dialog");
        dialog.setHeaderTitle(getTranslation("history.tag.title", version.shortId()));
        TextField name = new TextField(getTranslation("history.tag.name"));
        name.setHelperText(getTranslation("history.tag.name.help"));
        name.setId("tag-name");
        TextField message = new TextField(getTranslation("history.tag.message"));
        message.setWidthFull();
        message.setId("tag-message");
        Button save = new Button(getTranslation("history.tag"), e -> {
            try {
                drafts.tag(project.id(), version.commitId(), name.getValue(), message.getValue());
                dialog.close();
                Notices.success(getTranslation("history.tagged", name.getValue().trim(), version.shortId()));
                grid.getDataProvider().refreshAll();
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, Map.of());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("tag-save");
        dialog.add(new VerticalLayout(name, message));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openRedline(String from, String to) {
        getUI().ifPresent(ui -> ui.navigate(RedlineView.class, new RouteParameters("projectId", project.id()),
                new QueryParameters(Map.of("from", List.of(from), "to", List.of(to)))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("draft.history") + " · " + getTranslation("app.name");
    }
}
