package org.draftroom.comments.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.comments.RoundMargin;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentStatus;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftHtml;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;

/**
 * A version of a draft with its comments: an outline with the number of comments per clause, the numbered document
 * with the quoted words highlighted, and a margin of comment cards in document order that follows the document as it
 * scrolls; filters by type, status, clause, author and organisation; writing comments on selected words, a clause or
 * the whole document; threads.
 *
 * <p>Built from a {@link DraftService.DraftSnapshot} and an optional consultation round id, so that any view can embed
 * it (the comments view of the working draft, a round's reviewer view of its frozen version). The margin is lazy: only
 * the cards in view are fetched ({@link CommentReader#find} by page); the outline counts come from
 * {@link CommentReader#countsByClause}. Highlights are drawn for the first {@value #HIGHLIGHT_LIMIT} comments on
 * clauses, in document order, that match the filters (narrow the filters, e.g. to a clause, to see the others').
 */
@JavaScript("context://js/comments/selection.js")
@StyleSheet("context://css/comments.css")
public class CommentedDraft extends VerticalLayout {

    /** The most comments whose words are highlighted at once. */
    public static final int HIGHLIGHT_LIMIT = 500;
    static final int PAGE_SIZE = 20;

    private final CommentService comments;
    private final CommentReader reader;
    private final Access access;
    private final ZoneId zone;
    private final DraftService.DraftSnapshot snapshot;
    private final Long roundId;
    private final String projectId;
    private final String commitId;

    private CommentFilter filter;
    private Map<String, Integer> counts = Map.of();
    private List<String> order = List.of();
    private String html = "";
    private Selection selection;
    private String selectedClause;
    private final Map<Long, String> authors = new LinkedHashMap<>();
    private final Map<Long, String> organisations = new LinkedHashMap<>();
    private RoundMargin carried;
    private final Map<Long, RoundMargin.Outcome> outcomes = new HashMap<>();
    private HorizontalLayout actions;

    final MultiSelectComboBox<CommentType> typeFilter = new MultiSelectComboBox<>();
    final MultiSelectComboBox<CommentStatus> statusFilter = new MultiSelectComboBox<>();
    final ComboBox<OutlineItem> clauseFilter = new ComboBox<>();
    final ComboBox<Person> authorFilter = new ComboBox<>();
    final ComboBox<Person> organisationFilter = new ComboBox<>();
    final Checkbox outdatedFilter = new Checkbox();
    final TreeGrid<OutlineItem> outline = new TreeGrid<>();
    final Div document = new Div();
    final Grid<PlacedComment> margin = new Grid<>();
    final Span total = new Span();
    final Button commentWords = new Button();
    final Button commentClause = new Button();
    final Button commentGeneral = new Button();
    final Span selectionPreview = new Span();

    /** A row of the outline: a clause, or the "General" row for document-level comments (clause id ""). */
    public record OutlineItem(String clauseId, String label, NumberedClause clause) {
    }

    /** An author or organisation to filter by. */
    record Person(long id, String name) {
    }

    /** Words the user selected in the rendered draft, in rendered-text offsets of the clause. */
    record Selection(String clauseId, int start, int end, String text) {
    }

