package org.draftroom.drafts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.ui.Times;
import org.draftroom.drafts.RedlineViewExtension;
import org.draftroom.drafts.domain.ClauseChange;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.RedlineHtml;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;

/**
 * The redline between two versions: clauses matched by their stable id, so a moved clause shows as moved
 * ("7.4 → 8.1") rather than deleted and added; inside a changed clause, the words inserted and deleted.
 */
@Route(RedlineView.PATH)
@RolesAllowed({"ADMIN", "SECRETARIAT", "EDITOR"})
class RedlineView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String PATH = "projects/:projectId/redline";

    private final DraftService drafts;
    private final DraftroomProperties properties;
    private final List<RedlineViewExtension> extensions;
    private final HorizontalLayout tools = new HorizontalLayout();
    private final H1 heading = new H1();
    private final Span versions = new Span();
    private final HorizontalLayout summary = new HorizontalLayout();
    private final Div redline = new Div();
    private String projectId;

    RedlineView(DraftService drafts, DraftroomProperties properties, List<RedlineViewExtension> extensions) {
        this.drafts = drafts;
        this.extensions = extensions;
        this.properties = properties;
        setId("redline-view");
        redline.addClassName("dr-doc");
        redline.setId("redline");
        versions.setId("redline-versions");
        summary.setId("redline-summary");
        Button back = new Button(getTranslation("history.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(HistoryView.class, new RouteParameters("projectId",
                        projectId))));
        tools.add(back);
        add(tools, heading, versions, summary, redline);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        projectId = event.getRouteParameters().get("projectId").orElseThrow();
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        String from = params.getOrDefault("from", List.of("")).get(0);
        String to = params.getOrDefault("to", List.of("")).get(0);
        DraftService.Comparison comparison = drafts.compare(projectId, from, to);
        heading.setText(getTranslation("redline.title"));
        versions.setText(getTranslation("redline.versions", describe(comparison.from()), describe(comparison.to())));
        Map<ClauseChange.Status, Long> counts = comparison.redline().changes().stream()
                .collect(Collectors.groupingBy(ClauseChange::status, Collectors.counting()));
        summary.removeAll();
        for (ClauseChange.Status status : ClauseChange.Status.values()) {
            if (status != ClauseChange.Status.UNCHANGED && counts.containsKey(status)) {
                Span badge = new Span(Language.of(getLocale()).status(status) + " " + counts.get(status));
                badge.getElement().getThemeList().add("badge");
                badge.addClassName("summary-" + status.name().toLowerCase());
                summary.add(badge);
            }
        }
        tools.getChildren().skip(1).toList().forEach(tools::remove);
        extensions.forEach(extension -> tools.add(extension.toolbarItem(comparison, projectId)));
        redline.getElement().setProperty("innerHTML",
                RedlineHtml.render(comparison.redline(), drafts.documentLanguage(projectId)));
    }

    private String describe(VersionInfo v) {
        return v.shortId() + (v.tags().isEmpty() ? "" : " (" + String.join(", ", v.tags()) + ")") + " · "
                + Times.minutes(v.time(), properties.timeZone());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("redline.title") + " · " + getTranslation("app.name");
    }

}
