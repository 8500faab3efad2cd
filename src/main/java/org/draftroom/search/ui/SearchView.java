package org.draftroom.search.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.draftroom.search.index.IndexedItem;
import org.draftroom.search.index.Kind;
import org.draftroom.search.index.SearchIndex;
import org.draftroom.search.service.SearchRequest;
import org.draftroom.search.service.SearchResult;
import org.draftroom.search.service.SearchService;

/**
 * The results of a search across every standard the person may see: clauses (project, number and title, snippet with
 * the words marked), terms, comments and dispositions, filtered by project, working group, kind, comment type,
 * organisation, round and status, each filter showing how many results each choice has. The state is in the URL
 * ({@code search?q=...&kind=...}), so a result list can be shared and the back button works.
 */
@Route(SearchView.PATH)
@PermitAll
@StyleSheet("context://css/search.css")
class SearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String PATH = "search";
    private static final List<String> FILTERS = List.of("kind", "project", "wg", "type", "org", "round", "status");

    private final SearchService search;
    private final TextField query = new TextField();
    private final HorizontalLayout filters = new HorizontalLayout();
    private final Span count = new Span();
    private final Div message = new Div();
    private final Div goTo = new Div();
    private final Div results = new Div();
    private Map<String, String> parameters = new LinkedHashMap<>();
    private int limit = 20;

    SearchView(SearchService search) {
        this.search = search;
        setId("search-view");
        query.setId("search-query");
        query.setWidth("32em");
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setAriaLabel(getTranslation("search.field.label"));
        query.addKeyPressListener(Key.ENTER, e -> navigate("q", query.getValue().strip()));
        Button go = new Button(getTranslation("search.title"), e -> navigate("q", query.getValue().strip()));
        go.setId("search-go");
        HorizontalLayout bar = new HorizontalLayout(query, go);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.setId("search-filters");
        count.setId("search-count");
        message.setId("search-message");
        message.addClassName("search-message");
        goTo.setId("search-goto");
        results.setId("search-results");
        results.addClassName("search-results");
        add(new H2(getTranslation("search.title")), bar, filters, count, message, goTo, results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        parameters = new LinkedHashMap<>();
        event.getLocation().getQueryParameters().getParameters().forEach((k, v) -> {
            if (!v.isEmpty() && !v.get(0).isBlank()) {
                parameters.put(k, v.get(0));
            }
        });
        limit = 20;
        run();
    }

    private void run() {
        String q = parameters.getOrDefault("q", "");
        query.setValue(q);
        Long round = null;
        try {
            round = parameters.containsKey("round") ? Long.valueOf(parameters.get("round")) : null;
        } catch (NumberFormatException e) {
            parameters.remove("round");
        }
        SearchResult r = search.search(new SearchRequest(q, Kind.parse(parameters.get("kind")),
                parameters.get("project"), parameters.get("wg"), parameters.get("type"), parameters.get("org"), round,
                parameters.get("status"), 0, limit));
        message.setText(r.message() == null ? "" : getTranslation(r.message()));
        message.setVisible(r.message() != null);
        count.setText(q.isBlank() ? "" : getTranslation("search.results.count", r.total()));
        showFilters(r);
        goTo.removeAll();
        for (SearchResult.Hit hit : r.goTo()) {
            Anchor link = new Anchor(hit.path(), getTranslation("search.go-to") + ": " + heading(hit.item()));
            link.addClassName("search-goto");
            goTo.add(link);
        }
        results.removeAll();
        r.hits().forEach(h -> results.add(card(h)));
        if (r.total() > r.hits().size() && limit < 100) {
            Button more = new Button("+", e -> {
                limit = Math.min(100, limit + 20);
                run();
            });
            more.setId("search-more");
            results.add(more);
        }
    }

    private Div card(SearchResult.Hit hit) {
        IndexedItem i = hit.item();
        Span kind = new Span(getTranslation("search.kind." + i.kind().key()));
        kind.getElement().getThemeList().add("badge" + (i.kind() == Kind.CLAUSE ? "" : " contrast"));
        Anchor title = new Anchor(hit.path(), heading(i));
        title.addClassName("search-hit-title");
        HorizontalLayout head = new HorizontalLayout(kind, title);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        List<String> meta = new ArrayList<>();
        meta.add(i.projectCode() + " " + (getLocale().getLanguage().equals("zh") ? i.projectTitleZh()
                : i.projectTitleEn()));
        meta.add(i.roundId() == 0 ? getTranslation("search.current-version") : i.roundLabel());
        if (!i.organisationCode().isEmpty()) {
            meta.add(i.organisationCode());
        }
        if (!i.commentType().isEmpty()) {
            meta.add(i.commentType().toLowerCase());
        }
        if (!i.status().isEmpty()) {
            meta.add(i.status());
        }
        Span metaLine = new Span(String.join(" · ", meta));
        metaLine.addClassName("search-hit-meta");
        Div card = new Div(head, metaLine, new Html("<div class=\"search-snippet\">" + hit.snippet() + "</div>"));
        card.addClassName("search-hit");
        return card;
    }

    private static String heading(IndexedItem i) {
        return switch (i.kind()) {
            case CLAUSE, TERM -> i.projectCode() + "  " + (i.number().isEmpty() ? "" : i.number() + "  ") + i.title();
            case COMMENT, DISPOSITION -> i.projectCode() + "  " + i.title()
                    + (i.number().isEmpty() ? "" : "  (" + i.number() + ")");
        };
    }

    private void showFilters(SearchResult r) {
        filters.removeAll();
        Map<String, String> facetOf = Map.of("kind", SearchIndex.KIND, "project", SearchIndex.PROJECT, "wg",
                SearchIndex.WORKING_GROUP, "type", SearchIndex.TYPE, "org", SearchIndex.ORGANISATION, "round",
                SearchIndex.ROUND, "status", SearchIndex.STATUS);
        for (String name : FILTERS) {
            Map<String, Integer> counts = new LinkedHashMap<>(r.facets().getOrDefault(facetOf.get(name), Map.of()));
            counts.remove("");
            if (name.equals("round")) {
                counts.remove("0");
            }
            String current = parameters.get(name);
            if (counts.isEmpty() && current == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            values.add("");
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                    .forEach(e -> values.add(e.getKey()));
            String selected = current == null ? "" : name.equals("kind") ? current.toUpperCase() : current;
            if (!values.contains(selected)) {
                values.add(selected);
            }
            Select<String> select = new Select<>();
            select.setId("search-filter-" + name);
            select.setLabel(getTranslation("search.filter." + name));
            select.setItems(values);
            select.setItemLabelGenerator(v -> v.isEmpty() ? "—" : label(name, v) + " (" + counts.getOrDefault(v, 0)
                    + ")");
            select.setValue(selected);
            select.setWidth("12em");
            select.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    navigate(name, e.getValue() == null ? "" : e.getValue());
                }
            });
            filters.add(select);
        }
    }

    private String label(String facet, String value) {
        if (facet.equals("kind")) {
            Kind kind = Kind.parse(value);
            return kind == null ? value : getTranslation("search.kind." + kind.key());
        }
        return facet.equals("round") ? "#" + value : value;
    }

    private void navigate(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(parameters);
        if (value == null || value.isBlank()) {
            next.remove(name);
        } else {
            next.put(name, name.equals("kind") ? value.toLowerCase() : value);
        }
        if (name.equals("q")) {
            FILTERS.forEach(next::remove);
        }
        getUI().ifPresent(ui -> ui.navigate(PATH, QueryParameters.simple(next)));
    }

    @Override
    public String getPageTitle() {
        String q = parameters.getOrDefault("q", "");
        return (q.isEmpty() ? "" : q + " · ") + getTranslation("search.title") + " · " + getTranslation("app.name");
    }
}