    /**
     * @param snapshot the version shown; comments are made on it
     * @param roundId  the consultation round whose comments are shown and made, or null for the working draft
     */
    public CommentedDraft(CommentService comments, CommentReader reader, Access access, ZoneId zone,
                          DraftService.DraftSnapshot snapshot,
                          Long roundId) {
        this.comments = comments;
        this.reader = reader;
        this.access = access;
        this.zone = zone;
        this.snapshot = snapshot;
        this.roundId = roundId;
        this.projectId = snapshot.project().id();
        this.commitId = snapshot.version().commitId();
        this.filter = CommentFilter.all().withRoundId(roundId);
        setId("commented-draft");
        addClassName("dr-commented");
        setPadding(false);
        setSizeFull();

        buildFilters();
        actions = buildActions();
        buildOutline();
        document.addClassNames("dr-doc", "draft-scroll", "dr-commented-doc");
        document.setId("document");
        document.getElement().setAttribute("aria-label", getTranslation("usable.comments.keyboard"));
        margin.setId("margin");
        margin.addClassName("dr-margin");
        margin.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_NO_ROW_BORDERS,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        margin.setPageSize(PAGE_SIZE);
        margin.setSelectionMode(Grid.SelectionMode.NONE);
        margin.addComponentColumn(this::card).setHeader(total).setKey("card");
        margin.setItems(new CallbackDataProvider<PlacedComment, Void>(
                query -> page(query.getOffset(), query.getLimit()).stream(),
                query -> counts.values().stream().mapToInt(Integer::intValue).sum()));

        HorizontalLayout body = new HorizontalLayout(outline, document, margin);
        body.addClassName("dr-commented-body");
        body.setSizeFull();
        body.setSpacing(true);
        body.setFlexGrow(0, outline);
        body.setFlexGrow(1, document);
        body.setFlexGrow(0, margin);
        outline.setWidth("320px");
        outline.setMinWidth("240px");
        outline.setHeightFull();
        document.setHeightFull();
        margin.setWidth("400px");
        margin.setMinWidth("320px");
        margin.setHeightFull();
        add(filtersBar(), actions, body);
        setFlexGrow(1, body);
        load();
    }

    private HorizontalLayout filtersBar() {
        HorizontalLayout bar = new HorizontalLayout(typeFilter, statusFilter, clauseFilter, authorFilter,
                organisationFilter, outdatedFilter);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.addClassName("dr-comment-filters");
        return bar;
    }

    private void buildFilters() {
        typeFilter.setLabel(getTranslation("comment.ui.filter.type"));
        typeFilter.setItems(CommentType.values());
        typeFilter.setItemLabelGenerator(t -> t.code() + " · " + getTranslation("comment.ui.type." + t.code()));
        typeFilter.setId("filter-type");
        typeFilter.addValueChangeListener(e -> applyFilter());
        statusFilter.setLabel(getTranslation("comment.ui.filter.status"));
        statusFilter.setItems(CommentStatus.values());
        statusFilter.setItemLabelGenerator(s -> getTranslation("comment.ui.status." + s.name().toLowerCase()));
        statusFilter.setId("filter-status");
        statusFilter.addValueChangeListener(e -> applyFilter());
        clauseFilter.setLabel(getTranslation("comment.ui.filter.clause"));
        clauseFilter.setItemLabelGenerator(OutlineItem::label);
        clauseFilter.setClearButtonVisible(true);
        clauseFilter.setId("filter-clause");
        clauseFilter.addValueChangeListener(e -> applyFilter());
        authorFilter.setLabel(getTranslation("comment.ui.filter.author"));
        authorFilter.setItemLabelGenerator(Person::name);
        authorFilter.setClearButtonVisible(true);
        authorFilter.setId("filter-author");
        authorFilter.addValueChangeListener(e -> applyFilter());
        organisationFilter.setLabel(getTranslation("comment.ui.filter.organisation"));
        organisationFilter.setItemLabelGenerator(Person::name);
        organisationFilter.setClearButtonVisible(true);
        organisationFilter.setId("filter-organisation");
        organisationFilter.addValueChangeListener(e -> applyFilter());
        outdatedFilter.setLabel(getTranslation("comment.ui.filter.outdated"));
        outdatedFilter.setId("filter-outdated");
        outdatedFilter.addValueChangeListener(e -> applyFilter());
    }

    /**
     * Whether to offer the comment buttons at all: the round's page asks the rounds module's rule and hides them where
     * no comment could be saved (a published round, an organisation that submitted).
     */
    public void offerComments(boolean offer) {
        commentWords.setVisible(offer);
        commentClause.setVisible(offer);
        commentGeneral.setVisible(offer);
        selectionPreview.setVisible(offer);
    }

