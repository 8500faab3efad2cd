package org.draftroom.rounds.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.DispositionRow;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundState;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.security.CurrentUser;

/**
 * The merged comment table of a round, sorted by clause of the frozen version. Staff filter it, record dispositions
 * (click a row), assign comments to editors, group duplicates and (the secretariat) publish. After publication,
 * reviewers see the outcome of their comments here and say whether they are satisfied.
 */
class DispositionsPanel extends VerticalLayout {

    private final DispositionService dispositions;
    private final Round round;
    private final boolean staff;
    private final CurrentUser me;
    private List<DispositionRow> all = List.of();
    final Grid<DispositionRow> grid = new Grid<>();
    final Select<CommentType> type = new Select<>();
    final ComboBox<String> organisation = new ComboBox<>();
    final Select<String> status = new Select<>();
    final TextField clause = new TextField();
    final Button group = new Button();
    final Button publish = new Button();

    DispositionsPanel(RoundService rounds, DispositionService dispositions, Round round, boolean staff, CurrentUser me,
                      Runnable onPublished) {
        this.dispositions = dispositions;
        this.me = me;
        this.round = round;
        this.staff = staff;
        setId("dispositions-panel");
        setPadding(false);
        setSizeFull();
        // Administrators are staff (they read the table) but do not decide: the service refuses them.
        boolean editable = staff && round.state(rounds.now()) == RoundState.CLOSED
                && dispositions.mayDecide(round.id());

        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("dispositions.all-types"));
        type.setItems(CommentType.values());
        type.setItemLabelGenerator(t -> t == null ? getTranslation("dispositions.all-types")
                : getTranslation("dashboard.type." + t.code()));
        type.setId("dispositions-type");
        organisation.setPlaceholder(getTranslation("rounds.organisation"));
        organisation.setClearButtonVisible(true);
        organisation.setId("dispositions-organisation");
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("dispositions.all-statuses"));
        status.setItems(statusKeys());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("dispositions.all-statuses") : statusLabel(s));
        status.setId("dispositions-status");
        clause.setPlaceholder(getTranslation("dispositions.clause"));
        clause.setValueChangeMode(ValueChangeMode.LAZY);
        clause.setClearButtonVisible(true);
        clause.setWidth("120px");
        clause.setId("dispositions-clause");
        type.addValueChangeListener(e -> filter());
        organisation.addValueChangeListener(e -> filter());
        status.addValueChangeListener(e -> filter());
        clause.addValueChangeListener(e -> filter());
        HorizontalLayout toolbar = new HorizontalLayout(clause, type, organisation, status);
        toolbar.addClassName("dispositions-toolbar");
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (editable) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            group.setText(getTranslation("dispositions.group"));
            group.setIcon(VaadinIcon.LINK.create());
            group.setId("group-duplicates");
            group.addClickListener(e -> {
                try {
                    String name = dispositions.groupDuplicates(round.id(), grid.getSelectedItems().stream()
                            .map(r -> r.comment().id()).toList());
                    Notices.success(getTranslation("dispositions.grouped", name));
                    reload();
                } catch (UserFacingException refusal) {
                    Notices.show(this, refusal, Map.of());
                }
            });
            toolbar.add(group);
        }
        if (editable && rounds.canManage()) {
            publish.setText(getTranslation("dispositions.publish"));
            publish.setIcon(VaadinIcon.MEGAPHONE.create());
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            publish.setId("publish-dispositions");
            publish.addClickListener(e -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("dispositions.publish"),
                        getTranslation("dispositions.publish.confirm"), getTranslation("dispositions.publish"), ok -> {
                    try {
                        dispositions.publish(round.id());
                        Notices.success(getTranslation("dispositions.published"));
                        onPublished.run();
                    } catch (UserFacingException refusal) {
                        Notices.show(this, refusal, Map.of());
                    }
                });
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.setId("publish-confirm");
                confirm.open();
            });
            toolbar.add(publish);
        }

        // Fixed columns as narrow as their contents, the texts sharing the rest from a readable minimum; columns that
        // say nothing in the round's state are left out, so that the texts keep room at 1400 px.
        boolean published = round.publishedAt() != null;
        grid.addColumn(r -> r.comment().readableId()).setHeader(getTranslation("dispositions.id")).setWidth("126px")
                .setFlexGrow(0);
        grid.addColumn(r -> r.clauseNumber().isEmpty() ? getTranslation("comment.anchor.general") : r.clauseNumber())
                .setHeader(getTranslation("dispositions.clause")).setWidth("95px").setFlexGrow(0);
        grid.addColumn(r -> r.comment().type().code()).setHeader(getTranslation("dispositions.type"))
                .setWidth("66px").setFlexGrow(0);
        grid.addComponentColumn(r -> cell(r.comment().body() + (r.comment().late()
                        ? " [" + getTranslation("dispositions.late") + "]" : "")))
                .setHeader(getTranslation("dispositions.comment")).setWidth("150px").setFlexGrow(3);
        grid.addComponentColumn(r -> cell(r.comment().proposedChange()))
                .setHeader(getTranslation("dispositions.proposed")).setWidth("115px").setFlexGrow(2);
        grid.addColumn(r -> r.disposition().disposition() == null ? getTranslation("dispositions.undecided")
                : getTranslation(r.disposition().disposition().labelKey()))
                .setHeader(getTranslation("dispositions.disposition")).setWidth("115px").setFlexGrow(0);
        grid.addComponentColumn(r -> cell(Objects.toString(r.disposition().reason(), "")))
                .setHeader(getTranslation("dispositions.reason")).setWidth("115px").setFlexGrow(2);
        if (staff && !published) {
            grid.addColumn(r -> Objects.toString(r.disposition().assigneeName(), ""))
                    .setHeader(getTranslation("dispositions.assignee")).setWidth("100px").setFlexGrow(0);
        }
        if (staff) {
            grid.addColumn(r -> Objects.toString(r.disposition().duplicateGroup(), ""))
                    .setHeader(getTranslation("dispositions.duplicates")).setWidth("110px").setFlexGrow(0);
        }
        if (published) {
            // Reviewers answer with two thumbs beside "Not satisfied"; staff read the answer.
            grid.addComponentColumn(this::satisfaction).setHeader(getTranslation("dispositions.satisfied"))
                    .setWidth(staff ? "110px" : "175px").setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("dispositions-grid");
        if (editable) {
            grid.addItemClickListener(e -> new DispositionDialog(dispositions, round, e.getItem(), this::reload)
                    .open());
        }
        add(toolbar, grid);
        expand(grid);
        reload();
    }

    private Span cell(String text) {
        Span span = new Span(text == null ? "" : text);
        span.addClassName("disposition-cell");
        return span;
    }

    private com.vaadin.flow.component.Component satisfaction(DispositionRow row) {
        Boolean satisfied = row.disposition().satisfied();
        String answer = satisfied == null ? "" : getTranslation(satisfied ? "dispositions.satisfied.yes"
                : "dispositions.satisfied.no");
        boolean own = me != null && (row.comment().authorId() == me.id() || (me.organisationId() != null
                && me.organisationId().equals(row.comment().organisationId())));
        if (staff || round.publishedAt() == null || !own) {
            return new Span(answer);
        }
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        Button yes = new Button(VaadinIcon.THUMBS_UP.create(), e -> answer(row, true));
        yes.getElement().setAttribute("title", getTranslation("dispositions.satisfied.yes"));
        yes.setAriaLabel(getTranslation("dispositions.satisfied.yes"));
        yes.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE,
                Boolean.TRUE.equals(satisfied) ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_CONTRAST);
        yes.setId("satisfied-" + row.comment().id());
        Button no = new Button(VaadinIcon.THUMBS_DOWN.create(), e -> answer(row, false));
        no.getElement().setAttribute("title", getTranslation("dispositions.satisfied.no"));
        no.setAriaLabel(getTranslation("dispositions.satisfied.no"));
        no.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE,
                Boolean.FALSE.equals(satisfied) ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_CONTRAST);
        no.setId("not-satisfied-" + row.comment().id());
        buttons.add(yes, no, new Span(answer));
        return buttons;
    }

    private void answer(DispositionRow row, boolean satisfied) {
        try {
            dispositions.markSatisfaction(row.comment().id(), satisfied, null);
            reload();
        } catch (UserFacingException refusal) {
            Notices.show(this, refusal, Map.of());
        } catch (org.springframework.security.access.AccessDeniedException denied) {
            Notices.error(getTranslation("dispositions.satisfied.only-own"));
        }
    }

    void reload() {
        all = dispositions.rows(round.id());
        Set<String> codes = all.stream().map(r -> r.comment().organisationCode()).filter(Objects::nonNull)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        String chosen = organisation.getValue();
        organisation.setItems(codes);
        if (chosen != null && codes.contains(chosen)) {
            organisation.setValue(chosen);
        }
        filter();
    }

    private void filter() {
        String clauseText = clause.getValue() == null ? "" : clause.getValue().trim();
        grid.setItems(all.stream()
                .filter(r -> type.getValue() == null || r.comment().type() == type.getValue())
                .filter(r -> organisation.getValue() == null
                        || organisation.getValue().equals(r.comment().organisationCode()))
                .filter(r -> status.getValue() == null || status.getValue().equals(statusKey(r)))
                .filter(r -> clauseText.isEmpty() || r.clauseNumber().equals(clauseText)
                        || r.clauseNumber().startsWith(clauseText + "."))
                .toList());
    }

    private static String statusKey(DispositionRow row) {
        return row.disposition().disposition() == null ? "undecided" : row.disposition().disposition().name();
    }

    private static List<String> statusKeys() {
        List<String> keys = new java.util.ArrayList<>(List.of("undecided"));
        for (Disposition d : Disposition.values()) {
            keys.add(d.name());
        }
        return keys;
    }

    private String statusLabel(String key) {
        return "undecided".equals(key) ? getTranslation("dispositions.undecided")
                : getTranslation(Disposition.valueOf(key).labelKey());
    }

    /** The number of rows shown with the current filters. */
    int shown() {
        return (int) grid.getGenericDataView().getItems().count();
    }
}
