package org.draftroom.rounds.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.draftroom.base.ui.Times;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectFilter;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.InvitedOrganisation;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.security.service.DirectoryService;

/** The consultation rounds of the committee's projects, per project; the secretariat opens new ones here. */
@Route(RoundsView.PATH)
@RolesAllowed({"ADMIN", "SECRETARIAT", "EDITOR"})
@StyleSheet("context://css/rounds.css")
class RoundsView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "rounds";

    private final RoundService rounds;
    private final RoundLifecycleService lifecycle;
    final Grid<Round> grid = new Grid<>();
    final ComboBox<Project> project = new ComboBox<>();

    RoundsView(RoundService rounds, RoundLifecycleService lifecycle, ProjectService projects, DraftService drafts,
               DirectoryService directory) {
        this.rounds = rounds;
        this.lifecycle = lifecycle;
        setId("rounds-view");
        setSizeFull();

        project.setPlaceholder(getTranslation("rounds.all-projects"));
        project.setItems(projects.find(ProjectFilter.all()));
        project.setItemLabelGenerator(p -> p.code() + "  " + p.title(getLocale()));
        project.setClearButtonVisible(true);
        project.setWidth("420px");
        project.setId("rounds-project");
        project.addValueChangeListener(e -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(project);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (rounds.canManage()) {
            Button create = new Button(getTranslation("rounds.new"), VaadinIcon.PLUS.create(),
                    e -> new RoundDialog(rounds, lifecycle, projects, drafts, directory,
                            project.getValue() == null ? null : project.getValue().id(), this::open).open());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("new-round");
            toolbar.add(create);
        }

        Instant now = rounds.now();
        grid.addColumn(Round::projectCode).setHeader(getTranslation("round.project")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.label() + " (" + r.number() + ")").setHeader(getTranslation("rounds.round"))
                .setAutoWidth(true);
        grid.addColumn(Round::tagName).setHeader(getTranslation("round.tag")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Times.minutes(r.opensAt(), rounds.zone())).setHeader(getTranslation("round.opens-at"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Times.minutes(r.closesAt(), rounds.zone())).setHeader(getTranslation("round.closes-at"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.audience() == Audience.PUBLIC ? getTranslation("round.audience.public")
                        : r.organisations().stream().map(InvitedOrganisation::code).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("round.audience")).setFlexGrow(1);
        grid.addComponentColumn(r -> RoundsUi.stateBadge(this, r, now)).setHeader(getTranslation("rounds.state"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setId("rounds-grid");
        refresh();

        add(new H1(getTranslation("rounds.title")), toolbar, grid);
        expand(grid);
    }

    private void open(Round round) {
        getUI().ifPresent(ui -> ui.navigate(RoundView.class, new RouteParameters("roundId", String.valueOf(round.id()))));
    }

    private void refresh() {
        List<Round> all = project.getValue() == null ? rounds.visibleRounds() : rounds.rounds(project.getValue().id());
        grid.setItems(all);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rounds.title") + " · " + getTranslation("app.name");
    }
}