    /**
     * Filters on one short line (their names as placeholders, small fields), so that the draft keeps the height of
     * the screen; the round page uses it.
     */
    public void compactFilters() {
        List<com.vaadin.flow.component.Component> filters = List.of(typeFilter, statusFilter, clauseFilter,
                authorFilter, organisationFilter);
        for (com.vaadin.flow.component.Component filter : filters) {
            if (filter instanceof com.vaadin.flow.component.HasLabel labelled
                    && filter instanceof com.vaadin.flow.component.HasPlaceholder placeholder) {
                placeholder.setPlaceholder(labelled.getLabel());
                filter.getElement().setAttribute("aria-label", labelled.getLabel());
                labelled.setLabel(null);
            }
            filter.getElement().getThemeList().add("small");
        }
        addClassName("dr-commented-compact");
    }

    private HorizontalLayout buildActions() {
        commentWords.setText(getTranslation("comment.ui.on-words"));
        commentWords.setIcon(VaadinIcon.COMMENT_ELLIPSIS_O.create());
        commentWords.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commentWords.setId("comment-on-words");
        commentWords.setEnabled(false);
        commentWords.addClickListener(e -> commentOnSelection());
        commentClause.setText(getTranslation("comment.ui.on-clause"));
        commentClause.setIcon(VaadinIcon.COMMENT_O.create());
        commentClause.setId("comment-on-clause");
        commentClause.setEnabled(false);
        commentClause.addClickListener(e -> commentOnClause());
        commentGeneral.setText(getTranslation("comment.ui.on-document"));
        commentGeneral.setIcon(VaadinIcon.FILE_TEXT_O.create());
        commentGeneral.setId("comment-general");
        commentGeneral.addClickListener(e -> openDialog(CommentDialog.Target.general()));
        selectionPreview.addClassName("dr-selection-preview");
        selectionPreview.setId("selection-preview");
        selectionPreview.setText(getTranslation("comment.ui.select-hint"));
        HorizontalLayout actions = new HorizontalLayout(commentWords, commentClause, commentGeneral,
                selectionPreview);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);
        actions.addClassName("dr-comment-actions");
        return actions;
    }

    private void buildOutline() {
        outline.addHierarchyColumn(OutlineItem::label).setHeader(getTranslation("draft.outline")).setFlexGrow(1);
        outline.addComponentColumn(item -> {
            int n = counts.getOrDefault(item.clauseId(), 0);
            Span count = new Span(n == 0 ? "" : String.valueOf(n));
            if (n > 0) {
                count.getElement().getThemeList().add("badge pill small");
                count.addClassName("dr-outline-count");
            }
            return count;
        }).setHeader(getTranslation("comment.ui.count")).setWidth("72px").setFlexGrow(0).setKey("count");
        outline.setId("comment-outline");
        outline.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        outline.addItemClickListener(e -> selectClause(e.getItem().clauseId()));
        TreeData<OutlineItem> tree = new TreeData<>();
        List<OutlineItem> items = new ArrayList<>();
        OutlineItem general = new OutlineItem("", getTranslation("comment.anchor.general"), null);
        tree.addItem(null, general);
        items.add(general);
        Language language = snapshot.language();
        List<NumberedClause> clauses = snapshot.outline().clauses();
        Map<Integer, OutlineItem> byIndex = new HashMap<>();
        List<String> ids = new ArrayList<>();
        ids.add("");
        for (NumberedClause c : clauses) {
            OutlineItem item = new OutlineItem(c.id(), c.number().isEmpty() ? c.clause().title()
                    : c.label(language) + "  " + c.clause().title(), c);
            byIndex.put(c.index(), item);
            tree.addItem(c.parentIndex() < 0 ? null : byIndex.get(c.parentIndex()), item);
            if (!c.id().isEmpty()) {
                items.add(item);
                ids.add(c.id());
            }
        }
        order = List.copyOf(ids);
        outline.setDataProvider(new TreeDataProvider<>(tree));
        outline.expandRecursively(tree.getRootItems(), 6);
        clauseFilter.setItems(items);
    }

    /** Reloads counts, highlights and margin for the current filters. */
    private void load() {
        Map<String, Integer> found = new HashMap<>(reader.countsByClause(projectId, commitId,
                filter.withClauseId(null)));
        counts = filter.clauseId() == null ? found
                : Map.of(filter.clauseId(), found.getOrDefault(filter.clauseId(), 0));
        outline.getDataProvider().refreshAll();
        int n = counts.values().stream().mapToInt(Integer::intValue).sum();
        total.setText(getTranslation("comment.ui.total", n));
        total.setId("comment-total");
        renderDocument();
        margin.getDataProvider().refreshAll();
    }

    private void applyFilter() {
        filter = new CommentFilter(typeFilter.getValue(), statusFilter.getValue(),
                Optional.ofNullable(clauseFilter.getValue()).map(OutlineItem::clauseId).orElse(null),
                Optional.ofNullable(authorFilter.getValue()).map(Person::id).orElse(null),
                Optional.ofNullable(organisationFilter.getValue()).map(Person::id).orElse(null),
                roundId, outdatedFilter.getValue());
        load();
    }

    private void renderDocument() {
        Language language = snapshot.language();
        // General comments come first in the margin's order and have no words to highlight: skip them.
        html = highlighted(snapshot.document(), language, fetch(counts.getOrDefault("", 0), HIGHLIGHT_LIMIT));
        document.getElement().setProperty("innerHTML",
                DraftHtml.renderTableOfContents(snapshot.outline(), 2, language) + html);
        // The selection's offsets were counted in the text just replaced: the user selects again.
        selection = null;
        commentWords.setEnabled(false);
        selectionPreview.setText(getTranslation("comment.ui.select-hint"));
        document.getElement().executeJs("this.__drLast = ''; window.getSelection().removeAllRanges();");
    }

    /**
     * The draft rendered as {@link DraftHtml#render} does, with the quoted words of these comments (those anchored in
     * this version) wrapped in {@code <mark class="dr-cmark" data-comments="ids">}.
     */
    public static String highlighted(DraftDocument document, Language language, List<PlacedComment> placed) {
        List<DraftMarks.Mark> marks = new ArrayList<>();
        for (PlacedComment p : placed) {
            Placement placement = p.placement();
            if (placement.status() == Placement.Status.ANCHORED && placement.highlight().isPresent()
                    && placement.anchor().hasQuote()) {
                Placement.Span span = placement.highlight().get();
                marks.add(new DraftMarks.Mark(placement.clauseId(), span.start(), span.end(), p.comment().id()));
            }
        }
        return DraftMarks.render(document, language, marks);
    }

    private CommentCard card(PlacedComment p) {
        CommentCard card = new CommentCard(p.comment(), p.placement(), projectId, zone, this::reveal,
                c -> openThread(c, p.placement()));
        if (carried != null) {
            card.showDisposition(outcomes.get(p.comment().id()));
        }
        return card;
    }

    /** A page of the margin; for a round carried forward, with the dispositions of its comments read afresh. */
    private List<PlacedComment> page(int offset, int limit) {
        List<PlacedComment> page = fetch(offset, limit);
        if (carried != null) {
            List<Long> ids = page.stream().map(p -> p.comment().id()).toList();
            ids.forEach(outcomes::remove);
            outcomes.putAll(carried.dispositions(roundId, ids));
        }
        return page;
    }

    private List<PlacedComment> fetch(int offset, int limit) {
        List<PlacedComment> page = reader.find(projectId, commitId, filter, offset, limit);
        boolean grew = false;
        for (PlacedComment p : page) {
            Comment c = p.comment();
            grew |= authors.putIfAbsent(c.authorId(), c.authorName()) == null;
            if (c.organisationId() != null) {
                grew |= organisations.putIfAbsent(c.organisationId(), c.organisationCode()) == null;
            }
        }
        if (grew) {
            access.currentUser().ifPresent(me -> authors.putIfAbsent(me.id(), me.displayName()));
            authorFilter.setItems(authors.entrySet().stream().map(e -> new Person(e.getKey(), e.getValue())).toList());
            organisationFilter.setItems(organisations.entrySet().stream()
                    .map(e -> new Person(e.getKey(), e.getValue())).toList());
        }
        return page;
    }

    /**
     * JavaScript that runs {@code call} (an expression using {@code comments}, the browser helper's API, and
     * {@code self}, the document element) once {@code js/comments/selection.js} has loaded: at once if it has, else
     * on its {@code draftroom-comments} event. Vaadin may run this before it has loaded the helper.
     */
    static String whenLoaded(String call) {
        return "const self = this; const loaded = window.draftroom && window.draftroom.comments;"
                + " (loaded ? Promise.resolve(loaded) : new Promise(resolve => window.addEventListener("
                + "'draftroom-comments', () => resolve(window.draftroom.comments), {once: true})))"
                + ".then(comments => " + call + ");";
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        document.getElement().executeJs(whenLoaded("comments.attach(self, $0)"), getElement());
    }

    /**
     * Stops the browser helper's listeners of this document, the one on the whole page included (it would otherwise
     * outlive the view). Runs after the browser has removed the element, so the helper finds it gone.
     */
    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().getPage().executeJs(
                "window.draftroom && window.draftroom.comments && window.draftroom.comments.detachRemoved()");
        super.onDetach(detachEvent);
    }

    /** Called by the browser helper when the selection in the document changes (clause id "" = none). */
    @ClientCallable
    void selected(String clauseId, int start, int end, String text) {
        if (clauseId == null || clauseId.isEmpty() || text == null || text.isBlank()) {
            selection = null;
            commentWords.setEnabled(false);
            selectionPreview.setText(getTranslation("comment.ui.select-hint"));
            commentClause.setEnabled(selectedClause != null);
            return;
        }
        selection = new Selection(clauseId, start, end, text);
        selectedClause = clauseId;
        commentWords.setEnabled(true);
        commentClause.setEnabled(true);
        selectionPreview.setText(getTranslation("comment.ui.selected", clauseLabel(clauseId),
                CommentCard.shorten(text.length() > 60 ? text.substring(0, 59) + "…" : text)));
    }

    /** Called by the browser helper when a highlight is clicked: the comment ids it belongs to. */
    @ClientCallable
    void markClicked(String ids) {
        Arrays.stream(ids.split(" ")).filter(s -> s.matches("\\d+")).findFirst().map(Long::parseLong)
                .ifPresent(id -> {
                    try {
                        Comment comment = reader.get(id);
                        scrollMarginTo(comment.placement().clauseId());
                        openThread(comment, comment.placement());
                    } catch (UserFacingException refusal) {
                        Notices.error(getTranslation(refusal.messageKey(), refusal.args()));
                    }
                });
    }

    /** Called by the browser helper when the document scrolls: the clause heading now at the top. */
    @ClientCallable
    void topClause(String clauseId) {
        scrollMarginTo(clauseId == null ? "" : clauseId);
    }

    /** Scrolls the margin to the first comment of the clause (or of the nearest clause before it that has some). */
    void scrollMarginTo(String clauseId) {
        int index = firstIndexOf(clauseId);
        if (index >= 0) {
            margin.scrollToIndex(index);
        }
    }

    /** Where the clause's first comment stands in the margin: general comments first, then in document order. */
    int firstIndexOf(String clauseId) {
        int index = 0;
        for (String id : order) {
            if (id.equals(clauseId)) {
                return index;
            }
            index += counts.getOrDefault(id, 0);
        }
        return -1;
    }

    void selectClause(String clauseId) {
        selectedClause = clauseId.isEmpty() ? null : clauseId;
        commentClause.setEnabled(selectedClause != null);
        scrollMarginTo(clauseId);
        if (!clauseId.isEmpty()) {
            document.getElement().executeJs(
                    "window.draftroom && window.draftroom.comments && window.draftroom.comments.showClause(this, $0)",
                    clauseId);
        }
    }

    private String clauseLabel(String clauseId) {
        return snapshot.outline().find(clauseId).map(c -> c.number().isEmpty() ? c.clause().title()
                : c.label(snapshot.language()) + " " + c.clause().title()).orElse(clauseId);
    }

    void commentOnSelection() {
        if (selection == null) {
            Notices.error(getTranslation("comment.ui.selection-empty"));
            return;
        }
        try {
            Clause clause = snapshot.document().find(selection.clauseId())
                    .orElseThrow(() -> new UserFacingException("comment.ui.selection-unmapped"));
            String rendered = DraftMarks.clauseText(html, selection.clauseId());
            SelectionMapping.Quote quote = SelectionMapping.map(clause.body(), rendered, selection.start(),
                    selection.end(), selection.text());
            openDialog(new CommentDialog.Target(clause.id(), clauseLabel(clause.id()), quote.start(), quote.end(),
                    quote.text(), quote.text()));
        } catch (UserFacingException refusal) {
            Notices.error(getTranslation(refusal.messageKey(), refusal.args()));
        }
    }

    void commentOnClause() {
        if (selectedClause == null) {
            Notices.error(getTranslation("draft.select-clause"));
            return;
        }
        Clause clause = snapshot.document().require(selectedClause);
        openDialog(new CommentDialog.Target(clause.id(), clauseLabel(clause.id()), 0, 0, "", clause.body()));
    }

    CommentDialog openDialog(CommentDialog.Target target) {
        CommentDialog dialog = new CommentDialog(comments, projectId, commitId, roundId, target, created -> {
            Notices.success(getTranslation("comment.ui.created", created.readableId()));
            load();
            reveal(created);
        });
        dialog.open();
        return dialog;
    }

    private void reveal(Comment comment) {
        document.getElement().executeJs(
                "window.draftroom && window.draftroom.comments && window.draftroom.comments.reveal(this, $0, $1)",
                String.valueOf(comment.id()), comment.placement() == null ? "" : comment.placement().clauseId());
    }

    /**
     * Opens a comment reached from elsewhere (a search result, {@code ?comment=}): its words marked and scrolled to in
     * the document, and its thread shown. Refused, like any reading, to whoever may not read it.
     */
    public void show(long commentId) {
        Comment comment = reader.get(commentId);
        if (!comment.projectId().equals(projectId)) {
            return;
        }
        document.getElement().executeJs(whenLoaded("comments.reveal(self, $0, $1)"),
                String.valueOf(comment.id()), comment.placement() == null ? "" : comment.placement().clauseId());
        openThread(comment, comment.placement());
    }

    ThreadDialog openThread(Comment comment, Placement placement) {
        CurrentUser me = access.currentUser().orElse(null);
        boolean mayApply = roundId == null && access.canEditProjectsOf(snapshot.project().workingGroup());
        boolean mayModerate = me != null && (me.id() == comment.authorId() || mayApply
                || access.hasAnyRole(org.draftroom.security.Role.SECRETARIAT));
        ThreadDialog dialog = new ThreadDialog(comments, reader, comment, placement, zone, mayApply, mayModerate,
                this::load);
        dialog.open();
        return dialog;
    }

    /**
     * Shows the round's comments as carried onto a later version of the draft (the one shown): no writing, since a
     * round's comments are made on the version it froze, and on every card the disposition being recorded, read with
     * each page of the margin from {@code rounds}.
     */
    public void showCarriedForward(RoundMargin rounds) {
        if (roundId == null) {
            throw new IllegalStateException("only a round's comments are carried forward");
        }
        carried = rounds;
        actions.setVisible(false);
        margin.getDataProvider().refreshAll();
    }

    /** The address of the comments page showing the round's comments carried onto the project's latest version. */
    public static String carriedForwardHref(String projectId, long roundId) {
        return CommentsView.href(projectId, null, roundId);
    }

    /** The filter in force (for tests and embedding views). */
    public CommentFilter filter() {
        return filter;
    }

    /** The number of comments per clause id in the version shown, for the current filters ("" = General). */
    public Map<String, Integer> counts() {
        return counts;
    }

    String html() {
        return html;
    }

}
