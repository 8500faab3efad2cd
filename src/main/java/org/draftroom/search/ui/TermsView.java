package org.draftroom.search.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.draftroom.search.index.IndexedItem;
import org.draftroom.search.service.SearchService;
import org.draftroom.search.service.TermComparison;

/**
 * Every term of every standard the person may read, with its definition and source; a term defined by several
 * standards says where else and whether the definitions differ.
 */
@Route(TermsView.PATH)
@RolesAllowed({"ADMIN", "SECRETARIAT", "EDITOR"})
@StyleSheet("context://css/search.css")
class TermsView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "terms";

    TermsView(SearchService search) {
        setId("terms-view");
        setSizeFull();
        List<IndexedItem> terms = search.terms();
        Map<String, List<IndexedItem>> byKey = terms.stream()
                .collect(Collectors.groupingBy(t -> TermComparison.key(t.title())));
        Grid<IndexedItem> grid = new Grid<>();
        grid.setId("terms-grid");
        grid.addColumn(IndexedItem::title).setHeader(getTranslation("terms.col.term")).setAutoWidth(true)
                .setFlexGrow(0).setSortable(true);
        grid.addComponentColumn(t -> {
            Div d = new Div(new Span(TermComparison.definitionText(t.text())));
            d.getStyle().set("white-space", "normal");
            return d;
        }).setHeader(getTranslation("terms.col.definition")).setFlexGrow(1);
        grid.addComponentColumn(t -> {
            Div d = new Div(new Anchor("projects/" + t.projectId() + "/find?clause=" + t.clauseId(),
                    t.projectCode() + " " + t.number()));
            List<IndexedItem> others = byKey.getOrDefault(TermComparison.key(t.title()), List.of()).stream()
                    .filter(o -> !o.projectId().equals(t.projectId())).toList();
            if (!others.isEmpty()) {
                d.add(new Div(new Span(getTranslation("terms.elsewhere", others.stream()
                        .map(o -> o.projectCode() + " " + o.number()).collect(Collectors.joining(", "))))));
                String mine = TermComparison.definition(t.text());
                if (others.stream().anyMatch(o -> !TermComparison.definition(o.text()).equals(mine))) {
                    Span warn = new Span("⚠ " + getTranslation("terms.differs"));
                    warn.addClassName("term-differs");
                    warn.getStyle().set("color", "var(--lumo-error-text-color)");
                    d.add(new Div(warn));
                }
            }
            return d;
        }).setHeader(getTranslation("terms.col.source")).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(terms);
        TextField filter = new TextField();
        filter.setId("terms-filter");
        filter.setPlaceholder(getTranslation("terms.filter"));
        filter.setAriaLabel(getTranslation("terms.filter"));
        filter.setPrefixComponent(VaadinIcon.FILTER.create());
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(e -> {
            String f = e.getValue().strip().toLowerCase(Locale.ROOT);
            grid.setItems(terms.stream().filter(t -> f.isEmpty() || (t.title() + " " + t.text() + " "
                    + t.projectCode()).toLowerCase(Locale.ROOT).contains(f)).toList());
        });
        add(new H2(getTranslation("terms.title")), filter, grid);
        expand(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("terms.title") + " · " + getTranslation("app.name");
    }
}
