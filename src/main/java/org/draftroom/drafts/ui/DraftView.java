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
import java.util.ArrayList;
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
import org.draftroom.drafts.ClauseNote;
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
 * numbers, and an outline tree that navigates. This screen only reads: editors of the project's working group change
 * the draft in live editing ("Edit live", contributed by {@code editing}), where every keystroke is kept as it is
 * typed and saving a named version is an action; or they import a whole new version. There is no second editing mode
 * with unsaved text to lose (docs/editing-decision.md).
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
    private List<ClauseNote> notes = List.of();

    private DraftService.DraftSnapshot snapshot;
    private DraftDocument working;
    private Map<String, List<DraftProblem>> problemsByClause = Map.of();

    private final H2 title = new H2();
    private final Span versionLine = new Span();
    private final HorizontalLayout toolbar = new HorizontalLayout();
    private final Div readOnlyBanner = new Div();
    private final TreeGrid<NumberedClause> outline = new TreeGrid<>();
    private final Details problems = new Details();
    private final Div document = new Div();

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
        outline.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        outline.addItemClickListener(e -> select(e.getItem().id()));

        problems.setSummaryText(getTranslation("draft.problems"));
        problems.setId("problems");
        document.addClassName("dr-doc");
        document.setId("document");

        VerticalLayout left = new VerticalLayout(outline);
        left.setPadding(false);
        left.setSizeFull();
        left.setFlexGrow(1, outline);
        VerticalLayout right = new VerticalLayout(problems, document);
        right.setPadding(false);
        right.addClassName("draft-main");
        right.setHeightFull();
        right.setFlexGrow(1, document);
        document.addClassName("draft-scroll");
        SplitLayout split = new SplitLayout(left, right);
        split.setSplitterPosition(28);
        split.setSizeFull();

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
        notes = extensions.stream().flatMap(extension -> extension.clauseNotes(snapshot).stream()).toList();
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
            toolbar.add(upload);
            Span hint = new Span(getTranslation("usable.draft.edit-hint"));
            hint.addClassName("version-line");
            hint.setId("edit-hint");
            toolbar.add(hint);
        }
    }

    private void select(String id) {
        document.getElement().executeJs(
                "const t = this.querySelector('[id=\"' + CSS.escape($0) + '\"]');"
                        + " if (t) { t.scrollIntoView({block: 'start'}); }", id);
    }

    private void refresh() {
        NumberedOutline numbered = NumberedOutline.of(working);
        List<DraftProblem> found = new ArrayList<>(StructureChecks.check(working));
        notes.stream().map(ClauseNote::warning).filter(java.util.Objects::nonNull).forEach(found::add);
        TreeData<NumberedClause> tree = new TreeData<>();
        for (NumberedClause c : numbered.clauses()) {
            NumberedClause parent = c.parentIndex() < 0 ? null : numbered.clauses().get(c.parentIndex());
            tree.addItem(parent, c);
        }
        problemsByClause = found.stream().collect(Collectors.groupingBy(DraftProblem::clauseId));
        outline.setDataProvider(new TreeDataProvider<>(tree));
        outline.expandRecursively(tree.getRootItems(), 6);

        problems.removeAll();
        problems.setSummaryText(getTranslation("draft.problems") + " (" + found.size() + ")");
        problems.setVisible(!found.isEmpty());
        if (!found.isEmpty()) {
            problems.add(DraftsUi.problems(this, found));
        }
        document.getElement().setProperty("innerHTML", DraftHtml.renderTableOfContents(numbered, 2, language())
                + ClauseNotesHtml.insert(DraftHtml.render(working, language()), notes));
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
