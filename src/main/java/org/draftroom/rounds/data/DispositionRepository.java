package org.draftroom.rounds.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.DispositionRecord;
import org.draftroom.security.People;
import org.draftroom.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Dispositions of round comments, keyed by comment id. Callers hold the transaction. Assignees' names and the
 * editors of a working group are the security module's: asked of {@link People}, one query per list.
 */
@Repository
public class DispositionRepository {

    private static final String SELECT = """
            select d.comment_id, d.round_id, d.disposition, d.reason, d.applied_commit_id, d.assignee_id,
                   null, d.duplicate_group, d.decided_by, d.decided_at, d.satisfied, d.satisfaction_note
            from disposition d""";

    private final JdbcClient jdbc;
    private final People people;

    DispositionRepository(JdbcClient jdbc, People people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    public Optional<DispositionRecord> find(long commentId) {
        return withNames(jdbc.sql(SELECT + " where d.comment_id = :c").param("c", commentId)
                .query(DispositionRepository::map).list()).stream().findFirst();
    }

    public Map<Long, DispositionRecord> byRound(long roundId) {
        return withNames(jdbc.sql(SELECT + " where d.round_id = :r").param("r", roundId)
                .query(DispositionRepository::map).list()).stream().collect(Collectors.toMap(DispositionRecord::commentId, Function.identity()));
    }

    /** The duplicate groups of the round whose decided members got different dispositions. */
    public java.util.Set<String> conflictingGroups(long roundId) {
        return new java.util.HashSet<>(jdbc.sql("""
                        select duplicate_group from disposition
                        where round_id = :r and duplicate_group is not null and disposition is not null
                        group by duplicate_group having count(distinct disposition) > 1""")
                .param("r", roundId).query(String.class).list());
    }

    /** The comment ids of a duplicate group of the round. */
    public java.util.Set<Long> groupMembers(long roundId, String group) {
        return new java.util.HashSet<>(jdbc.sql(
                        "select comment_id from disposition where round_id = :r and duplicate_group = :g")
                .param("r", roundId).param("g", group).query(Long.class).list());
    }

    /** The dispositions of these comments of the round (comments without a row are absent). */
    public Map<Long, DispositionRecord> byComments(long roundId, Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        return withNames(jdbc.sql(SELECT + " where d.round_id = :r and d.comment_id in (:c)").param("r", roundId)
                .param("c", commentIds).query(DispositionRepository::map).list()).stream()
                .collect(Collectors.toMap(DispositionRecord::commentId, Function.identity()));
    }

    private void ensure(long commentId, long roundId) {
        jdbc.sql("insert into disposition (comment_id, round_id) values (:c, :r) on conflict do nothing")
                .param("c", commentId).param("r", roundId).update();
    }

    public void decide(long commentId, long roundId, Disposition disposition, String reason, String appliedCommitId,
                       String by, Instant at) {
        ensure(commentId, roundId);
        jdbc.sql("""
                        update disposition set disposition = :d, reason = :reason, applied_commit_id = :applied,
                               decided_by = :by, decided_at = :at where comment_id = :c""")
                .param("d", disposition.name()).param("reason", reason).param("applied", appliedCommitId)
                .param("by", by).param("at", Timestamp.from(at)).param("c", commentId).update();
    }

    public void assign(long commentId, long roundId, Long assigneeId) {
        ensure(commentId, roundId);
        jdbc.sql("update disposition set assignee_id = :a where comment_id = :c").param("a", assigneeId)
                .param("c", commentId).update();
    }

    public void group(Collection<Long> commentIds, long roundId, String group) {
        for (long id : commentIds) {
            ensure(id, roundId);
            jdbc.sql("update disposition set duplicate_group = :g where comment_id = :c").param("g", group)
                    .param("c", id).update();
        }
    }

    /** The reasons given most often in the round, most used first. */
    public List<String> frequentReasons(long roundId, int limit) {
        return jdbc.sql("""
                        select reason from disposition where round_id = :r and reason is not null
                        group by reason order by count(*) desc, min(decided_at) limit :l""")
                .param("r", roundId).param("l", limit).query(String.class).list();
    }

    /** Takes the comments out of their groups; a group left with a single comment is dissolved. */
    public void ungroup(long roundId, Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return;
        }
        jdbc.sql("update disposition set duplicate_group = null where round_id = :r and comment_id in (:c)")
                .param("r", roundId).param("c", commentIds).update();
        jdbc.sql("""
                        update disposition set duplicate_group = null where round_id = :r and duplicate_group in (
                            select duplicate_group from disposition where round_id = :r and duplicate_group is not null
                            group by duplicate_group having count(*) = 1)""")
                .param("r", roundId).update();
    }

    public int nextGroupNumber(long roundId) {
        // The highest number in use plus one: a dissolved group never makes a new one take an existing name.
        return jdbc.sql("""
                        select coalesce(max(case when duplicate_group ~ '^D[0-9]{1,9}$'
                                                 then substring(duplicate_group from 2)::int end), 0) + 1
                        from disposition where round_id = :r""")
                .param("r", roundId).query(Integer.class).single();
    }

    public void satisfaction(long commentId, long roundId, boolean satisfied, String note, Instant at) {
        ensure(commentId, roundId);
        jdbc.sql("update disposition set satisfied = :s, satisfaction_note = :n, satisfaction_at = :at"
                        + " where comment_id = :c")
                .param("s", satisfied).param("n", note).param("at", Timestamp.from(at)).param("c", commentId)
                .update();
    }

    /** The editors of a working group (id, display name), who may be assigned comments. */
    public List<Map.Entry<Long, String>> editorsOf(String workingGroupCode) {
        return people.enabledMembersWithRole(workingGroupCode, Role.EDITOR).stream()
                .map(p -> Map.entry(p.id(), p.displayName())).toList();
    }

    /** The records with their assignees' display names. */
    private List<DispositionRecord> withNames(List<DispositionRecord> records) {
        Map<Long, String> names = people.displayNames(records.stream().map(DispositionRecord::assigneeId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return records.stream().map(r -> r.assigneeId() == null ? r : new DispositionRecord(r.commentId(),
                r.roundId(), r.disposition(), r.reason(), r.appliedCommitId(), r.assigneeId(),
                names.get(r.assigneeId()), r.duplicateGroup(), r.decidedBy(), r.decidedAt(), r.satisfied(),
                r.satisfactionNote())).toList();
    }

    private static DispositionRecord map(ResultSet rs, int n) throws SQLException {
        String d = rs.getString(3);
        long assignee = rs.getLong(6);
        boolean noAssignee = rs.wasNull();
        Timestamp decided = rs.getTimestamp(10);
        boolean satisfied = rs.getBoolean(11);
        boolean noAnswer = rs.wasNull();
        return new DispositionRecord(rs.getLong(1), rs.getLong(2), d == null ? null : Disposition.valueOf(d),
                rs.getString(4), rs.getString(5), noAssignee ? null : assignee, rs.getString(7), rs.getString(8),
                rs.getString(9), decided == null ? null : decided.toInstant(), noAnswer ? null : satisfied,
                rs.getString(12));
    }
}
