package org.draftroom.rounds.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.RoundMargin;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.domain.Comment;
import org.draftroom.drafts.service.DraftReader;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.domain.RoundCommentQuery;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.rounds.DispositionRecorded;
import org.draftroom.rounds.DispositionsPublished;
import org.draftroom.rounds.data.DispositionRepository;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.DispositionRecord;
import org.draftroom.rounds.domain.DispositionQuery;
import org.draftroom.rounds.domain.DispositionRow;
import org.draftroom.rounds.domain.DuplicateSimilarity;
import org.draftroom.rounds.domain.InvitedOrganisation;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundState;
import org.draftroom.rounds.domain.RoundStatistics;
import org.draftroom.rounds.domain.Submission;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What became of each comment of a round: after closing, the secretariat and the working group's editors see every
 * comment in one table sorted by clause, assign comments to editors, group duplicates and record a disposition
 * (a reason is required for all but plain acceptance); the secretariat publishes them, and from then on reviewers
 * see the outcome of their comments and say whether they are satisfied.
 *
 * <p>It also tells the comments page, for the round's staff, which rounds can be shown on the working draft and
 * what has been decided so far (the comments module's {@link RoundMargin} SPI).
 *
 * <p>The table is built in memory from the comments module's list of the round's comments (sorted by clause order of
 * the frozen version) and this module's dispositions; a round holds at most some ten thousand comments.
 */
@Service
@Transactional
public class DispositionService implements RoundMargin {

    /** The most comments of a round the merged table loads. */
    public static final int MAX_COMMENTS = 20_000;
    static final int REASON_MAX = 10_000;

    private final RoundRepository rounds;
    private final RoundService roundService;
    private final DispositionRepository dispositions;
    private final CommentReader comments;
    private final DraftReader draftReader;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DispositionService(RoundRepository rounds, RoundService roundService, DispositionRepository dispositions,
                       CommentReader comments, DraftReader draftReader, Access access,
                       ApplicationEventPublisher events, Clock clock) {
        this.draftReader = draftReader;
        this.rounds = rounds;
        this.roundService = roundService;
        this.dispositions = dispositions;
        this.comments = comments;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the signed-in person is staff of the round (secretariat, administrator, the WG's editors). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean isStaff(long roundId) {
        return isStaff(find(roundId), access.current());
    }

    /**
     * Whether the signed-in person may decide on the round's comments (record dispositions, assign, group
     * duplicates): the secretariat and the editors of the project's working group. Administrators read the table but
     * do not decide.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean mayDecide(long roundId) {
        return mayDecide(find(roundId), access.current());
    }

    /**
     * The round's comments with their dispositions, sorted by clause of the frozen version. Staff see every comment;
     * reviewers of the audience see, after publication, what the comments module lets them see; anybody else is told
     * that the round does not exist (as by {@link RoundService#get}), before and after publication alike.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DispositionRow> rows(long roundId) {
        Round round = find(roundId);
        CurrentUser me = access.current();
        boolean staff = isStaff(round, me);
        if (!staff) {
            roundService.get(roundId);
            if (round.publishedAt() == null) {
                throw new UserFacingException("dispositions.not-published");
            }
        }
        CommentFilter filter = CommentFilter.all().withRoundId(roundId).withTypes(Set.of(CommentType.values()));
        // Only staff may list a round's comments in the working draft; reviewers read them in the frozen version.
        List<PlacedComment> placed = staff ? placedInFrozenVersion(round, filter)
                : readAll(round.projectId(), round.commitId(), filter);
        Map<Long, DispositionRecord> decided = dispositions.byRound(roundId);
        return placed.stream().map(p -> new DispositionRow(p.comment(), p.placement(),
                decided.getOrDefault(p.comment().id(), DispositionRecord.none(p.comment().id(), roundId)))).toList();
    }

    /**
     * The round's comments placed in its frozen version, sorted as the comments module sorts a version (general first,
     * then clause order, then position). Round comments are anchored in the frozen version, so their placement there
     * is their anchor: they are read where the comments module lists fastest (the latest version, whose placements
     * the re-anchoring keeps stored, in one query) and placed from their anchors. Should a comment be anchored
     * elsewhere, the module places them all in the frozen version instead.
     */
    private List<PlacedComment> placedInFrozenVersion(Round round, CommentFilter filter) {
        List<PlacedComment> latest = readAll(round.projectId(), null, filter);
        if (!latest.stream().allMatch(p -> round.commitId().equals(p.comment().anchor().commitId()))) {
            return readAll(round.projectId(), round.commitId(), filter);
        }
        Map<String, Integer> order = new java.util.HashMap<>();
        List<org.draftroom.drafts.domain.NumberedClause> clauses = draftReader.snapshot(round.projectId(),
                round.commitId()).outline().clauses();
        for (int i = 0; i < clauses.size(); i++) {
            order.putIfAbsent(clauses.get(i).id(), i);
        }
        return latest.stream().map(p -> new PlacedComment(p.comment(), Placement.initial(p.comment().anchor())))
                .sorted(java.util.Comparator.<PlacedComment>comparingInt(p -> p.placement().isGeneral() ? -1
                                : order.getOrDefault(p.placement().clauseId(), Integer.MAX_VALUE))
                        .thenComparingInt(p -> p.comment().anchor().start())
                        .thenComparingLong(p -> p.comment().id()))
                .toList();
    }

    private List<PlacedComment> readAll(String projectId, String commitId, CommentFilter filter) {
        return comments.findAll(projectId, commitId, filter, MAX_COMMENTS);
    }

    /**
     * A page of {@link #rows} that pass the filters, in the same order, read page by page in SQL so that a round of
     * ten thousand comments opens as fast as one of ten: the comments module filters and orders the round's comments
     * by their place in the frozen version, this module adds their dispositions (and, filtering by disposition, says
     * which comments to take or leave). Same access as {@link #rows}.
     *
     * @param limit at most {@link CommentReader#MAX_PAGE}
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DispositionRow> page(long roundId, DispositionQuery query, int offset, int limit) {
        Round round = requireTableReader(roundId);
        if (comments.roundAnchoredElsewhere(round.projectId(), roundId, round.commitId())) {
            List<DispositionRow> all = rows(roundId).stream().filter(query::matches).toList();
            int from = Math.max(0, Math.min(offset, all.size()));
            return all.subList(from, Math.min(all.size(), from + Math.max(0, limit)));
        }
        Frozen frozen = frozen(round);
        RoundCommentQuery q = commentQuery(round, frozen, query);
        if (q == null) {
            return List.of();
        }
        List<Comment> page = comments.roundPage(round.projectId(), roundId, q, frozen.order(), offset, limit);
        return withDispositions(roundId, page, page.stream().map(Comment::id).toList());
    }

    /** The rows of these comments of the round (anchored in its frozen version), with their dispositions. */
    private List<DispositionRow> withDispositions(long roundId, List<Comment> found, Collection<Long> ids) {
        Map<Long, DispositionRecord> decided = dispositions.byComments(roundId, ids);
        return found.stream().map(c -> new DispositionRow(c, Placement.initial(c.anchor()),
                decided.getOrDefault(c.id(), DispositionRecord.none(c.id(), roundId)))).toList();
    }

    /** How many rows {@link #page} has in all with these filters. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int count(long roundId, DispositionQuery query) {
        Round round = requireTableReader(roundId);
        if (comments.roundAnchoredElsewhere(round.projectId(), roundId, round.commitId())) {
            return (int) rows(roundId).stream().filter(query::matches).count();
        }
        RoundCommentQuery q = commentQuery(round, frozen(round), query);
        return q == null ? 0 : comments.roundCount(round.projectId(), roundId, q);
    }

    /** The comment ids of every row {@link #page} has with these filters, in its order (to move to the next one). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Long> order(long roundId, DispositionQuery query) {
        Round round = requireTableReader(roundId);
        if (comments.roundAnchoredElsewhere(round.projectId(), roundId, round.commitId())) {
            return rows(roundId).stream().filter(query::matches).map(r -> r.comment().id()).toList();
        }
        Frozen frozen = frozen(round);
        RoundCommentQuery q = commentQuery(round, frozen, query);
        return q == null ? List.of() : comments.roundOrder(round.projectId(), roundId, q, frozen.order());
    }

    /** The codes of the organisations in the round's table, sorted (for its organisation filter). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<String> organisationCodes(long roundId) {
        Round round = requireTableReader(roundId);
        return comments.roundOrganisationCodes(round.projectId(), roundId);
    }

    /** The duplicate groups of the round whose comments got different dispositions (undecided members aside). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Set<String> conflictingGroups(long roundId) {
        requireTableReader(roundId);
        // In SQL: the workspace asks on every filter, and a round may hold 10,000 dispositions.
        return dispositions.conflictingGroups(roundId);
    }

    /** The rows of a duplicate group, in table order. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DispositionRow> group(long roundId, String name) {
        requireTableReader(roundId);
        Set<Long> members = dispositions.groupMembers(roundId, name);
        if (members.isEmpty()) {
            return List.of();
        }
        return rowsOf(roundId, members);
    }

    private List<DispositionRow> rowsOf(long roundId, Set<Long> ids) {
        Round round = find(roundId);
        if (comments.roundAnchoredElsewhere(round.projectId(), roundId, round.commitId())) {
            return rows(roundId).stream().filter(r -> ids.contains(r.comment().id())).toList();
        }
        Frozen frozen = frozen(round);
        List<Comment> found = comments.roundPage(round.projectId(), roundId,
                new RoundCommentQuery(Set.of(), null, null, ids, null), frozen.order(), 0, CommentReader.MAX_PAGE);
        return withDispositions(roundId, found, ids);
    }

    /** The checks of {@link #rows}: staff always, the audience after publication, nobody else. */
    private Round requireTableReader(long roundId) {
        Round round = find(roundId);
        if (!isStaff(round, access.current())) {
            roundService.get(roundId);
            if (round.publishedAt() == null) {
                throw new UserFacingException("dispositions.not-published");
            }
        }
        return round;
    }

    /** The comments-module query for the table's filters; null when nothing can match. */
    private RoundCommentQuery commentQuery(Round round, Frozen frozen, DispositionQuery query) {
        Set<String> clauses = null;
        String c = query.clause() == null ? "" : query.clause().trim();
        if (!c.isEmpty()) {
            clauses = frozen.numbers().entrySet().stream()
                    .filter(e -> e.getValue().equals(c) || e.getValue().startsWith(c + "."))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            if (clauses.isEmpty()) {
                return null;
            }
        }
        Set<Long> only = null;
        Set<Long> except = null;
        if (query.status() != null) {
            Map<Long, DispositionRecord> all = dispositions.byRound(round.id());
            Set<Long> decided = all.values().stream().filter(d -> d.disposition() != null)
                    .map(DispositionRecord::commentId).collect(Collectors.toSet());
            if (DispositionQuery.UNDECIDED.equals(query.status())) {
                except = decided;
            } else {
                only = all.values().stream().filter(d -> d.disposition() != null
                                && d.disposition().name().equals(query.status()))
                        .map(DispositionRecord::commentId).collect(Collectors.toSet());
                if (only.isEmpty()) {
                    return null;
                }
            }
        }
        return new RoundCommentQuery(query.type() == null ? Set.of() : Set.of(query.type()),
                query.organisationCode(), clauses, only, except);
    }

    /** A frozen version's clause ids in outline order and their numbers; versions never change, so kept. */
    private record Frozen(List<String> order, Map<String, String> numbers) {
    }

    private final Map<String, Frozen> frozenOutlines = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Frozen> eldest) {
                    return size() > 32;
                }
            });

    private Frozen frozen(Round round) {
        String key = round.projectId() + "@" + round.commitId();
        Frozen known = frozenOutlines.get(key);
        if (known != null) {
            return known;
        }
        List<String> order = new java.util.ArrayList<>();
        Map<String, String> numbers = new LinkedHashMap<>();
        for (org.draftroom.drafts.domain.NumberedClause clause : draftReader.snapshot(round.projectId(),
                round.commitId()).outline().clauses()) {
            if (!clause.id().isEmpty() && !numbers.containsKey(clause.id())) {
                order.add(clause.id());
                numbers.put(clause.id(), clause.number() == null ? "" : clause.number());
            }
        }
        numbers.put("", "");
        Frozen made = new Frozen(List.copyOf(order), java.util.Collections.unmodifiableMap(numbers));
        frozenOutlines.put(key, made);
        return made;
    }

    /** The project's rounds of which the signed-in person is staff, newest first. */
    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<RoundRef> rounds(String projectId) {
        CurrentUser me = access.current();
        return rounds.findByProject(projectId).stream().filter(r -> isStaff(r, me))
                .map(r -> new RoundRef(r.id(), r.number(), r.label())).toList();
    }

    /** The decisions recorded so far for these comments of the round: for its staff, at any time. */
    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, Outcome> dispositions(long roundId, Collection<Long> commentIds) {
        requireStaff(find(roundId));
        return dispositions.byComments(roundId, commentIds).values().stream().filter(d -> d.disposition() != null)
                .collect(Collectors.toMap(DispositionRecord::commentId, d -> new Outcome(d.disposition().labelKey(),
                        d.reason() == null ? "" : d.reason())));
    }

    /**
     * Records the disposition of a comment; a reason is required for all but plain acceptance. The secretariat and the
     * working group's editors ({@link #mayDecide}).
     */
    @PreAuthorize("isAuthenticated()")
    public DispositionRecord record(long commentId, Disposition disposition, String reason, String appliedCommitId) {
        Round round = roundOf(commentId);
        requireDecider(round);
        requireClosedUnpublished(round);
        if (disposition == null) {
            throw new FieldProblemException("dispositions.disposition", "validation.required");
        }
        String why = reason == null ? "" : reason.trim();
        if (disposition.needsReason() && why.isEmpty()) {
            throw new FieldProblemException("dispositions.reason", "dispositions.reason.required");
        }
        if (why.length() > REASON_MAX) {
            throw new FieldProblemException("dispositions.reason", "validation.too-long", REASON_MAX);
        }
        String applied = appliedCommitId == null || appliedCommitId.isBlank() ? null : appliedCommitId.trim();
        if (applied != null && !applied.matches("[0-9a-f]{7,40}")) {
            throw new FieldProblemException("dispositions.applied", "dispositions.applied.invalid");
        }
        dispositions.decide(commentId, round.id(), disposition, why.isEmpty() ? null : why, applied,
                access.current().username(), clock.instant());
        events.publishEvent(new DispositionRecorded(round.id(), commentId));
        return dispositions.find(commentId).orElseThrow();
    }

    /**
     * Records one disposition for several comments of the round at once (selected rows, a duplicate group): each
     * comment keeps its own record (decided by, when), in one transaction, so either all or none are recorded.
     * Returns the records in the order of the ids.
     */
    @PreAuthorize("isAuthenticated()")
    public List<DispositionRecord> recordAll(long roundId, Collection<Long> commentIds, Disposition disposition,
                                             String reason) {
        Round round = find(roundId);
        requireDecider(round);
        requireClosedUnpublished(round);
        if (commentIds.isEmpty()) {
            throw new UserFacingException("dispositions.bulk.none");
        }
        List<DispositionRecord> recorded = new java.util.ArrayList<>();
        for (long id : new java.util.LinkedHashSet<>(commentIds)) {
            if (roundOf(id).id() != roundId) {
                throw new UserFacingException("dispositions.group.other-round");
            }
            recorded.add(record(id, disposition, reason, null));
        }
        return recorded;
    }

    /**
     * What the secretariat needs beside a comment to decide on it: the clause it is on as the round froze it and as
     * the working draft has it now (Markdown source; empty when the clause is gone), the quoted words' place in the
     * frozen text, and the proposed change as a redline of the quoted words (or of nothing, for a whole-clause
     * comment). Staff of the round.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public CommentContext context(long commentId) {
        Comment comment = comments.get(commentId);
        Round round = roundOf(commentId);
        requireStaff(round);
        String clauseId = comment.anchor().clauseId();
        String frozen = "";
        String title = "";
        String current = "";
        String currentNumber = "";
        if (!clauseId.isEmpty()) {
            var frozenClause = draftReader.snapshot(round.projectId(), round.commitId()).outline().find(clauseId);
            frozen = frozenClause.map(c -> c.clause().body()).orElse("");
            title = frozenClause.map(c -> c.clause().title()).orElse("");
            String head = draftReader.head(round.projectId()).orElse(round.commitId());
            var now = draftReader.snapshot(round.projectId(), head).outline().find(clauseId);
            current = now.map(c -> c.clause().body()).orElse("");
            currentNumber = now.map(org.draftroom.drafts.domain.NumberedClause::number).orElse("");
        }
        String quote = comment.anchor().quote() == null ? "" : comment.anchor().quote();
        List<org.draftroom.drafts.domain.DiffSegment> redline = List.of();
        if (comment.hasProposedChange()) {
            var dmp = new org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch();
            var diffs = dmp.diffMain(quote, comment.proposedChange());
            dmp.diffCleanupSemantic(diffs);
            redline = diffs.stream().map(d -> new org.draftroom.drafts.domain.DiffSegment(switch (d.operation) {
                case EQUAL -> org.draftroom.drafts.domain.DiffSegment.Op.EQUAL;
                case INSERT -> org.draftroom.drafts.domain.DiffSegment.Op.INSERT;
                case DELETE -> org.draftroom.drafts.domain.DiffSegment.Op.DELETE;
            }, d.text)).toList();
        }
        int start = Math.max(0, Math.min(comment.anchor().start(), frozen.length()));
        int end = Math.max(start, Math.min(comment.anchor().end(), frozen.length()));
        return new CommentContext(title, frozen, start, end, current, currentNumber, redline);
    }

    /**
     * The clause of a comment, frozen and now, and its proposed change as a redline.
     *
     * @param quoteStart where the quoted words stand in {@code frozenText} (UTF-16), equal to quoteEnd when none
     */
    public record CommentContext(String clauseTitle, String frozenText, int quoteStart, int quoteEnd,
                                 String currentText, String currentNumber,
                                 List<org.draftroom.drafts.domain.DiffSegment> redline) {
    }

    /**
     * Reasons the secretariat gave most often in this round (at most {@code limit}, most used first), offered beside
     * the built-in reason templates.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<String> frequentReasons(long roundId, int limit) {
        requireStaff(find(roundId));
        return dispositions.frequentReasons(roundId, limit);
    }

    /** Assigns a comment to an editor of the project's working group (null: nobody): those who {@link #mayDecide}. */
    @PreAuthorize("isAuthenticated()")
    public DispositionRecord assign(long commentId, Long editorId) {
        Round round = roundOf(commentId);
        requireDecider(round);
        if (round.publishedAt() != null) {
            throw new UserFacingException("round.already-published");
        }
        if (editorId != null && assignees(round.id()).stream().noneMatch(e -> e.getKey().equals(editorId))) {
            throw new FieldProblemException("dispositions.assignee", "dispositions.assignee.not-editor");
        }
        dispositions.assign(commentId, round.id(), editorId);
        return dispositions.find(commentId).orElseThrow();
    }

    /** The editors who may be assigned comments of the round: the project's working group. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Map.Entry<Long, String>> assignees(long roundId) {
        Round round = find(roundId);
        requireStaff(round);
        return dispositions.editorsOf(round.workingGroup());
    }

    /**
     * Groups comments of the round as duplicates of each other; returns the group's name ("D3"). Those who
     * {@link #mayDecide}.
     */
    @PreAuthorize("isAuthenticated()")
    public String groupDuplicates(long roundId, Collection<Long> commentIds) {
        Round round = find(roundId);
        requireDecider(round);
        if (round.publishedAt() != null) {
            throw new UserFacingException("round.already-published");
        }
        if (commentIds.size() < 2) {
            throw new UserFacingException("dispositions.group.too-few");
        }
        for (long id : commentIds) {
            if (roundOf(id).id() != round.id()) {
                throw new UserFacingException("dispositions.group.other-round");
            }
        }
        String group = "D" + dispositions.nextGroupNumber(roundId);
        dispositions.group(commentIds, roundId, group);
        return group;
    }

    /**
     * Suggested duplicate groups: comments of different organisations on the same or a neighbouring clause of the
     * frozen version (next to each other in its outline; general comments with general ones) whose texts say the same
     * thing ({@link DuplicateSimilarity}), not yet in a group. Linked pairs form a group; its score is the lowest
     * similarity that links it. Most similar first. The secretariat confirms a suggestion (or the part of it they tick)
     * with {@link #groupDuplicates}. Those who {@link #mayDecide}.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DuplicateSuggestion> suggestDuplicates(long roundId) {
        Round round = find(roundId);
        requireDecider(round);
        List<DispositionRow> rows = rows(roundId).stream()
                .filter(r -> r.disposition().duplicateGroup() == null && !r.comment().moderated()).toList();
        Map<String, Integer> order = new java.util.HashMap<>();
        List<org.draftroom.drafts.domain.NumberedClause> clauses = draftReader.snapshot(round.projectId(),
                round.commitId()).outline().clauses();
        for (int i = 0; i < clauses.size(); i++) {
            order.putIfAbsent(clauses.get(i).id(), i);
        }
        int[] position = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            var p = rows.get(i).placement();
            position[i] = p == null || p.isGeneral() ? -10 : order.getOrDefault(p.clauseId(), -100 - i);
        }
        int[] parent = new int[rows.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        List<double[]> links = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                if (Math.abs(position[i] - position[j]) > 1
                        || java.util.Objects.equals(rows.get(i).comment().organisationCode(),
                        rows.get(j).comment().organisationCode())) {
                    continue;
                }
                double score = DuplicateSimilarity.score(rows.get(i).comment().body(), rows.get(j).comment().body());
                if (score >= DuplicateSimilarity.THRESHOLD) {
                    parent[root(parent, i)] = root(parent, j);
                    links.add(new double[] {i, score});
                }
            }
        }
        Map<Integer, Double> weakest = new java.util.HashMap<>();
        for (double[] link : links) {
            weakest.merge(root(parent, (int) link[0]), link[1], Math::min);
        }
        Map<Integer, List<DispositionRow>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(root(parent, i), k -> new java.util.ArrayList<>()).add(rows.get(i));
        }
        return groups.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> new DuplicateSuggestion(e.getValue(), weakest.getOrDefault(e.getKey(), 0.0)))
                .sorted(java.util.Comparator.comparingDouble(DuplicateSuggestion::score).reversed()).toList();
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Comments proposed as duplicates of each other, with the lowest similarity that links them (0 to 1). */
    public record DuplicateSuggestion(List<DispositionRow> comments, double score) {
    }

    /** Takes comments out of their duplicate group (a group left with one comment is dissolved). */
    @PreAuthorize("isAuthenticated()")
    public void ungroup(long roundId, Collection<Long> commentIds) {
        Round round = find(roundId);
        requireDecider(round);
        if (round.publishedAt() != null) {
            throw new UserFacingException("round.already-published");
        }
        for (long id : commentIds) {
            if (roundOf(id).id() != round.id()) {
                throw new UserFacingException("dispositions.group.other-round");
            }
        }
        dispositions.ungroup(roundId, commentIds);
    }

    /** Publishes the dispositions: every comment must have one; reviewers then see them. */
    @PreAuthorize("@access.canManageProjects()")
    public void publish(long roundId) {
        rounds.lock(roundId);
        Round round = find(roundId);
        requireClosedUnpublished(round);
        long undecided = rows(roundId).stream().filter(r -> r.disposition().disposition() == null).count();
        if (undecided > 0) {
            throw new UserFacingException("dispositions.publish.undecided", undecided);
        }
        Instant now = clock.instant();
        rounds.publish(roundId, now);
        rounds.addChange(roundId, "PUBLISHED", "", "—", access.current().username(), now);
        events.publishEvent(new DispositionsPublished(roundId));
    }

    /** After publication, the author (or their organisation's reviewers) says whether they are satisfied. */
    @PreAuthorize("isAuthenticated()")
    public DispositionRecord markSatisfaction(long commentId, boolean satisfied, String note) {
        Round round = roundOf(commentId);
        if (round.publishedAt() == null) {
            throw new UserFacingException("dispositions.not-published");
        }
        Comment comment = comments.get(commentId);
        CurrentUser me = access.current();
        boolean own = comment.authorId() == me.id() || (comment.organisationId() != null
                && comment.organisationId().equals(me.organisationId()) && me.has(Role.REVIEWER));
        if (!own) {
            throw new AccessDeniedException("not the commenter of " + commentId);
        }
        String text = note == null ? "" : note.trim();
        if (text.length() > 2000) {
            throw new FieldProblemException("dispositions.satisfaction-note", "validation.too-long", 2000);
        }
        dispositions.satisfaction(commentId, round.id(), satisfied, text.isEmpty() ? null : text, clock.instant());
        return dispositions.find(commentId).orElseThrow();
    }

    /** The dashboard's figures: comments by type, organisation, disposition status, top clauses, missing submissions. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public RoundStatistics statistics(long roundId) {
        Round round = find(roundId);
        requireStaff(round);
        List<DispositionRow> rows = rows(roundId);
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (CommentType type : CommentType.values()) {
            byType.put(type.code(), 0);
        }
        Map<String, Integer> byOrganisation = new TreeMap<>();
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        byStatus.put("undecided", 0);
        for (Disposition d : Disposition.values()) {
            byStatus.put(d.name(), 0);
        }
        Map<String, Integer> byClause = new LinkedHashMap<>();
        int late = 0;
        for (DispositionRow row : rows) {
            Comment c = row.comment();
            byType.merge(c.type().code(), 1, Integer::sum);
            byOrganisation.merge(c.organisationCode() == null ? "—" : c.organisationCode(), 1, Integer::sum);
            byStatus.merge(row.disposition().disposition() == null ? "undecided"
                    : row.disposition().disposition().name(), 1, Integer::sum);
            byClause.merge(row.clauseNumber(), 1, Integer::sum);
            late += c.late() ? 1 : 0;
        }
        Map<String, Integer> organisationsMostFirst = byOrganisation.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        List<Map.Entry<String, Integer>> top = byClause.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        Set<Long> submitted = rounds.submissions(roundId).stream().filter(Submission::isFinal)
                .map(Submission::organisationId).collect(Collectors.toSet());
        List<String> notSubmitted = round.organisations().stream().filter(o -> !submitted.contains(o.id()))
                .map(InvitedOrganisation::code).toList();
        return new RoundStatistics(rows.size(), byType, organisationsMostFirst, byStatus, top, notSubmitted, late);
    }

    /** The round a comment belongs to; refuses comments of the working draft. */
    private Round roundOf(long commentId) {
        Comment comment = comments.get(commentId);
        if (comment.roundId() == null) {
            throw new UserFacingException("dispositions.not-a-round-comment");
        }
        return find(comment.roundId());
    }

    private void requireClosedUnpublished(Round round) {
        RoundState state = round.state(clock.instant());
        if (state == RoundState.PUBLISHED) {
            throw new UserFacingException("round.already-published");
        }
        if (state != RoundState.CLOSED) {
            throw new UserFacingException("dispositions.round-not-closed");
        }
    }

    private void requireStaff(Round round) {
        if (!isStaff(round, access.current())) {
            throw new AccessDeniedException("not staff of round " + round.id());
        }
    }

    private void requireDecider(Round round) {
        if (!mayDecide(round, access.current())) {
            throw new AccessDeniedException("may not decide on the comments of round " + round.id());
        }
    }

    /** The secretariat and the editors of the project's working group (not administrators, who only read). */
    private static boolean mayDecide(Round round, CurrentUser user) {
        return user.has(Role.SECRETARIAT) || (user.has(Role.EDITOR) && user.isMemberOf(round.workingGroup()));
    }

    private static boolean isStaff(Round round, CurrentUser user) {
        return user.has(Role.SECRETARIAT) || user.has(Role.ADMIN)
                || (user.has(Role.EDITOR) && user.isMemberOf(round.workingGroup()));
    }

    private Round find(long id) {
        return rounds.findById(id).orElseThrow(() -> new UserFacingException("round.not-found", String.valueOf(id)));
    }
}
