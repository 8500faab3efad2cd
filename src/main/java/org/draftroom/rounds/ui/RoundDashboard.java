package org.draftroom.rounds.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundStatistics;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundService;

/**
 * The secretariat's view of a running or finished round: comments by type, organisation and disposition status, the
 * clauses with the most comments, and invited organisations that have not submitted. Bars are plain HTML and CSS.
 */
class RoundDashboard extends Div {

    RoundDashboard(RoundService rounds, DispositionService dispositions, Round round) {
        setId("round-dashboard");
        addClassName("round-dashboard");
        RoundStatistics stats = dispositions.statistics(round.id());

        Div total = new Div(new Span(String.valueOf(stats.total())), new Span(getTranslation("dashboard.comments")));
        total.addClassName("dash-total");
        total.setId("dash-total");
        Div late = new Div(new Span(String.valueOf(stats.late())), new Span(getTranslation("dashboard.late")));
        late.addClassName("dash-total");
        Div missing = new Div(new Span(String.valueOf(stats.notSubmitted().size())),
                new Span(getTranslation("dashboard.not-submitted")));
        missing.addClassName("dash-total");
        Div totals = new Div(total, late, missing);
        totals.addClassName("dash-totals");
        add(totals);

        Div grid = new Div();
        grid.addClassName("dash-grid");
        grid.add(card("dash-by-type", getTranslation("dashboard.by-type"), bars(stats.byType().entrySet().stream()
                .map(e -> Map.entry(getTranslation("dashboard.type." + e.getKey()), e.getValue())).toList(), "type")));
        grid.add(card("dash-by-organisation", getTranslation("dashboard.by-organisation"),
                bars(List.copyOf(stats.byOrganisation().entrySet()), "org")));
        grid.add(card("dash-by-status", getTranslation("dashboard.by-status"), bars(stats.byStatus().entrySet().stream()
                .map(e -> Map.entry(e.getKey().equals("undecided") ? getTranslation("dispositions.undecided")
                        : getTranslation(Disposition.valueOf(e.getKey()).labelKey()), e.getValue())).toList(),
                "status")));
        grid.add(card("dash-top-clauses", getTranslation("dashboard.top-clauses"), bars(stats.topClauses().stream()
                .map(e -> Map.entry(e.getKey().isEmpty() ? getTranslation("comment.anchor.general")
                        : e.getKey(), e.getValue())).toList(), "clause")));
        Div notSubmitted = new Div();
        notSubmitted.setId("dash-not-submitted-list");
        if (stats.notSubmitted().isEmpty()) {
            notSubmitted.add(new Span(getTranslation("dashboard.all-submitted")));
        }
        for (String code : stats.notSubmitted()) {
            Span badge = new Span(code);
            badge.getElement().getThemeList().add("badge error");
            notSubmitted.add(badge);
        }
        grid.add(card("dash-not-submitted", getTranslation("dashboard.not-submitted"), notSubmitted));
        add(grid);
    }

    private Div card(String id, String title, Component body) {
        Div card = new Div(new H3(title), body);
        card.addClassName("dash-card");
        card.setId(id);
        return card;
    }

    /** Horizontal bars scaled to the largest value; the number is written beside each bar. */
    private Div bars(List<Map.Entry<String, Integer>> values, String kind) {
        Div chart = new Div();
        chart.addClassNames("dash-bars", "dash-bars-" + kind);
        int max = values.stream().mapToInt(Map.Entry::getValue).max().orElse(0);
        if (values.isEmpty()) {
            chart.add(new Span(getTranslation("dashboard.none")));
        }
        for (Map.Entry<String, Integer> e : values) {
            Span label = new Span(e.getKey());
            label.addClassName("dash-bar-label");
            Div fill = new Div();
            fill.addClassName("dash-bar-fill");
            fill.getStyle().set("width", (max == 0 || e.getValue() == 0 ? 0 : Math.max(2, 100 * e.getValue() / max)) + "%");
            Div track = new Div(fill);
            track.addClassName("dash-bar-track");
            Span count = new Span(String.valueOf(e.getValue()));
            count.addClassName("dash-bar-count");
            Div row = new Div(label, track, count);
            row.addClassName("dash-bar");
            chart.add(row);
        }
        return chart;
    }
}
