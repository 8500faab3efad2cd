package org.draftroom.comments.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.draftroom.comments.anchoring.Anchor;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.anchoring.Placement.Span;
import org.draftroom.comments.anchoring.Placement.Status;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentEvent;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentStatus;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.Reply;
import org.draftroom.comments.domain.RoundCommentQuery;
import org.draftroom.security.People;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Comments, their replies, history and per-organisation sequences in PostgreSQL. Callers hold the transaction.
 * Listing and counting happen in SQL, so that a page of a project's comments never loads the others. People's names
 * are the security module's: asked of {@link People}, one query per list.
 */
@Repository
public class CommentRepository {

    private static final String SELECT = """
            select c.*, null as author_name, coalesce(c.placement_commit, v.commit_id) as placed_in,
                   (select count(*) from comment_reply r where r.comment_id = c.id) as reply_count
            from comment c
                 left join comment_placement_version v on v.project_id = c.project_id
            """;

    /** The columns of a placement, and the version it is in. */
    private static final String PLACEMENT_COLUMNS = """
            c.id, c.anchor_clause_id, c.anchor_quote, c.anchor_prefix, c.anchor_suffix, c.anchor_start,
            c.anchor_end, c.anchor_commit, c.anchor_clause_number, c.anchor_clause_title, c.placement_status,
            c.placement_clause_id, c.placement_clause_number, c.highlight_start, c.highlight_end, c.candidate_start,
            c.candidate_end, coalesce(c.placement_commit, v.commit_id) as placed_in, c.placement_commit is null
            as follows_project""";

    private final JdbcClient jdbc;
    private final People people;

    CommentRepository(JdbcClient jdbc, People people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    /**
     * Which rows a query covers: the filter, and the reader's restriction to some organisations' comments (their own
     * comments stay visible).
     *
     * @param visibleOrganisations null = every organisation
     * @param viewerId             the reader, whose own comments are visible whatever the restriction
     * @param byPlacement          whether the filter's clause and outdated parts apply to the stored placement
     *                             (false when the caller places the comments in another version itself)
     */
    public record Scope(String projectId, CommentFilter filter, Set<Long> visibleOrganisations, long viewerId,
                       boolean byPlacement) {
    }

    /** A new comment's row. */
    public record NewComment(String projectId, Long roundId, String readableId, long authorId, Long organisationId,
                             String organisationCode, CommentType type, String body, String proposedChange,
                             Placement placement, String placementCommitId, boolean late, Instant at,
                             String lineNumber, String location) {

        public NewComment {
            lineNumber = lineNumber == null ? "" : lineNumber;
            location = location == null ? "" : location;
        }

        /** A row without line number or paragraph/figure/table. */
        public NewComment(String projectId, Long roundId, String readableId, long authorId, Long organisationId,
                          String organisationCode, CommentType type, String body, String proposedChange,
                          Placement placement, String placementCommitId, boolean late, Instant at) {
            this(projectId, roundId, readableId, authorId, organisationId, organisationCode, type, body,
                    proposedChange, placement, placementCommitId, late, at, "", "");
        }
    }

    /**
     * A comment's placement as the re-anchoring reads and stores it.
     *
     * @param placementCommitId the version the placement is in
     * @param followsProject    whether the row follows the project's placement version (its own column is null)
     */
    public record StoredPlacement(long id, Placement placement, String placementCommitId, boolean followsProject) {
    }

    /**
     * The next number of the comments of a project by one organisation (or person). Takes the sequence row's lock
     * until the transaction ends, so two comments never get the same number.
     */
    public int nextSequence(String projectId, String ownerCode) {
        return jdbc.sql("""
                        insert into comment_sequence (project_id, owner_code, last_value) values (:p, :o, 1)
                        on conflict (project_id, owner_code)
                        do update set last_value = comment_sequence.last_value + 1
                        returning last_value""")
                .param("p", projectId).param("o", ownerCode).query(Integer.class).single();
    }

    public long insert(NewComment c) {
        Anchor a = c.placement().anchor();
        Placement p = c.placement();
        return jdbc.sql("""
                        insert into comment (project_id, round_id, readable_id, author_id, organisation_id,
                            organisation_code, comment_type, body, proposed_change, anchor_clause_id, anchor_quote,
                            anchor_prefix, anchor_suffix, anchor_start, anchor_end, anchor_commit,
                            anchor_clause_number, anchor_clause_title, placement_commit, placement_status,
                            placement_clause_id, placement_clause_number, highlight_start, highlight_end,
                            candidate_start, candidate_end, status, late, created_at, updated_at, line_number,
                            location)
                        values (:project, :round, :readable, :author, :org, :orgCode, :type, :body, :proposed,
                            :clause, :quote, :prefix, :suffix, :start, :end, :commit, :number, :title,
                            case when :pcommit = (select commit_id from comment_placement_version
                                where project_id = :project) then null else :pcommit end, :pstatus, :pclause, :pnumber, :hs, :he, :cs, :ce, 'OPEN', :late, :at, :at,
                            :line, :location)
                        returning id""")
                .param("project", c.projectId()).param("round", c.roundId()).param("readable", c.readableId())
                .param("author", c.authorId()).param("org", c.organisationId()).param("orgCode", c.organisationCode())
                .param("type", c.type().name()).param("body", c.body()).param("proposed", c.proposedChange())
                .param("clause", a.clauseId()).param("quote", a.quote()).param("prefix", a.prefix())
                .param("suffix", a.suffix()).param("start", a.start()).param("end", a.end())
                .param("commit", a.commitId()).param("number", a.clauseNumber()).param("title", a.clauseTitle())
                .param("pcommit", c.placementCommitId()).param("pstatus", p.status().name())
                .param("pclause", p.clauseId()).param("pnumber", p.clauseNumber())
                .param("hs", p.highlight().map(Span::start).orElse(null))
                .param("he", p.highlight().map(Span::end).orElse(null))
                .param("cs", p.candidate().map(Span::start).orElse(null))
                .param("ce", p.candidate().map(Span::end).orElse(null))
                .param("late", c.late()).param("at", Timestamp.from(c.at()))
                .param("line", c.lineNumber()).param("location", c.location())
                .query(Long.class).single();
    }

    public Optional<Comment> findById(long id) {
        return named(jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CommentRepository::map).list())
                .stream().findFirst();
    }

