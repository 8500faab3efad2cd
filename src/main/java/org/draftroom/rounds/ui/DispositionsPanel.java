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
import com.vaadin.flow.data.provider.CallbackDataProvider;
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
import org.draftroom.rounds.domain.DispositionQuery;
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
    /**
     * The rows the filters let through, in table order, fetched a page at a time as the grid scrolls: filtering and
     * paging happen in SQL, so a round of ten thousand comments opens as fast as a small one.
     */
    private final CallbackDataProvider<DispositionRow, Void> provider;
    private final boolean editable;
    /** The workspace's detail panel (null unless the person decides on a closed round). */
    DispositionDetail detail;
    /** The comment shown in the detail panel. */
    DispositionRow current;
    private Set<String> conflicting = Set.of();
    private List<Map.Entry<Long, String>> editors = List.of();
    final Grid<DispositionRow> grid = new Grid<>();
    final Select<CommentType> type = new Select<>();
    final ComboBox<String> organisation = new ComboBox<>();
    final Select<String> status = new Select<>();
    final TextField clause = new TextField();
    final Button group = new Button();
    final Button suggest = new Button();
    final Button publish = new Button();

    DispositionsPanel(RoundService rounds, DispositionService dispositions, Round round, boolean staff, CurrentUser me,
                      Runnable onPublished) {
        this.dispositions = dispositions;
        this.me = me;
        this.round = round;
        this.staff = staff;
        this.provider = new CallbackDataProvider<>(
                q -> dispositions.page(round.id(), query(), q.getOffset(), q.getLimit()).stream(),
                q -> dispositions.count(round.id(), query()), r -> r.comment().id());
        setId("dispositions-panel");
        setPadding(false);
        setSizeFull();
        // Administrators are staff (they read the table) but do not decide: the service refuses them.
        this.editable = staff && round.state(rounds.now()) == RoundState.CLOSED
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
                    if (detail != null) {
                        regrouped();
                    } else {
                        reload();
                    }
                } catch (UserFacingException refusal) {
                    Notices.show(this, refusal, Map.of());
                }
            });
            suggest.setText(getTranslation("dispositions.suggest"));
            suggest.setIcon(VaadinIcon.COPY_O.create());
            suggest.setId("suggest-duplicates");
            suggest.addClickListener(e -> new DuplicateSuggestionsDialog(dispositions, round.id(), this::regrouped)
                    .open());
            toolbar.add(group, suggest);
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

        if (editable) {
            toolbar.addClassName("dispositions-toolbar-compact");
            toolbar.setWidthFull();
            // Wraps rather than pushing "Publish dispositions" out of sight (English at 1400 px was 20 px too wide).
            toolbar.setWrap(true);
            clause.addThemeName("small");
            type.addThemeName("small");
            organisation.addThemeName("small");
            status.addThemeName("small");
            type.setWidth("130px");
            organisation.setWidth("150px");
            status.setWidth("150px");
            clause.setWidth("90px");
            group.addThemeVariants(ButtonVariant.LUMO_SMALL);
            suggest.addThemeVariants(ButtonVariant.LUMO_SMALL);
            publish.addThemeVariants(ButtonVariant.LUMO_SMALL);
            workspaceColumns();
        } else {
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
        }
        grid.setId("dispositions-grid");
        grid.setItems(provider);
        if (editable) {
            editors = dispositions.assignees(round.id());
            detail = new DispositionDetail(editors);
            grid.addItemClickListener(e -> showDetail(e.getItem()));
            grid.addSelectionListener(e -> detail.selected(e.getAllSelectedItems().size()));
            detail.selected(0);
            detail.saveNext.addClickListener(e -> saveAndNext());
            detail.applyGroup.addClickListener(e -> applyToGroup());
            detail.applySelected.addClickListener(e -> applyToSelected());
            detail.ungroup.addClickListener(e -> {
                if (current != null) {
                    try {
                        dispositions.ungroup(round.id(), List.of(current.comment().id()));
                        Notices.success(getTranslation("dispositions.ungrouped", current.comment().readableId()));
                        regrouped();
                    } catch (UserFacingException refusal) {
                        Notices.show(this, refusal, Map.of());
                    }
                }
            });
            detail.disposition.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null && e.getValue().needsReason()) {
                    detail.reason.focus();
                }
            });
            keyboard();
            com.vaadin.flow.component.splitlayout.SplitLayout split =
                    new com.vaadin.flow.component.splitlayout.SplitLayout(grid, detail);
            split.setSplitterPosition(56);
            split.setSizeFull();
            split.addClassName("disposition-workspace");
            split.setId("disposition-workspace");
            add(toolbar, split);
            expand(split);
            reload();
            // The first undecided comment; when it is not the table's first row, found in the table to scroll to.
            DispositionRow first = dispositions.page(round.id(), query(), 0, 1).stream().findFirst().orElse(null);
            if (first != null && first.disposition().disposition() == null) {
                showDetail(first, -1);
            } else if (first != null) {
                dispositions.page(round.id(), query(DispositionQuery.UNDECIDED), 0, 1).stream().findFirst()
                        .ifPresentOrElse(r -> showRow(r.comment().id()), () -> showDetail(first, -1));
            }
            return;
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
        List<String> codes = dispositions.organisationCodes(round.id());
        String chosen = organisation.getValue();
        organisation.setItems(codes);
        if (chosen != null && codes.contains(chosen)) {
            organisation.setValue(chosen);
        }
        filter();
    }

    private void filter() {
        conflicting = staff ? dispositions.conflictingGroups(round.id()) : Set.of();
        provider.refreshAll();
    }

    /** The filters as chosen. */
    private DispositionQuery query() {
        return new DispositionQuery(type.getValue(), organisation.getValue(), clause.getValue(), status.getValue());
    }

    /** The filters as chosen, with this disposition status instead of the chosen one (none if they disagree). */
    private DispositionQuery query(String wanted) {
        if (status.getValue() != null && !status.getValue().equals(wanted)) {
            return null;
        }
        return new DispositionQuery(type.getValue(), organisation.getValue(), clause.getValue(), wanted);
    }

    // ---- the workspace ---------------------------------------------------------------------------------------------

    /** One line per comment, so that a screen holds many: the texts are cut, the detail panel shows them whole. */
    private void workspaceColumns() {
        grid.addColumn(r -> r.comment().readableId()).setHeader(getTranslation("dispositions.id"))
                .setWidth("118px").setFlexGrow(0);
        grid.addColumn(r -> r.clauseNumber().isEmpty() ? getTranslation("comment.anchor.general") : r.clauseNumber())
                .setHeader(getTranslation("dispositions.clause")).setWidth("70px").setFlexGrow(0);
        grid.addColumn(r -> r.comment().type().code()).setHeader(getTranslation("dispositions.type"))
                .setWidth("52px").setFlexGrow(0);
        grid.addColumn(r -> (r.comment().late() ? "[" + getTranslation("dispositions.late") + "] " : "")
                        + r.comment().body().replace('\n', ' '))
                .setHeader(getTranslation("dispositions.comment")).setWidth("140px").setFlexGrow(1)
                .setTooltipGenerator(r -> r.comment().body());
        grid.addColumn(r -> r.disposition().disposition() == null ? "—"
                        : getTranslation(r.disposition().disposition().labelKey()))
                .setHeader(getTranslation("dispositions.disposition")).setWidth("92px").setFlexGrow(0);
        grid.addColumn(r -> r.disposition().duplicateGroup() == null ? ""
                        : r.disposition().duplicateGroup() + (conflicting.contains(r.disposition().duplicateGroup())
                        ? " ⚠" : ""))
                .setHeader(getTranslation("dispositions.duplicates")).setWidth("74px").setFlexGrow(0)
                .setTooltipGenerator(r -> r.disposition().duplicateGroup() != null
                        && conflicting.contains(r.disposition().duplicateGroup())
                        ? getTranslation("dispositions.group.conflict") : null);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_NO_BORDER);
        grid.setPartNameGenerator(r -> current != null && current.comment().id() == r.comment().id()
                ? "current-row" : null);
        grid.addClassName("disposition-compact");
        grid.setHeightFull();
    }

    private void showDetail(DispositionRow row) {
        showDetail(row, -1);
    }

    /** Shows a row in the detail panel; {@code index} &ge; 0: its place in the table, scrolled to. */
    private void showDetail(DispositionRow row, int index) {
        DispositionRow before = current;
        current = row;
        if (before != null) {
            provider.refreshItem(before);
        }
        provider.refreshItem(row);
        String name = row.disposition().duplicateGroup();
        List<DispositionRow> members = name == null ? List.of() : dispositions.group(round.id(), name).stream()
                .filter(r -> r.comment().id() != row.comment().id()).toList();
        detail.show(row, dispositions.context(row.comment().id()), members, name != null && conflicting.contains(name),
                dispositions.frequentReasons(round.id(), 8), editors);
        if (index >= 0) {
            grid.scrollToIndex(index);
        }
        detail.reason.focus();
    }

    /**
     * Alt+A, Alt+P, Alt+N, Alt+O choose the disposition; Ctrl+Enter saves it and moves to the next undecided comment;
     * Ctrl+Shift+Enter gives it to the whole duplicate group (or to the selected rows).
     */
    private void keyboard() {
        for (Disposition d : Disposition.values()) {
            com.vaadin.flow.component.Shortcuts.addShortcutListener(this, () -> {
                        detail.disposition.setValue(d);
                        if (d.needsReason()) {
                            detail.reason.focus();
                        }
                    }, switch (d) {
                        case ACCEPTED -> com.vaadin.flow.component.Key.KEY_A;
                        case PARTLY_ACCEPTED -> com.vaadin.flow.component.Key.KEY_P;
                        case NOT_ACCEPTED -> com.vaadin.flow.component.Key.KEY_N;
                        case NOTED -> com.vaadin.flow.component.Key.KEY_O;
                    },
                    com.vaadin.flow.component.KeyModifier.ALT);
        }
        com.vaadin.flow.component.Shortcuts.addShortcutListener(this, this::saveAndNext,
                com.vaadin.flow.component.Key.ENTER, com.vaadin.flow.component.KeyModifier.CONTROL);
        com.vaadin.flow.component.Shortcuts.addShortcutListener(this, () -> {
                    if (current != null && current.disposition().duplicateGroup() != null) {
                        applyToGroup();
                    } else {
                        applyToSelected();
                    }
                }, com.vaadin.flow.component.Key.ENTER, com.vaadin.flow.component.KeyModifier.CONTROL,
                com.vaadin.flow.component.KeyModifier.SHIFT);
    }

    private Map<String, com.vaadin.flow.component.HasValidation> fields() {
        return Map.of("dispositions.disposition", detail.disposition, "dispositions.reason", detail.reason,
                "dispositions.applied", detail.applied, "dispositions.assignee", detail.assignee);
    }

    /** Saves the disposition shown and moves on to the next comment without one (in table order, wrapping round). */
    void saveAndNext() {
        if (current == null) {
            return;
        }
        detail.reason.setInvalid(false);
        detail.disposition.setInvalid(false);
        try {
            DispositionRow row = current;
            Long chosen = detail.assignee.getValue() == null ? null : detail.assignee.getValue().getKey();
            if (!Objects.equals(chosen, row.disposition().assigneeId())) {
                dispositions.assign(row.comment().id(), chosen);
            }
            if (detail.disposition.getValue() == null) {
                throw new org.draftroom.base.FieldProblemException("dispositions.disposition", "validation.required");
            }
            dispositions.record(row.comment().id(), detail.disposition.getValue(), detail.reason.getValue(),
                    detail.applied.getValue());
            Notices.success(getTranslation("dispositions.saved", row.comment().readableId()));
            afterSaving(row);
        } catch (UserFacingException refusal) {
            Notices.show(this, refusal, fields());
        }
    }

    /** After groups changed: the table again, and the comment shown with its new group. */
    private void regrouped() {
        reload();
        if (current != null) {
            long id = current.comment().id();
            showRow(id);
        }
    }

    /** Gives the disposition shown to every comment of the current comment's duplicate group. */
    void applyToGroup() {
        if (current == null || current.disposition().duplicateGroup() == null) {
            return;
        }
        String name = current.disposition().duplicateGroup();
        bulk(dispositions.group(round.id(), name));
    }

    /** Gives the disposition shown to every selected row. */
    void applyToSelected() {
        List<DispositionRow> selected = List.copyOf(grid.getSelectedItems());
        if (selected.size() >= 2) {
            bulk(selected);
        }
    }

    private void bulk(List<DispositionRow> rows) {
        detail.reason.setInvalid(false);
        detail.disposition.setInvalid(false);
        try {
            if (detail.disposition.getValue() == null) {
                throw new org.draftroom.base.FieldProblemException("dispositions.disposition", "validation.required");
            }
            dispositions.recordAll(round.id(), rows.stream().map(r -> r.comment().id()).toList(),
                    detail.disposition.getValue(), detail.reason.getValue());
            Notices.success(getTranslation("dispositions.bulk.saved", rows.size()));
            grid.deselectAll();
            afterSaving(current);
        } catch (UserFacingException refusal) {
            Notices.show(this, refusal, fields());
        }
    }

    /** Reloads the table (keeping the filters) and shows the next undecided comment after {@code saved}. */
    private void afterSaving(DispositionRow saved) {
        reload();
        // The table's order and its undecided rows as ids (one column from SQL), to find the next without the rows.
        List<Long> ids = dispositions.order(round.id(), query());
        DispositionQuery undecidedQuery = query(DispositionQuery.UNDECIDED);
        Set<Long> undecided = undecidedQuery == null ? Set.of()
                : new java.util.HashSet<>(dispositions.order(round.id(), undecidedQuery));
        int from = Math.max(0, ids.indexOf(saved.comment().id()));
        int next = -1;
        for (int i = 1; i <= ids.size() && next < 0; i++) {
            int candidate = (from + i) % ids.size();
            if (undecided.contains(ids.get(candidate))) {
                next = candidate;
            }
        }
        if (next < 0) {
            Notices.success(getTranslation("dispositions.all-decided"));
            next = ids.indexOf(saved.comment().id());
        }
        if (next >= 0) {
            int at = next;
            dispositions.page(round.id(), query(), at, 1).stream().findFirst().ifPresent(r -> showDetail(r, at));
        }
    }

    /** Shows the comment with this id in the detail panel, with its place in the table. */
    private void showRow(long commentId) {
        int at = dispositions.order(round.id(), query()).indexOf(commentId);
        if (at >= 0) {
            dispositions.page(round.id(), query(), at, 1).stream().findFirst().ifPresent(r -> showDetail(r, at));
        }
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
        return dispositions.count(round.id(), query());
    }
}
