package org.draftroom.editing.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.editing.service.CoEditingService;
import org.draftroom.editing.service.OutlineChange;
import org.springframework.security.access.AccessDeniedException;

/**
 * Live co-editing of a project's draft: the numbered outline with who works where (name and colour beside each
 * clause), the chosen clause's text co-edited with everyone else in it ({@link LiveText}), outline operations that
 * reach every editor at once, and "save version". Text reaches Git by itself (checkpoints); nothing to save by hand.
 * The address names the open clause ({@code projects/<id>/live/<clauseId>}), so a reload, back and forward and a
 * shared link land in it. Leaving the screen first sends what is still unsent (docs/editing-decision.md).
 */
@Route(LiveDraftView.PATH)
@RolesAllowed({"SECRETARIAT", "EDITOR"})
class LiveDraftView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    static final String PATH = "projects/:projectId/live/:clauseId?";

    private final CoEditingService service;
    private final DraftService drafts;

    private String projectId;
    private String clientId;
    private String projectCode;
    private Language documentLanguage = Language.ZH;
    /** The outline as shown: a few strings per clause, not the draft's text (that would cost each open editor ~1 MB). */
    private Map<String, Row> rows = Map.of();
    private List<Row> ordered = List.of();
    private List<CoEditingService.Participant> participants = List.of();
    private String selectedId;
    /** The clause the address names, opened once the editor is attached. */
    private String requestedId;
    private LiveText liveText;

    private final H2 title = new H2();
    private final Div presenceBar = new Div();
    private final HorizontalLayout toolbar = new HorizontalLayout();
    private final TreeGrid<Row> outline = new TreeGrid<>();
    private final Span clauseNumber = new Span();
    private final TextField clauseTitle = new TextField();
    private final Div clausePresence = new Div();
    private final VerticalLayout editorColumn = new VerticalLayout();
    private final Span hint = new Span();
    private final HorizontalLayout writingTools = new HorizontalLayout();
    private final com.vaadin.flow.component.combobox.ComboBox<Row> crossReference =
            new com.vaadin.flow.component.combobox.ComboBox<>();
    private final com.vaadin.flow.component.details.Details preview = new com.vaadin.flow.component.details.Details();
    private final Div previewText = new Div();
    private final Div warnings = new Div();

    LiveDraftView(CoEditingService service, DraftService drafts) {
        this.service = service;
        this.drafts = drafts;
        setId("live-draft-view");
        setSizeFull();
        presenceBar.addClassName("presence-bar");
        presenceBar.setId("presence-bar");
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setWrap(true);

        outline.addHierarchyColumn(r -> r.label().isEmpty() ? r.title() : r.label() + "  " + r.title())
                .setHeader(getTranslation("draft.outline")).setFlexGrow(1).setSortable(false);
        outline.addComponentColumn(this::presenceMarkers).setHeader(getTranslation("editing.who"))
                .setAutoWidth(true).setFlexGrow(0);
        outline.setId("live-outline");
        outline.setSizeFull();
        outline.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        outline.addItemClickListener(e -> select(e.getItem().id()));

        clauseNumber.addClassName("live-clause-number");
        clauseNumber.setId("live-clause-number");
        clauseTitle.setId("live-clause-title");
        clauseTitle.setLabel(getTranslation("draft.clause.title"));
        clauseTitle.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        clauseTitle.setWidth("28em");
        clauseTitle.addValueChangeListener(e -> {
            if (e.isFromClient() && selectedId != null && !e.getValue().isBlank()) {
                String id = selectedId;
                changeOutline(new OutlineChange.Retitle(id, e.getValue()),
                        getTranslation("editing.commit.retitle", e.getValue()));
            }
        });
        clausePresence.addClassName("presence-bar");
        clausePresence.setId("clause-presence");
        hint.setText(getTranslation("editing.pick-clause"));
        hint.setId("live-hint");
        HorizontalLayout head = new HorizontalLayout(clauseNumber, clauseTitle, clausePresence);
        head.addClassName("live-clause-head");
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        buildWritingTools();
        editorColumn.add(hint, head, writingTools);
        editorColumn.setSizeFull();
        editorColumn.setPadding(false);

        SplitLayout split = new SplitLayout(outline, editorColumn);
        split.setSplitterPosition(34);
        split.setSizeFull();
        add(title, presenceBar, toolbar, split);
        setFlexGrow(1, split);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String project = event.getRouteParameters().get("projectId").orElseThrow();
        if (!project.equals(projectId) || rows.isEmpty()) {
            projectId = project;
            DraftService.DraftSnapshot snapshot = drafts.open(projectId, null);
            projectCode = snapshot.project().code();
            title.setText(snapshot.project().code() + "  " + snapshot.project().title(getLocale()));
            rows = rows(snapshot);
            title.setId("live-title");
        }
        requestedId = event.getRouteParameters().get("clauseId").filter(rows::containsKey).orElse(null);
        if (liveText != null && requestedId != null && !requestedId.equals(selectedId)) {
            liveText.openClause(requestedId);
        }
    }

    /**
     * Leaving for another screen waits until the browser has sent what is still unsent of the clause (a few hundred
     * milliseconds of typing at most), so that no keystroke stays behind in a page being closed.
     */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (liveText == null || event.getNavigationTarget() == LiveDraftView.class) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        liveText.flush(action::proceed);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        try {
            clientId = service.connect(projectId, new CoEditingService.Listener() {
                @Override
                public void syncNow() {
                    LiveText text = liveText;
                    if (text != null) {
                        text.pushSyncNow(ui);
                    }
                }

                @Override
                public void presenceChanged(List<CoEditingService.Participant> now) {
                    ui.access(() -> {
                        if (isAttached()) {
                            showPresence(now);
                        }
                    });
                }

                @Override
                public void outlineChanged(String byName) {
                    ui.access(() -> reloadOutline(byName));
                }
            });
        } catch (AccessDeniedException refused) {
            removeAll();
            add(new H2(getTranslation("editing.not-allowed")));
            return;
        }
        liveText = new LiveText(service, clientId, id -> {
            selectedId = id;
            showClause();
        });
        liveText.getElement().setAttribute("store-key", "dr-live:" + projectId);
        liveText.onTextChanged(this::showPreviewAndWarnings);
        editorColumn.add(liveText, warnings, preview);
        editorColumn.setFlexGrow(1, liveText);
        buildToolbar();
        showOutline();
        showPresence(service.participants(projectId));
        showClause();
        if (requestedId != null) {
            liveText.openClause(requestedId);
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (clientId != null) {
            service.disconnect(clientId);
            clientId = null;
        }
    }

    private void buildToolbar() {
        Button back = new Button(getTranslation("editing.back"), VaadinIcon.ARROW_BACKWARD.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("projects/" + projectId)));
        back.setId("live-back");
        Button save = new Button(getTranslation("draft.save"), VaadinIcon.CHECK.create(), e -> openSaveDialog());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("live-save");
        Span autosave = new Span(getTranslation("editing.autosave"));
        autosave.addClassName("version-line");
        toolbar.add(back,
                tool(VaadinIcon.PLUS, "draft.op.add-after", "live-op-add-after",
                        id -> new OutlineChange.Add(id, false, newClauseTitle())),
                tool(VaadinIcon.LEVEL_DOWN, "draft.op.add-child", "live-op-add-child",
                        id -> new OutlineChange.Add(id, true, newClauseTitle())),
                tool(VaadinIcon.ARROW_UP, "draft.op.up", "live-op-up", OutlineChange.MoveUp::new),
                tool(VaadinIcon.ARROW_DOWN, "draft.op.down", "live-op-down", OutlineChange.MoveDown::new),
                tool(VaadinIcon.ARROW_RIGHT, "draft.op.indent", "live-op-indent", OutlineChange.Indent::new),
                tool(VaadinIcon.ARROW_LEFT, "draft.op.outdent", "live-op-outdent", OutlineChange.Outdent::new),
                deleteTool(), save, autosave);
    }

    private Button tool(VaadinIcon icon, String labelKey, String id,
                        java.util.function.Function<String, OutlineChange> operation) {
        Button button = new Button(icon.create(), e -> {
            if (selectedId == null) {
                Notices.error(getTranslation("draft.select-clause"));
                return;
            }
            changeOutline(operation.apply(selectedId), getTranslation("editing.commit.outline",
                    getTranslation(labelKey), label(selectedId)));
        });
        button.setTooltipText(getTranslation(labelKey));
        button.getElement().setAttribute("aria-label", getTranslation(labelKey));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setId(id);
        return button;
    }

    private Button deleteTool() {
        Button button = new Button(VaadinIcon.TRASH.create(), e -> {
            if (selectedId == null) {
                Notices.error(getTranslation("draft.select-clause"));
                return;
            }
            String id = selectedId;
            String name = label(id);
            List<CoEditingService.Participant> others = service.othersIn(clientId, id);
            String question = others.isEmpty() ? getTranslation("editing.delete.confirm", name)
                    : getTranslation("editing.delete.others-typing", name,
                    others.stream().map(CoEditingService.Participant::name).distinct()
                            .collect(Collectors.joining(", ")));
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("draft.op.delete"), question,
                    getTranslation("action.delete"), ok -> changeOutline(new OutlineChange.Delete(id),
                    getTranslation("editing.commit.delete", name)), getTranslation("action.cancel"), no -> {
            });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId(others.isEmpty() ? "live-delete-confirm" : "live-delete-warning");
            confirm.open();
        });
        button.setTooltipText(getTranslation("draft.op.delete"));
        button.getElement().setAttribute("aria-label", getTranslation("draft.op.delete"));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
        button.setId("live-op-delete");
        return button;
    }

    private void changeOutline(OutlineChange operation, String message) {
        try {
            service.changeOutline(clientId, operation, message);
        } catch (UserFacingException refusal) {
            Notices.error(getTranslation(refusal.messageKey(), refusal.args()));
            showClause();
        }
    }

    private void openSaveDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("live-save-dialog");
        dialog.setHeaderTitle(getTranslation("draft.save"));
        TextArea message = new TextArea(getTranslation("draft.save.message"));
        message.setWidth("520px");
        message.setId("live-save-message");
        Button save = new Button(getTranslation("draft.save"), e -> {
            try {
                Optional<VersionInfo> version = service.saveVersion(clientId, message.getValue());
                dialog.close();
                Notices.success(version.map(v -> getTranslation("draft.saved", v.shortId()))
                        .orElse(getTranslation("editing.saved.nothing")));
            } catch (UserFacingException refusal) {
                message.setErrorMessage(getTranslation(refusal.messageKey(), refusal.args()));
                message.setInvalid(true);
            }
        });
        save.setId("live-save-confirm");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(message);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        message.focus();
    }

    /** Opens a clause by going to its address: back and forward then step through the clauses visited. */
    private void select(String id) {
        if (liveText != null && !id.equals(selectedId)) {
            getUI().ifPresent(ui -> ui.navigate(LiveDraftView.class,
                    new RouteParameters(Map.of("projectId", projectId, "clauseId", id))));
        }
    }

    private void reloadOutline(String byName) {
        rows = rows(drafts.open(projectId, null));
        showOutline();
        if (selectedId != null && !rows.containsKey(selectedId)) {
            selectedId = null;
            liveText.close();
            Notices.error(getTranslation("editing.clause-deleted", byName));
        } else if (byName != null) {
            Notices.success(getTranslation("editing.outline-changed", byName));
        }
        showClause();
    }

    private void showOutline() {
        TreeData<Row> tree = new TreeData<>();
        for (Row r : ordered) {
            tree.addItem(r.parentIndex() < 0 ? null : ordered.get(r.parentIndex()), r);
        }
        outline.setDataProvider(new TreeDataProvider<>(tree));
        outline.expandRecursively(tree.getRootItems(), 6);
        if (selectedId != null) {
            outline.select(rows.get(selectedId));
        }
    }

    private void showClause() {
        boolean open = selectedId != null && rows.containsKey(selectedId);
        hint.setVisible(!open);
        clauseTitle.setEnabled(open);
        if (!open) {
            clauseNumber.setText("");
            clauseTitle.setValue("");
            clausePresence.removeAll();
            return;
        }
        Row clause = rows.get(selectedId);
        outline.select(clause);
        clauseNumber.setText(clause.label());
        clauseTitle.setValue(clause.title());
        showClausePresence();
        showPreviewAndWarnings();
    }

    /**
     * What editors expect of a drafting tool, on the same Markdown text: a list item, a note, an example and a
     * cross-reference (picked from the outline, written as {@code [](#id)} and shown as the clause's number) are
     * inserted at the caret from these buttons or with Alt+Shift+L / N / E / R; the preview shows the clause as it will
     * read and the structure warnings follow the typing.
     */
    private void buildWritingTools() {
        writingTools.setId("live-writing-tools");
        writingTools.addClassName("live-writing-tools");
        writingTools.setAlignItems(FlexComponent.Alignment.BASELINE);
        writingTools.setWrap(true);
        writingTools.add(
                insertButton("usable.live.list-item", "live-insert-list", com.vaadin.flow.component.Key.KEY_L,
                        () -> "\n——"),
                insertButton("usable.live.note", "live-insert-note", com.vaadin.flow.component.Key.KEY_N,
                        () -> "\n\n" + getTranslation(documentLocale(), "usable.live.note.prefix")),
                insertButton("usable.live.example", "live-insert-example", com.vaadin.flow.component.Key.KEY_E,
                        () -> "\n\n" + getTranslation(documentLocale(), "usable.live.example.prefix")));
        crossReference.setId("live-insert-xref");
        crossReference.setPlaceholder(getTranslation("usable.live.xref"));
        crossReference.setAriaLabel(getTranslation("usable.live.xref"));
        crossReference.setTooltipText(getTranslation("usable.live.xref") + " (Alt+Shift+R)");
        crossReference.setItemLabelGenerator(r -> r.label().isEmpty() ? r.title() : r.label() + "  " + r.title());
        crossReference.setClearButtonVisible(false);
        crossReference.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && liveText != null) {
                liveText.insert("[](#" + e.getValue().id() + ")");
                crossReference.clear();
            }
        });
        com.vaadin.flow.component.Shortcuts.addShortcutListener(this, crossReference::focus,
                com.vaadin.flow.component.Key.KEY_R, com.vaadin.flow.component.KeyModifier.ALT,
                com.vaadin.flow.component.KeyModifier.SHIFT);
        writingTools.add(crossReference);
        preview.setSummaryText(getTranslation("usable.live.preview"));
        preview.setId("live-preview");
        previewText.addClassNames("dr-doc", "live-preview-text");
        previewText.setId("live-preview-text");
        preview.add(previewText);
        preview.addOpenedChangeListener(e -> showPreviewAndWarnings());
        warnings.setId("live-warnings");
        warnings.addClassName("clause-warnings");
        warnings.getElement().setAttribute("aria-live", "polite");
    }

    private Button insertButton(String labelKey, String id, com.vaadin.flow.component.Key key,
                                java.util.function.Supplier<String> text) {
        Button button = new Button(getTranslation(labelKey), e -> {
            if (liveText != null) {
                liveText.insert(text.get());
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setId(id);
        button.setTooltipText(getTranslation(labelKey) + " (Alt+Shift+" + key.getKeys().get(0).toUpperCase(Locale.ROOT)
                .replace("KEY", "") + ")");
        button.addClickShortcut(key, com.vaadin.flow.component.KeyModifier.ALT,
                com.vaadin.flow.component.KeyModifier.SHIFT).setEventPropagationAllowed(false);
        return button;
    }

    /**
     * The structure warnings of the open clause, and its preview when open: the draft with the clause's live text,
     * rendered as it will read (numbers, notes, cross-references), scrolled to the clause.
     */
    private void showPreviewAndWarnings() {
        warnings.removeAll();
        boolean open = selectedId != null && rows.containsKey(selectedId);
        writingTools.setVisible(open);
        preview.setVisible(open);
        if (!open) {
            return;
        }
        String id = selectedId;
        DraftDocument document = drafts.open(projectId, null).document();
        DraftDocument live = service.liveText(projectId, id)
                .map(text -> document.find(id).isPresent() ? Outline.replaceBody(document, id, text) : document)
                .orElse(document);
        List<org.draftroom.drafts.domain.DraftProblem> own = org.draftroom.drafts.domain.StructureChecks.check(live)
                .stream().filter(p -> p.clauseId().equals(id)).toList();
        if (!own.isEmpty()) {
            com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
            own.forEach(p -> list.add(new com.vaadin.flow.component.html.ListItem(
                    getTranslation(p.key(), p.args().toArray()))));
            warnings.add(new Span(getTranslation("draft.problems")), list);
        }
        if (preview.isOpened()) {
            previewText.getElement().setProperty("innerHTML",
                    org.draftroom.drafts.domain.DraftHtml.render(live, language()));
            previewText.getElement().executeJs(
                    "const t = this.querySelector('[id=\"' + CSS.escape($0) + '\"]');"
                            + " if (t) { this.scrollTop = t.offsetTop - this.offsetTop; }", id);
        }
    }

    private void showPresence(List<CoEditingService.Participant> now) {
        participants = now;
        presenceBar.removeAll();
        presenceBar.add(new Span(getTranslation("editing.here")));
        for (CoEditingService.Participant p : now) {
            Row in = rows.get(p.clauseId());
            String where = in == null ? "" : " · " + (in.label().isEmpty() ? in.title() : in.label());
            presenceBar.add(chip(p, p.name() + where));
        }
        outline.getDataProvider().refreshAll();
        showClausePresence();
    }

    private void showClausePresence() {
        clausePresence.removeAll();
        if (selectedId == null) {
            return;
        }
        List<CoEditingService.Participant> here = participants.stream()
                .filter(p -> p.clauseId().equals(selectedId)).toList();
        if (here.size() > 1) {
            clausePresence.add(new Span(getTranslation("editing.also-here")));
            here.stream().filter(p -> !p.clientId().equals(clientId)).forEach(p -> clausePresence.add(chip(p, p.name())));
        }
    }

    private Component presenceMarkers(Row clause) {
        Div markers = new Div();
        markers.addClassName("presence-bar");
        participants.stream().filter(p -> p.clauseId().equals(clause.id()))
                .forEach(p -> markers.add(chip(p, shortName(p.name()))));
        return markers;
    }

    private Span chip(CoEditingService.Participant p, String text) {
        Span chip = new Span(text);
        chip.addClassNames("presence-chip", "dr-colour-" + p.colour());
        if (p.clientId().equals(clientId)) {
            chip.addClassName("self");
        }
        chip.getElement().setAttribute("data-user", p.name());
        chip.getElement().setAttribute("title", p.name());
        chip.getElement().setAttribute("data-clause", p.clauseId());
        return chip;
    }

    /** The first word of a name ("刘洋" of "刘洋 Liu Yang"), to keep the outline narrow; the tooltip has it all. */
    private static String shortName(String name) {
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(0, space) : name;
    }

    private String label(String id) {
        Row r = rows.get(id);
        return r == null ? id : r.label().isEmpty() ? r.title() : r.label() + " " + r.title();
    }

    /** One outline row: the clause's id, its number as shown ("3.5", "附录A"), title, and parent's position. */
    record Row(String id, String label, String title, int parentIndex) {
    }

    private Map<String, Row> rows(DraftService.DraftSnapshot snapshot) {
        documentLanguage = snapshot.language();
        crossReference.setItems(snapshot.outline().clauses().stream().filter(c -> !c.id().isEmpty())
                .map(c -> new Row(c.id(), c.number().isEmpty() ? "" : c.label(language()), c.clause().title(),
                        c.parentIndex())).toList());
        List<Row> list = new java.util.ArrayList<>();
        Map<String, Row> byId = new LinkedHashMap<>();
        for (NumberedClause c : snapshot.outline().clauses()) {
            Row row = new Row(c.id(), c.number().isEmpty() ? "" : c.label(language()), c.clause().title(),
                    c.parentIndex());
            list.add(row);
            byId.putIfAbsent(c.id(), row);
        }
        ordered = list;
        return byId;
    }

    /**
     * The default title of a new clause in the document's language, whatever the interface's: a Chinese draft gets
     * "新条款" also from the English interface.
     */
    private String newClauseTitle() {
        return getTranslation(documentLocale(), "draft.new-clause");
    }

    /** The locale of the document's language, for texts written into the standard. */
    private Locale documentLocale() {
        return documentLanguage == Language.ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** The document's language: labels inside the standard follow it, not the interface language. */
    private Language language() {
        return documentLanguage;
    }

    @Override
    public String getPageTitle() {
        return projectCode == null ? getTranslation("app.name")
                : getTranslation("editing.page-title", projectCode) + " · " + getTranslation("app.name");
    }
}
