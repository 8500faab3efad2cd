package org.draftroom.drafts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.draftroom.drafts.domain.VersionNote;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.base.ui.Times;
import org.draftroom.drafts.DraftViewExtension;
import org.draftroom.drafts.domain.ClauseMerge;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftHtml;
import org.draftroom.drafts.domain.DraftProblem;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.domain.StructureChecks;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.drafts.service.SaveConflictException;
import org.draftroom.security.Access;

/**
 * A project's draft as the committee knows it: numbered clauses, table of contents, cross-references shown as
 * numbers, and an outline tree that navigates. Editors of the project's working group switch to editing: they
 * change clause titles and text and the outline (add, delete, move, indent, outdent), see numbers and warnings update
 * at once, and save a version with a message. Unsaved text always stays in the editor, also when saving fails.
 */
@Route(DraftView.PATH)
@RolesAllowed({"ADMIN", "SECRETARIAT", "EDITOR"})
class DraftView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String PATH = "projects/:projectId";

    private final DraftService drafts;
    private final ProjectService projects;
    private final Access access;
    private final DraftroomProperties properties;
    private final List<DraftViewExtension> extensions;

    private DraftService.DraftSnapshot snapshot;
    private DraftDocument working;
    private boolean editing;
    private boolean dirty;
    private String selectedId;
    private Map<String, List<DraftProblem>> problemsByClause = Map.of();

    private final H2 title = new H2();
    private final Span versionLine = new Span();
    private final HorizontalLayout toolbar = new HorizontalLayout();
    private final Div readOnlyBanner = new Div();
    private final TreeGrid<NumberedClause> outline = new TreeGrid<>();
    private final HorizontalLayout outlineTools = new HorizontalLayout();
    private final VerticalLayout clauseEditor = new VerticalLayout();
    private final TextField clauseTitle = new TextField();
    private final TextArea clauseBody = new TextArea();
    private final Div clauseWarnings = new Div();
    private final Details problems = new Details();
    private final Div document = new Div();
    private final Button editButton = new Button();
    private final Button saveButton = new Button();

    DraftView(DraftService drafts, ProjectService projects, Access access, DraftroomProperties properties,
              List<DraftViewExtension> extensions) {
        this.drafts = drafts;
        this.extensions = extensions;
        this.projects = projects;
        this.access = access;
        this.properties = properties;
        setId("draft-view");
        setSizeFull();
        setPadding(true);

        versionLine.addClassName("version-line");
        versionLine.setId("version-line");
        readOnlyBanner.addClassName("banner-info");
        readOnlyBanner.setId("read-only-banner");
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setWrap(true);

        outline.addHierarchyColumn(c -> c.number().isEmpty() ? c.clause().title()
                        : c.label(language()) + "  " + c.clause().title())
                .setHeader(getTranslation("draft.outline")).setFlexGrow(1).setSortable(false);
        outline.addComponentColumn(this::warningMarker).setWidth("48px").setFlexGrow(0);
        outline.setId("outline");
        outline.setSizeFull();
        outline.addItemClickListener(e -> select(e.getItem().id()));

        clauseTitle.setLabel(getTranslation("draft.clause.title"));
        clauseTitle.setWidthFull();
        clauseTitle.setId("clause-title");
        clauseTitle.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        clauseTitle.addValueChangeListener(e -> {
            if (e.isFromClient() && selectedId != null) {
                change(d -> Outline.retitle(d, selectedId, e.getValue()));
            }
        });
        clauseBody.setLabel(getTranslation("draft.clause.text"));
        clauseBody.setWidthFull();
        clauseBody.setMinHeight("220px");
        clauseBody.setId("clause-body");
        clauseBody.addClassName("clause-body");
        clauseBody.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        clauseBody.addValueChangeListener(e -> {
            if (e.isFromClient() && selectedId != null) {
                change(d -> Outline.replaceBody(d, selectedId, e.getValue()));
            }
        });
        clauseWarnings.addClassName("clause-warnings");
        clauseEditor.add(new H3(getTranslation("draft.clause.edit")), clauseTitle, clauseBody, clauseWarnings);
        clauseEditor.setPadding(false);
        clauseEditor.setId("clause-editor");

        outlineTools.add(tool(VaadinIcon.PLUS, "draft.op.add-after", "op-add-after",
                        id -> Outline.addClause(working, id, Outline.Placement.AFTER, getTranslation("draft.new-clause"), Set.of())),
                tool(VaadinIcon.LEVEL_DOWN, "draft.op.add-child", "op-add-child",
                        id -> Outline.addClause(working, id, Outline.Placement.LAST_CHILD, getTranslation("draft.new-clause"), Set.of())),
                tool(VaadinIcon.ARROW_UP, "draft.op.up", "op-up", id -> Outline.moveUp(working, id)),
                tool(VaadinIcon.ARROW_DOWN, "draft.op.down", "op-down", id -> Outline.moveDown(working, id)),
                tool(VaadinIcon.ARROW_RIGHT, "draft.op.indent", "op-indent", id -> Outline.indent(working, id)),
                tool(VaadinIcon.ARROW_LEFT, "draft.op.outdent", "op-outdent", id -> Outline.outdent(working, id)),
                deleteTool());
        outlineTools.setSpacing(false);
        outlineTools.addClassName("outline-tools");

        problems.setSummaryText(getTranslation("draft.problems"));
        problems.setId("problems");
        document.addClassName("dr-doc");
        document.setId("document");

        VerticalLayout left = new VerticalLayout(outlineTools, outline);
        left.setPadding(false);
        left.setSizeFull();
        left.setFlexGrow(1, outline);
        VerticalLayout right = new VerticalLayout(clauseEditor, problems, document);
        right.setPadding(false);
        right.addClassName("draft-main");
        right.setHeightFull();
        right.setFlexGrow(1, document);
        document.addClassName("draft-scroll");
        SplitLayout split = new SplitLayout(left, right);
        split.setSplitterPosition(28);
        split.setSizeFull();

        editButton.addClickListener(e -> toggleEditing());
        editButton.setId("edit-toggle");
        saveButton.setText(getTranslation("draft.save"));
        saveButton.setIcon(VaadinIcon.CHECK.create());
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.addClickListener(e -> openSaveDialog());
        saveButton.setId("save-version");

        add(title, versionLine, readOnlyBanner, toolbar, split);
        setFlexGrow(1, split);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String projectId = event.getRouteParameters().get("projectId").orElseThrow();
        List<String> ref = event.getLocation().getQueryParameters().getParameters().get("ref");
        load(projectId, ref == null || ref.isEmpty() ? null : ref.get(0));
    }

    private void load(String projectId, String ref) {
        snapshot = drafts.open(projectId, ref);
        working = snapshot.document();
        dirty = false;
        editing = editing && snapshot.editable();
        title.setText(snapshot.project().code() + "  " + snapshot.project().title(getLocale()));
        title.setId("draft-title");
        var v = snapshot.version();
        versionLine.setText(getTranslation("draft.version-line", v.shortId(), v.authorName(),
                Times.minutes(v.time(), properties.timeZone()), VersionNote.summary(v.message(), snapshot.outline(),
                        snapshot.language(), this::getTranslation))
                + (v.tags().isEmpty() ? "" : "  ·  " + String.join(", ", v.tags())));
        boolean latest = ref == null || ref.isBlank() || snapshot.editable() || isLatest();
        readOnlyBanner.removeAll();
        readOnlyBanner.setVisible(!latest);
        if (!latest) {
            Button toLatest = new Button(getTranslation("draft.open-latest"), e -> navigateTo(null));
            toLatest.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            readOnlyBanner.add(new Span(getTranslation("draft.read-only", v.shortId())), toLatest);
        }
        buildToolbar();
        refresh();
    }

    private boolean isLatest() {
        List<VersionInfo> head = drafts.history(snapshot.project().id(), 0, 1);
        return !head.isEmpty() && head.get(0).commitId().equals(snapshot.version().commitId());
    }

    private void buildToolbar() {
        toolbar.removeAll();
        String id = snapshot.project().id();
        Span stage = new Span(getTranslation(snapshot.project().stage().labelKey()) + " · "
                + snapshot.project().stageCode());
        stage.getElement().getThemeList().add("badge contrast");
        stage.setId("stage-badge");
        Button history = new Button(getTranslation("draft.history"), VaadinIcon.TIME_BACKWARD.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(HistoryView.class, new RouteParameters("projectId", id))));
        history.setId("open-history");
        Button stages = new Button(getTranslation("project.stage-timeline"), VaadinIcon.FLAG_CHECKERED.create(),
                e -> new StageDialog(projects, access, snapshot.project(), properties.timeZone(),
                        () -> load(id, null)).open());
        stages.setId("open-stages");
        Button document = new Button(getTranslation("project.document.open"), VaadinIcon.COG.create(),
                e -> new DocumentDialog(projects, access, snapshot.project(), () -> load(id, null)).open());
        document.setId("open-document-settings");
        toolbar.add(stage, history, stages, document);
        extensions.forEach(extension -> toolbar.add(extension.toolbarItem(snapshot)));
        if (snapshot.editable()) {
            Button upload = new Button(getTranslation("draft.import"), VaadinIcon.UPLOAD.create(),
                    e -> new ImportDialog(drafts, projects.maxMarkdownBytes(), id, () -> load(id, null)).open());
            upload.setId("import-version");
            editButton.setText(getTranslation(editing ? "draft.stop-editing" : "draft.edit"));
            editButton.setIcon((editing ? VaadinIcon.EYE : VaadinIcon.EDIT).create());
            toolbar.add(upload, editButton);
            if (editing) {
                toolbar.add(saveButton);
            }
        }
    }

    private void toggleEditing() {
        if (editing && dirty) {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("draft.stop-editing"),
                    getTranslation("draft.discard.confirm"), getTranslation("draft.discard"), e -> {
                editing = false;
                load(snapshot.project().id(), null);
            }, getTranslation("action.cancel"), e -> {
            });
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
            return;
        }
        editing = !editing;
        buildToolbar();
        refresh();
    }

    /** Applies an outline or text operation to the working document; a refusal leaves it as it was. */
    private void change(UnaryOperator<DraftDocument> operation) {
        try {
            working = operation.apply(working);
            dirty = true;
            refresh();
        } catch (UserFacingException refusal) {
            DraftsUi.show(this, refusal);
            refreshEditor();
        }
    }

    private Button tool(VaadinIcon icon, String labelKey, String id,
                        Function<String, DraftDocument> operation) {
        Button button = new Button(icon.create(), e -> {
            if (selectedId == null) {
                DraftsUi.error(getTranslation("draft.select-clause"));
                return;
            }
            String before = selectedId;
            change(d -> operation.apply(before));
            if (labelKey.startsWith("draft.op.add")) {
                NumberedOutline numbered = NumberedOutline.of(working);
                String added = addedId(numbered);
                if (added != null) {
                    select(added);
                }
            }
        });
        button.setTooltipText(getTranslation(labelKey));
        button.getElement().setAttribute("aria-label", getTranslation(labelKey));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setId(id);
        return button;
    }

    private String addedId(NumberedOutline numbered) {
        Set<String> known = snapshot.document().clauses().stream().map(c -> c.id()).collect(Collectors.toSet());
        return numbered.clauses().stream().map(NumberedClause::id).filter(i -> !known.contains(i))
                .reduce((a, b) -> b).orElse(null);
    }

    private Button deleteTool() {
        Button button = new Button(VaadinIcon.TRASH.create(), e -> {
            if (selectedId == null) {
                DraftsUi.error(getTranslation("draft.select-clause"));
                return;
            }
            String id = selectedId;
            String name = working.require(id).title();
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("draft.op.delete"),
                    getTranslation("draft.op.delete.confirm", name), getTranslation("action.delete"), ok -> {
                selectedId = null;
                change(d -> Outline.deleteClause(d, id));
            }, getTranslation("action.cancel"), no -> {
            });
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        button.setTooltipText(getTranslation("draft.op.delete"));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
        button.setId("op-delete");
        return button;
    }

    private void select(String id) {
        selectedId = id;
        NumberedOutline numbered = NumberedOutline.of(working);
        numbered.find(id).ifPresent(outline::select);
        refreshEditor();
        document.getElement().executeJs(
                "const t = this.querySelector('[id=\"' + CSS.escape($0) + '\"]');"
                        + " if (t) { t.scrollIntoView({block: 'start'}); }", id);
    }

    private void refresh() {
        NumberedOutline numbered = NumberedOutline.of(working);
        List<DraftProblem> found = StructureChecks.check(working);
        TreeData<NumberedClause> tree = new TreeData<>();
        for (NumberedClause c : numbered.clauses()) {
            NumberedClause parent = c.parentIndex() < 0 ? null : numbered.clauses().get(c.parentIndex());
            tree.addItem(parent, c);
        }
        problemsByClause = found.stream().collect(Collectors.groupingBy(DraftProblem::clauseId));
        outline.setDataProvider(new TreeDataProvider<>(tree));
        outline.expandRecursively(tree.getRootItems(), 6);
        if (selectedId != null) {
            numbered.find(selectedId).ifPresent(outline::select);
        }
        outlineTools.setVisible(editing);
        clauseEditor.setVisible(editing);
        saveButton.setEnabled(dirty);

        problems.removeAll();
        problems.setSummaryText(getTranslation("draft.problems") + " (" + found.size() + ")");
        problems.setVisible(!found.isEmpty());
        if (!found.isEmpty()) {
            problems.add(DraftsUi.problems(this, found));
        }
        document.getElement().setProperty("innerHTML",
                DraftHtml.renderTableOfContents(numbered, 2, language()) + DraftHtml.render(working, language()));
        refreshEditor();
    }

    private void refreshEditor() {
        if (selectedId == null || working.find(selectedId).isEmpty()) {
            selectedId = null;
            clauseTitle.setValue("");
            clauseBody.setValue("");
            clauseTitle.setEnabled(false);
            clauseBody.setEnabled(false);
            clauseWarnings.removeAll();
            return;
        }
        var clause = working.require(selectedId);
        clauseTitle.setEnabled(true);
        clauseBody.setEnabled(true);
        clauseTitle.setValue(clause.title());
        clauseBody.setValue(clause.body());
        clauseWarnings.removeAll();
        List<DraftProblem> own = problemsByClause.getOrDefault(selectedId, List.of());
        if (!own.isEmpty()) {
            clauseWarnings.add(DraftsUi.problems(this, own));
        }
    }

    private Component warningMarker(NumberedClause clause) {
        List<DraftProblem> own = problemsByClause.getOrDefault(clause.id(), List.of());
        if (own.isEmpty()) {
            return new Span();
        }
        Icon icon = VaadinIcon.WARNING.create();
        icon.addClassName("clause-warning");
        icon.setTooltipText(own.stream().map(p -> DraftsUi.text(this, p)).collect(Collectors.joining("\n")));
        return icon;
    }

    private void openSaveDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("save-dialog");
        dialog.setHeaderTitle(getTranslation("draft.save"));
        TextArea message = new TextArea(getTranslation("draft.save.message"));
        message.setWidth("520px");
        message.setId("save-message");
        message.setHelperText(getTranslation("draft.save.message.help"));
        Button save = new Button(getTranslation("draft.save"), e -> {
            try {
                DraftService.SaveResult result = drafts.save(snapshot.project().id(),
                        snapshot.version().commitId(), working.text(), message.getValue());
                dialog.close();
                Notices.success(getTranslation(result.merged() ? "draft.saved.merged" : "draft.saved",
                        result.version().shortId()));
                load(snapshot.project().id(), null);
            } catch (SaveConflictException conflict) {
                dialog.close();
                showConflict(conflict);
            } catch (UserFacingException refusal) {
                message.setErrorMessage(getTranslation(refusal.messageKey(), refusal.args()));
                message.setInvalid(true);
            }
        });
        save.setId("save-confirm");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(message);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        message.focus();
    }

    /** Both texts of every clause that someone else changed too; the editor keeps the user's text. */
    private void showConflict(SaveConflictException conflict) {
        Dialog dialog = new Dialog();
        dialog.setId("conflict-dialog");
        dialog.setHeaderTitle(getTranslation("draft.conflict.title"));
        dialog.setWidth("min(1100px, 95vw)");
        dialog.add(new Paragraph(getTranslation("draft.conflict.explain")));
        for (ClauseMerge.Conflict c : conflict.conflicts()) {
            HorizontalLayout both = new HorizontalLayout(column("draft.conflict.yours", c.oursText()),
                    column("draft.conflict.theirs", c.theirsText()));
            both.setWidthFull();
            dialog.add(new H3(c.title().isEmpty() ? getTranslation("draft.conflict.outline") : c.title()), both);
        }
        Button reload = new Button(getTranslation("draft.conflict.reload"), e -> {
            dialog.close();
            load(snapshot.project().id(), null);
        });
        reload.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reload.setId("conflict-reload");
        Button keep = new Button(getTranslation("draft.conflict.keep"), e -> dialog.close());
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        keep.setId("conflict-keep");
        dialog.getFooter().add(reload, keep);
        dialog.open();
    }

    private VerticalLayout column(String key, String text) {
        Pre pre = new Pre(text);
        pre.addClassName("conflict-text");
        VerticalLayout column = new VerticalLayout(new Span(getTranslation(key)), pre);
        column.setPadding(false);
        column.setWidth("50%");
        return column;
    }

    private void navigateTo(String ref) {
        getUI().ifPresent(ui -> ui.navigate(DraftView.class, new RouteParameters("projectId",
                snapshot.project().id()), ref == null ? QueryParameters.empty() : QueryParameters.of("ref", ref)));
    }

    /** The document's language: labels inside the standard follow it, not the interface language. */
    private Language language() {
        return snapshot == null ? Language.of(getLocale()) : snapshot.language();
    }

    @Override
    public String getPageTitle() {
        return snapshot == null ? getTranslation("app.name")
                : snapshot.project().code() + " · " + getTranslation("app.name");
    }
}
