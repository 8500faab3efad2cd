package org.draftroom.search.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectFilter;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundAccessRules;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.search.SearchProperties;
import org.draftroom.search.index.IndexedItem;
import org.draftroom.search.index.Kind;
import org.draftroom.search.index.QueryText;
import org.draftroom.search.index.SearchIndex;
import org.draftroom.search.index.Snippets;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Search across every standard, finding only what the person may see. "May see" is not decided here: it is asked of
 * the modules that own the things, through the same services their views use, and turned into a filter of the
 * index:
 *
 * <ul>
 *   <li>clauses and terms of current versions: the projects {@link ProjectService#find} lists to the person (the drafts
 *   module's rule: administrators, the secretariat, editors);</li>
 *   <li>a round's frozen text: the rounds {@link RoundService#visibleRounds} gives (reviewers: the opened rounds of
 *   their audience). Those who read the working drafts find it only when they limit the search to the round, so
 *   that every clause is not found twice;</li>
 *   <li>working-draft comments: the projects for which {@link CommentReader#mayReadWorkingDraft} says yes;</li>
 *   <li>round comments: the rounds of {@link RoundAccessRules#mayRead}, limited to the organisations of
 *   {@link RoundAccessRules#visibleOrganisations} and the person's own comments, as the comments module does;</li>
 *   <li>dispositions: as their comments, and only once published unless {@link DispositionService#isStaff}.</li>
 * </ul>
 *
 * What a person may see is computed at most every two seconds per person (rules change rarely; a search must stay
 * within milliseconds). A query is plain words and quoted phrases ({@link QueryText}), never query syntax.
 */
@Service
public class SearchService {

    private static final int MAX_LIMIT = 100;
    private static final long VISIBILITY_MILLIS = 2000;

    private final SearchIndexer indexer;
    private final ProjectService projects;
    private final CommentReader comments;
    private final RoundService rounds;
    private final RoundAccessRules roundRules;
    private final DispositionService dispositions;
    private final Access access;
    private final SearchProperties properties;
    private final Map<Long, Visibility> visibilities = new ConcurrentHashMap<>();

    SearchService(SearchIndexer indexer, ProjectService projects, CommentReader comments, RoundService rounds,
                  RoundAccessRules roundRules, DispositionService dispositions, Access access,
                  SearchProperties properties) {
        this.indexer = indexer;
        this.projects = projects;
        this.comments = comments;
        this.rounds = rounds;
        this.roundRules = roundRules;
        this.dispositions = dispositions;
        this.access = access;
        this.properties = properties;
    }

    /** What the signed-in person may see, as the owning modules answer (see the class comment). */
    record Visibility(long at, long userId, boolean readsDrafts, Set<String> projects, Set<String> commentProjects,
                      Map<Long, Round> rounds, Set<Long> allOrganisationRounds,
                      Map<Long, Set<Long>> someOrganisationRounds, Set<Long> dispositionRounds) {
    }

    private Visibility visibility() {
        CurrentUser me = access.current();
        Visibility cached = visibilities.get(me.id());
        if (cached != null && System.currentTimeMillis() - cached.at() < VISIBILITY_MILLIS) {
            return cached;
        }
        boolean readsDrafts = access.canReadDrafts();
        List<Project> readable = readsDrafts ? projects.find(ProjectFilter.all()) : List.of();
        Set<String> projectIds = readable.stream().map(Project::id).collect(Collectors.toSet());
        Set<String> commentProjects = readable.stream().map(Project::id).filter(comments::mayReadWorkingDraft)
                .collect(Collectors.toSet());
        Map<Long, Round> visibleRounds = new LinkedHashMap<>();
        Set<Long> allOrgs = new java.util.HashSet<>();
        Map<Long, Set<Long>> someOrgs = new HashMap<>();
        Set<Long> dispositionRounds = new java.util.HashSet<>();
        for (Round r : rounds.visibleRounds()) {
            visibleRounds.put(r.id(), r);
            if (!roundRules.mayRead(r.id(), me)) {
                continue;
            }
            Optional<Set<Long>> orgs = roundRules.visibleOrganisations(r.id(), me);
            if (orgs.isEmpty()) {
                allOrgs.add(r.id());
            } else {
                someOrgs.put(r.id(), orgs.get());
            }
            if (r.publishedAt() != null || dispositions.isStaff(r.id())) {
                dispositionRounds.add(r.id());
            }
        }
        Visibility v = new Visibility(System.currentTimeMillis(), me.id(), readsDrafts, projectIds, commentProjects,
                visibleRounds, allOrgs, someOrgs, dispositionRounds);
        visibilities.put(me.id(), v);
        return v;
    }

    /** Searches what the signed-in person may see. Never fails on any input: bad input gets a message. */
    @PreAuthorize("isAuthenticated()")
    public SearchResult search(SearchRequest request) {
        QueryText text = QueryText.parse(request.query(), properties.maxQueryLength());
        Visibility v = visibility();
        Query filter = filter(v, request);
        List<SearchResult.Hit> goTo = goTo(text, filter, request);
        Optional<Query> query = text.toQuery(indexer.index().analyzer(), SearchIndex.TEXT);
        if (query.isEmpty()) {
            String message = text.text().isEmpty() ? "search.empty" : "search.no-words";
            return new SearchResult(text.text(), goTo.isEmpty() ? message : null, 0, List.of(), Map.of(), goTo);
        }
        int limit = Math.max(1, Math.min(request.limit() <= 0 ? 20 : request.limit(), MAX_LIMIT));
        int offset = Math.max(0, Math.min(request.offset(), 10_000));
        SearchIndex.Page page = indexer.index().search(query.get(), filter, offset, limit);
        List<String> needles = needles(text);
        List<SearchResult.Hit> hits = page.items().stream().map(i -> hit(i, needles, text)).toList();
        String message = !indexer.ready() ? "search.index-building"
                : text.shortened() ? "search.shortened"
                : page.total() == 0 && goTo.isEmpty() ? "search.no-results" : null;
        return new SearchResult(text.text(), message, page.total(), hits, page.facets(), goTo);
    }

    /** Every term (3.x entry) of the current versions the person may read, by project and number. */
    @PreAuthorize("isAuthenticated()")
    public List<IndexedItem> terms() {
        Visibility v = visibility();
        Query q = new BooleanQuery.Builder().add(SearchIndex.term(SearchIndex.KIND, Kind.TERM.name()), Occur.FILTER)
                .add(SearchIndex.term(SearchIndex.ROUND, "0"), Occur.FILTER)
                .add(in(SearchIndex.PROJECT, v.projects()), Occur.FILTER).build();
        return indexer.index().all(q, 100_000).stream()
                .sorted(java.util.Comparator.comparing(IndexedItem::projectCode).thenComparing(IndexedItem::number,
                        SearchService::compareNumbers)).toList();
    }

    private static int compareNumbers(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    // --- the filter ------------------------------------------------------------------------------------------------

    private static Query filter(Visibility v, SearchRequest r) {
        BooleanQuery.Builder visible = new BooleanQuery.Builder();
        Query texts = in(SearchIndex.KIND, List.of(Kind.CLAUSE.name(), Kind.TERM.name()));
        visible.add(and(texts, SearchIndex.term(SearchIndex.ROUND, "0"), in(SearchIndex.PROJECT, v.projects())),
                Occur.SHOULD);
        if (!v.readsDrafts() || r.roundId() != null) {
            visible.add(and(texts, in(SearchIndex.ROUND, ids(v.rounds().keySet()))), Occur.SHOULD);
        }
        Query commentsOnly = SearchIndex.term(SearchIndex.KIND, Kind.COMMENT.name());
        visible.add(and(commentsOnly, SearchIndex.term(SearchIndex.ROUND, "0"),
                in(SearchIndex.PROJECT, v.commentProjects())), Occur.SHOULD);
        visible.add(and(commentsOnly, in(SearchIndex.ROUND, ids(v.allOrganisationRounds()))), Occur.SHOULD);
        Query disposition = SearchIndex.term(SearchIndex.KIND, Kind.DISPOSITION.name());
        Set<Long> allOrgDispositions = new java.util.HashSet<>(v.allOrganisationRounds());
        allOrgDispositions.retainAll(v.dispositionRounds());
        visible.add(and(disposition, in(SearchIndex.ROUND, ids(allOrgDispositions))), Occur.SHOULD);
        String me = Long.toString(v.userId());
        v.someOrganisationRounds().forEach((round, orgs) -> {
            Query whose = new BooleanQuery.Builder().add(SearchIndex.term(SearchIndex.AUTHOR, me), Occur.SHOULD)
                    .add(in(SearchIndex.ORGANISATION_ID, ids(orgs)), Occur.SHOULD).build();
            Query roundQ = SearchIndex.term(SearchIndex.ROUND, round.toString());
            visible.add(and(commentsOnly, roundQ, whose), Occur.SHOULD);
            if (v.dispositionRounds().contains(round)) {
                visible.add(and(disposition, roundQ, whose), Occur.SHOULD);
            }
        });
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(visible.build(), Occur.FILTER);
        if (r.kind() != null) {
            all.add(SearchIndex.term(SearchIndex.KIND, r.kind().name()), Occur.FILTER);
        }
        optional(all, SearchIndex.PROJECT, r.projectId());
        optional(all, SearchIndex.WORKING_GROUP, r.workingGroup());
        optional(all, SearchIndex.TYPE, r.type());
        optional(all, SearchIndex.ORGANISATION, r.organisation());
        optional(all, SearchIndex.STATUS, r.status());
        if (r.roundId() != null) {
            all.add(SearchIndex.term(SearchIndex.ROUND, r.roundId().toString()), Occur.FILTER);
        }
        return all.build();
    }

    private static void optional(BooleanQuery.Builder all, String field, String value) {
        if (value != null && !value.isBlank()) {
            all.add(SearchIndex.term(field, value.trim()), Occur.FILTER);
        }
    }

    private static Query and(Query... queries) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : queries) {
            b.add(q, Occur.FILTER);
        }
        return b.build();
    }

    private static Query in(String field, Collection<String> values) {
        if (values.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private static List<String> ids(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
    }

    // --- clause numbers and codes ----------------------------------------------------------------------------------

    private List<SearchResult.Hit> goTo(QueryText text, Query filter, SearchRequest r) {
        Query q = null;
        if (text.clauseNumber().isPresent()) {
            q = SearchIndex.term(SearchIndex.NUMBER, text.clauseNumber().get());
        } else if (text.standardCode().isPresent()) {
            String code = SearchIndex.normalCode(text.standardCode().get());
            q = new BooleanQuery.Builder().add(SearchIndex.term(SearchIndex.CODE, code), Occur.MUST)
                    .add(in(SearchIndex.KIND, List.of(Kind.CLAUSE.name(), Kind.TERM.name())), Occur.FILTER).build();
        }
        if (q == null) {
            return List.of();
        }
        List<IndexedItem> found = indexer.index().search(q, filter, 0, 50).items();
        if (text.standardCode().isPresent()) {
            // One entry per project: its first clause stands for it.
            Map<String, IndexedItem> first = new LinkedHashMap<>();
            found.forEach(i -> first.putIfAbsent(i.projectId() + ":" + i.roundId(), i));
            found = new ArrayList<>(first.values());
        }
        return found.stream().map(i -> new SearchResult.Hit(i, Snippets.escape(i.title()),
                text.standardCode().isPresent() ? projectPath(i) : path(i, text))).toList();
    }

    // --- hits ------------------------------------------------------------------------------------------------------

    /**
     * What a view marks for a query as the results page does: its words and quoted phrases, and the stems of its
     * English words ("consents" marks "consent" and "consenting"), so a result opens with its words marked.
     */
    public List<String> marks(String query) {
        return query == null || query.isBlank() ? List.of() : needles(QueryText.parse(query, properties.maxQueryLength()));
    }

    private List<String> needles(QueryText text) {
        List<String> needles = new ArrayList<>(text.parts());
        for (String part : text.parts()) {
            needles.addAll(List.of(part.split("\\s+")));
        }
        needles.addAll(text.tokens(indexer.index().analyzer(), SearchIndex.TEXT).stream()
                .filter(t -> t.chars().allMatch(c -> c < 0x2E80) && t.length() > 2).toList());
        return needles;
    }

    private SearchResult.Hit hit(IndexedItem i, List<String> needles, QueryText text) {
        String snippet = Snippets.snippet(i.text().isEmpty() ? i.title() : i.text(), needles, 160);
        return new SearchResult.Hit(i, snippet, path(i, text));
    }

    private static String projectPath(IndexedItem i) {
        return i.roundId() == 0 ? "projects/" + i.projectId() : "rounds/" + i.roundId();
    }

    /** Where a result opens: a clause in the find view of its version, a comment in its project's comments. */
    static String path(IndexedItem i, QueryText text) {
        String q = "q=" + URLEncoder.encode(text.text(), StandardCharsets.UTF_8);
        return switch (i.kind()) {
            case CLAUSE, TERM -> "projects/" + i.projectId() + "/find?" + (i.roundId() == 0 ? ""
                    : "round=" + i.roundId() + "&") + "clause=" + URLEncoder.encode(i.clauseId(),
                    StandardCharsets.UTF_8) + "&" + q;
            case COMMENT, DISPOSITION -> i.roundId() == 0
                    ? "projects/" + i.projectId() + "/comments?comment=" + i.commentId()
                    : "rounds/" + i.roundId() + "?comment=" + i.commentId();
        };
    }

    /**
     * The terms of a project's current version that other readable projects define too, with theirs, and whether the
     * definitions differ.
     */
    @PreAuthorize("isAuthenticated()")
    public List<TermComparison.SharedTerm> sharedTerms(String projectId) {
        List<IndexedItem> all = terms();
        List<IndexedItem> own = all.stream().filter(t -> t.projectId().equals(projectId)).toList();
        return TermComparison.shared(own, all);
    }

    /** Forgets the cached visibility of everyone (tests that change someone's rights). */
    public void forgetVisibility() {
        visibilities.clear();
    }

    /** For the term index: every readable project. */
    @PreAuthorize("isAuthenticated()")
    public Set<String> readableProjects() {
        return visibility().projects();
    }


}