    /** The authors of a round's comments, ascending. */
    public List<Long> authorsOfRound(long roundId) {
        return jdbc.sql("select distinct author_id from comment where round_id = :r order by author_id")
                .param("r", roundId).query(Long.class).list();
    }

    /** Locks the comment's row until the transaction ends (status changes of one comment happen one at a time). */
    public Optional<Comment> findForUpdate(long id) {
        jdbc.sql("select id from comment where id = :id for update").param("id", id).query(Long.class).optional();
        return findById(id);
    }

    public void updateText(long id, CommentType type, String body, String proposedChange, Instant at) {
        jdbc.sql("update comment set comment_type = :type, body = :body, proposed_change = :proposed,"
                        + " updated_at = :at where id = :id")
                .param("type", type.name()).param("body", body).param("proposed", proposedChange)
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Sets the line number and the paragraph/figure/table the reviewer gave. */
    public void updatePlaceInClause(long id, String lineNumber, String location, Instant at) {
        jdbc.sql("update comment set line_number = :line, location = :location, updated_at = :at where id = :id")
                .param("line", lineNumber).param("location", location).param("at", Timestamp.from(at))
                .param("id", id).update();
    }

    public void updateStatus(long id, CommentStatus status, Instant at) {
        jdbc.sql("update comment set status = :status, updated_at = :at where id = :id")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("id", id).update();
    }

    public void markApplied(long id, String commitId, Instant at) {
        jdbc.sql("update comment set applied_commit = :commit, status = 'RESOLVED', updated_at = :at where id = :id")
                .param("commit", commitId).param("at", Timestamp.from(at)).param("id", id).update();
    }

    // --- listing -----------------------------------------------------------------------------------------------

    /**
     * A page of the comments in scope, ordered as in the version whose clause order is given: document-level comments
     * first (general before orphaned), then by clause, then by position in the clause, then by age. Only for comments whose stored placement is
     * in that version ({@link #anyPlacedElsewhere} is false).
     */
    public List<Comment> page(Scope scope, List<String> clauseOrder, int offset, int limit) {
        Where where = where(scope);
        return named(jdbc.sql(SELECT + """
                         left join unnest(cast(:order as text[])) with ordinality as o(clause_id, position)
                                on o.clause_id = c.placement_clause_id""" + where.sql + " " + """
                         order by (c.placement_clause_id <> ''), (c.anchor_clause_id <> ''), o.position,
                                  coalesce(c.highlight_start, c.candidate_start, 0), c.id
                         offset :offset limit :limit""")
                .params(where.params).param("order", clauseOrder.toArray(String[]::new))
                .param("offset", Math.max(0, offset)).param("limit", Math.max(0, limit))
                .query(CommentRepository::map).list());
    }

    /** Every comment in scope, in no particular order (for placing them in another version). */
    public List<Comment> all(Scope scope) {
        Where where = where(scope);
        return named(jdbc.sql(SELECT + where.sql + " order by c.id").params(where.params)
                .query(CommentRepository::map).list());
    }

    public int count(Scope scope) {
        Where where = where(scope);
        return jdbc.sql("select count(*) from comment c" + where.sql).params(where.params).query(Integer.class)
                .single();
    }

    /** The number of comments in scope per clause of their stored placement ({@code ""}: document level). */
    public Map<String, Integer> countsByClause(Scope scope) {
        Where where = where(scope);
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select c.placement_clause_id, count(*) as n from comment c" + where.sql
                        + " group by c.placement_clause_id")
                .params(where.params)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** Whether a comment in scope has its stored placement in a version other than {@code commitId}. */
    public boolean anyPlacedElsewhere(Scope scope, String commitId) {
        Where where = where(scope);
        return jdbc.sql("select exists (select 1 from comment c left join comment_placement_version v"
                        + " on v.project_id = c.project_id" + where.sql
                        + " and coalesce(c.placement_commit, v.commit_id, '') <> :target)")
                .params(where.params).param("target", commitId).query(Boolean.class).single();
    }

    // --- a round's merged table, paged in SQL ---------------------------------------------------------------------

    /**
     * A page of a round's comments in scope matching the query, in the order of the version they were written on
     * (the round's frozen version, whose clause order is given): general comments first, then by clause, then by
     * position of the quoted words, then by age. Their anchors are their places in that version, so no placing is
     * needed; the caller checks {@link #anyAnchoredElsewhere} first.
     */
    public List<Comment> roundPage(Scope scope, RoundCommentQuery q, List<String> clauseOrder, int offset,
                                   int limit) {
        Where where = where(scope, q);
        return named(jdbc.sql(SELECT + """
                         left join unnest(cast(:order as text[])) with ordinality as o(clause_id, position)
                                on o.clause_id = c.anchor_clause_id""" + where.sql + ROUND_ORDER + """
                         offset :offset limit :limit""")
                .params(where.params).param("order", clauseOrder.toArray(String[]::new))
                .param("offset", Math.max(0, offset)).param("limit", Math.max(0, limit))
                .query(CommentRepository::map).list());
    }

    private static final String ROUND_ORDER = """
             order by (c.anchor_clause_id <> ''), coalesce(o.position, 2147483647), c.anchor_start, c.id
            """;

    /** The ids of {@link #roundPage}'s rows, all of them, in its order (to find a row's neighbours). */
    public List<Long> roundIds(Scope scope, RoundCommentQuery q, List<String> clauseOrder) {
        Where where = where(scope, q);
        return jdbc.sql("select c.id from comment c"
                        + " left join unnest(cast(:order as text[])) with ordinality as o(clause_id, position)"
                        + " on o.clause_id = c.anchor_clause_id" + where.sql + ROUND_ORDER)
                .params(where.params).param("order", clauseOrder.toArray(String[]::new)).query(Long.class).list();
    }

    public int roundCount(Scope scope, RoundCommentQuery q) {
        Where where = where(scope, q);
        return jdbc.sql("select count(*) from comment c" + where.sql).params(where.params).query(Integer.class)
                .single();
    }

    /** The organisation codes of the comments in scope, sorted. */
    public List<String> organisationCodes(Scope scope) {
        Where where = where(scope);
        return jdbc.sql("select distinct c.organisation_code from comment c" + where.sql
                        + " and c.organisation_code is not null order by 1")
                .params(where.params).query(String.class).list();
    }

    /** Whether a comment in scope was written on another version than {@code commitId}. */
    public boolean anyAnchoredElsewhere(Scope scope, String commitId) {
        Where where = where(scope);
        return jdbc.sql("select exists (select 1 from comment c" + where.sql + " and c.anchor_commit <> :target)")
                .params(where.params).param("target", commitId).query(Boolean.class).single();
    }

    private static Where where(Scope scope, RoundCommentQuery q) {
        Where base = where(scope);
        StringBuilder sql = new StringBuilder(base.sql);
        Map<String, Object> params = new HashMap<>(base.params);
        if (!q.types().isEmpty()) {
            sql.append(" and c.comment_type in (:qtypes)");
            params.put("qtypes", q.types().stream().map(Enum::name).toList());
        }
        if (q.organisationCode() != null) {
            sql.append(" and c.organisation_code = :qorg");
            params.put("qorg", q.organisationCode());
        }
        if (q.clauseIds() != null) {
            sql.append(" and c.anchor_clause_id = any(cast(:qclauses as text[]))");
            params.put("qclauses", q.clauseIds().toArray(String[]::new));
        }
        if (q.onlyIds() != null) {
            sql.append(" and c.id = any(cast(:qonly as bigint[]))");
            params.put("qonly", q.onlyIds().toArray(Long[]::new));
        }
        if (q.exceptIds() != null && !q.exceptIds().isEmpty()) {
            sql.append(" and not (c.id = any(cast(:qexcept as bigint[])))");
            params.put("qexcept", q.exceptIds().toArray(Long[]::new));
        }
        return new Where(sql.toString(), params);
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(Scope scope) {
        CommentFilter f = scope.filter();
        StringBuilder sql = new StringBuilder(" where c.project_id = :project");
        Map<String, Object> params = new HashMap<>();
        params.put("project", scope.projectId());
        if (f.roundId() == null) {
            sql.append(" and c.round_id is null");
        } else {
            sql.append(" and c.round_id = :round");
            params.put("round", f.roundId());
        }
        if (!f.types().isEmpty()) {
            sql.append(" and c.comment_type in (:types)");
            params.put("types", f.types().stream().map(Enum::name).toList());
        }
        if (!f.statuses().isEmpty()) {
            sql.append(" and c.status in (:statuses)");
            params.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.authorId() != null) {
            sql.append(" and c.author_id = :authorId");
            params.put("authorId", f.authorId());
        }
        if (f.organisationId() != null) {
            sql.append(" and c.organisation_id = :orgId");
            params.put("orgId", f.organisationId());
        }
        if (scope.visibleOrganisations() != null) {
            sql.append(scope.visibleOrganisations().isEmpty() ? " and (c.author_id = :viewer"
                    : " and (c.author_id = :viewer or c.organisation_id in (:visibleOrgs)");
            sql.append(")");
            params.put("viewer", scope.viewerId());
            if (!scope.visibleOrganisations().isEmpty()) {
                params.put("visibleOrgs", List.copyOf(scope.visibleOrganisations()));
            }
        }
        if (scope.byPlacement()) {
            if (f.clauseId() != null) {
                sql.append(" and c.placement_clause_id = :clause");
                params.put("clause", f.clauseId());
            }
            if (f.outdatedOnly()) {
                sql.append(" and c.placement_status = 'OUTDATED'");
            }
        }
        return new Where(sql.toString(), params);
    }

    // --- re-anchoring ------------------------------------------------------------------------------------------

    /**
     * Takes the project's re-anchoring lock until the transaction ends, so that two re-anchorings of one project run
     * one after the other.
     */
    public void lockProjectPlacements(String projectId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('comment-placements:' || :p))").param("p", projectId)
                .query((rs, n) -> 1).list();
    }

    /** Every comment of the project whose stored placement is not in {@code commitId}, oldest first. */
    public List<StoredPlacement> placementsNotIn(String projectId, String commitId) {
        return jdbc.sql("select " + PLACEMENT_COLUMNS + " from comment c left join comment_placement_version v"
                        + " on v.project_id = c.project_id where c.project_id = :p"
                        + " and coalesce(c.placement_commit, v.commit_id, '') <> :commit order by c.id")
                .param("p", projectId).param("commit", commitId)
                .query((rs, n) -> new StoredPlacement(rs.getLong("id"), placement(rs), rs.getString("placed_in"),
                        rs.getBoolean("follows_project")))
                .list();
    }

    /**
     * Moves the project's comments to the version {@code commitId}: writes the rows given and makes {@code commitId}
     * the project's placement version, which every row not written follows. The caller holds
     * {@link #lockProjectPlacements}.
     *
     * @param written the comments whose placement changed or that had a version of their own (placed in
     *                {@code commitId}, {@code followsProject} true), and those that could not be carried (their old
     *                placement and version, {@code followsProject} false: they keep a version of their own)
     */
    public void movePlacements(String projectId, List<StoredPlacement> written, String commitId) {
        if (!written.isEmpty()) {
            int n = written.size();
            Long[] ids = new Long[n];
            String[] commits = new String[n];
            String[] status = new String[n];
            String[] clause = new String[n];
            String[] number = new String[n];
            Integer[] hs = new Integer[n];
            Integer[] he = new Integer[n];
            Integer[] cs = new Integer[n];
            Integer[] ce = new Integer[n];
            for (int i = 0; i < n; i++) {
                Placement p = written.get(i).placement();
                ids[i] = written.get(i).id();
                commits[i] = written.get(i).followsProject() ? null : written.get(i).placementCommitId();
                status[i] = p.status().name();
                clause[i] = p.clauseId();
                number[i] = p.clauseNumber();
                hs[i] = p.highlight().map(Span::start).orElse(null);
                he[i] = p.highlight().map(Span::end).orElse(null);
                cs[i] = p.candidate().map(Span::start).orElse(null);
                ce[i] = p.candidate().map(Span::end).orElse(null);
            }
            jdbc.sql("""
                            update comment c set placement_commit = u.pcommit, placement_status = u.status,
                                placement_clause_id = u.clause, placement_clause_number = u.number,
                                highlight_start = u.hs, highlight_end = u.he, candidate_start = u.cs,
                                candidate_end = u.ce
                            from unnest(cast(:ids as bigint[]), cast(:commits as text[]), cast(:status as text[]),
                                        cast(:clause as text[]), cast(:number as text[]), cast(:hs as int[]),
                                        cast(:he as int[]), cast(:cs as int[]), cast(:ce as int[]))
                                 as u(id, pcommit, status, clause, number, hs, he, cs, ce)
                            where c.id = u.id and c.project_id = :p""")
                    .param("p", projectId).param("ids", ids).param("commits", commits).param("status", status).param("clause", clause)
                    .param("number", number).param("hs", hs).param("he", he).param("cs", cs).param("ce", ce)
                    .update();
        }
        jdbc.sql("""
                        insert into comment_placement_version (project_id, commit_id) values (:p, :c)
                        on conflict (project_id) do update set commit_id = excluded.commit_id""")
                .param("p", projectId).param("c", commitId).update();
    }

    // --- replies and history -----------------------------------------------------------------------------------

    public long insertReply(long commentId, long authorId, String body, Instant at) {
        return jdbc.sql("insert into comment_reply (comment_id, author_id, body, created_at)"
                        + " values (:c, :a, :b, :at) returning id")
                .param("c", commentId).param("a", authorId).param("b", body).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    public Optional<Reply> findReply(long id) {
        return namedReplies(jdbc.sql("select r.*, null as display_name from comment_reply r where r.id = :id")
                .param("id", id).query(CommentRepository::mapReply).list()).stream().findFirst();
    }

    public List<Reply> replies(long commentId) {
        return namedReplies(jdbc.sql("select r.*, null as display_name from comment_reply r"
                        + " where r.comment_id = :c order by r.created_at, r.id")
                .param("c", commentId).query(CommentRepository::mapReply).list());
    }

    /** The comments with their authors' display names (a comment whose author is gone is left out, as a join did). */
    private List<Comment> named(List<Comment> comments) {
        Map<Long, String> names = people.displayNames(comments.stream().map(Comment::authorId)
                .collect(Collectors.toSet()));
        return comments.stream().filter(c -> names.containsKey(c.authorId()))
                .map(c -> c.withAuthorName(names.get(c.authorId()))).toList();
    }

    private List<Reply> namedReplies(List<Reply> replies) {
        Map<Long, String> names = people.displayNames(replies.stream().map(Reply::authorId)
                .collect(Collectors.toSet()));
        return replies.stream().filter(r -> names.containsKey(r.authorId()))
                .map(r -> new Reply(r.id(), r.commentId(), r.authorId(), names.get(r.authorId()), r.body(),
                        r.createdAt())).toList();
    }

    /** Records an event; {@code actorId} null for the system. */
    /**
     * Takes a comment's text down: {@code HIDDEN} keeps it in the row (shown to nobody), {@code DELETED} erases it.
     */
    public void moderate(long commentId, String moderation, String reason, Instant at) {
        boolean erase = Comment.DELETED.equals(moderation);
        jdbc.sql("update comment set moderation = :m, moderation_reason = :r, updated_at = :at"
                        + (erase ? ", body = '', proposed_change = ''" : "") + " where id = :id")
                .param("m", moderation).param("r", reason).param("at", java.sql.Timestamp.from(at))
                .param("id", commentId).update();
    }

    public void insertEvent(long commentId, String kind, Long actorId, String detail, Instant at) {
        jdbc.sql("insert into comment_event (comment_id, kind, actor_id, detail, at) values (:c, :k, :a, :d, :at)")
                .param("c", commentId).param("k", kind).param("a", actorId).param("d", detail == null ? "" : detail)
                .param("at", Timestamp.from(at)).update();
    }

    /** Records the same kind of event by the system for many comments, in one statement. */
    public void insertSystemEvents(List<Long> commentIds, List<String> details, String kind, Instant at) {
        if (commentIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into comment_event (comment_id, kind, actor_id, detail, at)
                        select u.id, :k, null, u.detail, :at
                        from unnest(cast(:ids as bigint[]), cast(:details as text[])) as u(id, detail)""")
                .param("k", kind).param("at", Timestamp.from(at))
                .param("ids", commentIds.toArray(Long[]::new)).param("details", details.toArray(String[]::new))
                .update();
    }

    public List<CommentEvent> history(long commentId) {
        List<CommentEvent> events = jdbc.sql("select e.* from comment_event e where e.comment_id = :c"
                        + " order by e.at, e.id")
                .param("c", commentId)
                .query((rs, n) -> new CommentEvent(rs.getLong("id"), rs.getLong("comment_id"), rs.getString("kind"),
                        rs.getLong("actor_id"), "", rs.getString("detail"), instant(rs, "at")))
                .list();
        Map<Long, String> names = people.displayNames(events.stream().map(CommentEvent::actorId)
                .collect(Collectors.toSet()));
        return events.stream().map(e -> new CommentEvent(e.id(), e.commentId(), e.kind(), e.actorId(),
                names.getOrDefault(e.actorId(), ""), e.detail(), e.at())).toList();
    }

    // --- mapping -----------------------------------------------------------------------------------------------

    private static Reply mapReply(ResultSet rs, int n) throws SQLException {
        return new Reply(rs.getLong("id"), rs.getLong("comment_id"), rs.getLong("author_id"),
                rs.getString("display_name"), rs.getString("body"), instant(rs, "created_at"));
    }

    static Comment map(ResultSet rs, int n) throws SQLException {
        Placement placement = placement(rs);
        String moderation = rs.getString("moderation");
        boolean shown = moderation == null;
        return new Comment(rs.getLong("id"), rs.getString("project_id"), nullableLong(rs, "round_id"),
                rs.getString("readable_id"), rs.getLong("author_id"), rs.getString("author_name"),
                nullableLong(rs, "organisation_id"), rs.getString("organisation_code"),
                CommentType.valueOf(rs.getString("comment_type")), shown ? rs.getString("body") : "",
                shown ? rs.getString("proposed_change") : "", placement.anchor(), placement, rs.getString("placed_in"),
                CommentStatus.valueOf(rs.getString("status")), rs.getString("applied_commit"),
                rs.getBoolean("late"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("reply_count"),
                moderation, rs.getString("moderation_reason"), shown ? rs.getString("line_number") : "",
                shown ? rs.getString("location") : "");
    }

    private static Placement placement(ResultSet rs) throws SQLException {
        Anchor anchor = new Anchor(rs.getString("anchor_clause_id"), rs.getString("anchor_quote"),
                rs.getString("anchor_prefix"), rs.getString("anchor_suffix"), rs.getInt("anchor_start"),
                rs.getInt("anchor_end"), rs.getString("anchor_commit"), rs.getString("anchor_clause_number"),
                rs.getString("anchor_clause_title"));
        return new Placement(anchor, Status.valueOf(rs.getString("placement_status")),
                rs.getString("placement_clause_id"), rs.getString("placement_clause_number"),
                span(rs, "highlight_start", "highlight_end"), span(rs, "candidate_start", "candidate_end"));
    }

    private static Optional<Span> span(ResultSet rs, String start, String end) throws SQLException {
        int s = rs.getInt(start);
        if (rs.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new Span(s, rs.getInt(end)));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
