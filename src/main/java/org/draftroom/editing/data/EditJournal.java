package org.draftroom.editing.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.draftroom.base.cluster.ClusterBus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The edit journal in PostgreSQL: one {@code live_session} row per opening of a clause's co-editing session and one
 * {@code edit_journal} row per acknowledged edit. Each write is its own auto-committed statement (no surrounding
 * transaction), so a row is durable when the call returns; that is what lets the server acknowledge an edit only after
 * it is stored. Thread-safe.
 */
@Repository
public class EditJournal {

    private final JdbcClient jdbc;

    EditJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One journalled edit. {@code changed} counts inserted plus deleted UTF-16 units, to weigh authorship;
     * {@code clientEpoch} and {@code clientN} number the edit as its browser did (0 and 0 for rows written before
     * they were recorded).
     */
    public record Entry(long revision, long userId, String authorName, String authorEmail, String clientId,
                        long clientEpoch, long clientN, String masterDelta, int changed, boolean clean, Instant at) {
    }

    /** A session whose text has not wholly reached Git. */
    public record OpenSession(long id, String projectId, String clauseId, String baseText, long checkpointedRevision) {
    }

    /** Records that a clause's session opened with {@code baseText}; returns the session's id. */
    public long open(String projectId, String clauseId, String baseText, Instant at) {
        return jdbc.sql("insert into live_session (project_id, clause_id, base_text, opened_at)"
                        + " values (:p, :c, :t, :at) returning id")
                .param("p", projectId).param("c", clauseId).param("t", baseText).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    /** Appends the edits of one message, in revision order, as one statement (all or nothing). */
    public void append(long sessionId, List<Entry> entries) {
        append(sessionId, entries, java.util.Optional.empty());
    }

    /**
     * Appends as {@link #append(long, List)} and, in the same statement, sends {@code notice} (other nodes get it when
     * the surrounding transaction commits, never for edits that were rolled back).
     */
    public void append(long sessionId, List<Entry> entries, java.util.Optional<ClusterBus.Notice> notice) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(notice.isPresent() ? "with written as (" : "");
        sql.append("insert into edit_journal (session_id, revision, user_id, author_name,"
                + " author_email, client_id, client_epoch, client_n, master_delta, changed, clean, created_at) values ");
        for (int i = 0; i < entries.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:s, :r").append(i).append(", :u").append(i).append(", :n")
                    .append(i).append(", :e").append(i).append(", :c").append(i).append(", :ce").append(i).append(", :cn")
                    .append(i).append(", :d").append(i)
                    .append(", :x").append(i).append(", :k").append(i).append(", :a").append(i).append(")");
        }
        if (notice.isPresent()) {
            sql.append(" returning revision) select pg_notify(:nc, :np) from (select count(*) from written) w");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("s", sessionId);
        if (notice.isPresent()) {
            statement = statement.param("nc", notice.get().channel()).param("np", notice.get().payload());
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            statement = statement.param("r" + i, e.revision()).param("u" + i, e.userId()).param("n" + i, e.authorName())
                    .param("e" + i, e.authorEmail()).param("c" + i, e.clientId()).param("ce" + i, e.clientEpoch())
                    .param("cn" + i, e.clientN()).param("d" + i, e.masterDelta())
                    .param("x" + i, e.changed()).param("k" + i, e.clean()).param("a" + i, Timestamp.from(e.at()));
        }
        if (notice.isPresent()) {
            statement.query().listOfRows();
        } else {
            statement.update();
        }
    }

    /** Marks the session's text up to {@code revision} as written to Git in {@code commitId} (null: nothing new). */
    public void checkpointed(long sessionId, long revision, String commitId) {
        jdbc.sql("update live_session set checkpointed_revision = greatest(checkpointed_revision, :r),"
                        + " checkpoint_commit = coalesce(:c, checkpoint_commit) where id = :id")
                .param("r", revision).param("c", commitId).param("id", sessionId).update();
    }

    /** Marks the session closed: its whole text is in Git. */
    public void close(long sessionId, Instant at) {
        jdbc.sql("update live_session set closed_at = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", sessionId).update();
    }

    /** Sessions not closed, oldest first (start-up replays them). */
    public List<OpenSession> openSessions() {
        return jdbc.sql("select id, project_id, clause_id, base_text, checkpointed_revision from live_session"
                        + " where closed_at is null order by id")
                .query((rs, i) -> new OpenSession(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))).list();
    }

    /** The session's edits in revision order. */
    public List<Entry> entries(long sessionId) {
        return jdbc.sql("select revision, user_id, author_name, author_email, client_id, coalesce(client_epoch, 0),"
                        + " coalesce(client_n, 0), master_delta, changed, clean, created_at from edit_journal"
                        + " where session_id = :s order by revision")
                .param("s", sessionId)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getInt(9),
                        rs.getBoolean(10), rs.getTimestamp(11).toInstant())).list();
    }

    /**
     * How many edits of the browser {@code clientId} in its {@code epoch} are journalled (its edits are numbered from
     * 0 in each epoch and taken in order, so this is one more than the highest number taken, or 0), counting only
     * the edits of {@code userId}: nobody learns anything of another person's browser.
     */
    public long clientEditsTaken(long userId, String clientId, long epoch) {
        return jdbc.sql("select coalesce(max(client_n) + 1, 0) from edit_journal"
                        + " where client_id = :c and client_epoch = :e and user_id = :u")
                .param("c", clientId).param("e", epoch).param("u", userId).query(Long.class).single();
    }

    /** How many edits are journalled for a project's sessions (for tests and diagnostics). */
    public long countEdits(String projectId) {
        return jdbc.sql("select count(*) from edit_journal j join live_session s on s.id = j.session_id"
                + " where s.project_id = :p").param("p", projectId).query(Long.class).single();
    }

    // ---- several nodes sharing the journal (draftroom.cluster.enabled) ----

    /**
     * Takes the cluster-wide lock named {@code key} until the surrounding transaction ends (a PostgreSQL advisory
     * lock; released by the server when the holder's connection dies, a SIGKILLed node included). Must run inside a
     * transaction.
     */
    public void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(19019, hashtext(:k))").param("k", key).query().singleValue();
    }

    /** The newest open session of a clause, if any: several nodes editing one clause share it. */
    public java.util.Optional<OpenSession> openSession(String projectId, String clauseId) {
        return jdbc.sql("select id, project_id, clause_id, base_text, checkpointed_revision from live_session"
                        + " where project_id = :p and clause_id = :c and closed_at is null order by id desc limit 1")
                .param("p", projectId).param("c", clauseId)
                .query((rs, i) -> new OpenSession(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))).optional();
    }

    /** The open sessions of a project, oldest first. */
    public List<OpenSession> openSessions(String projectId) {
        return jdbc.sql("select id, project_id, clause_id, base_text, checkpointed_revision from live_session"
                        + " where project_id = :p and closed_at is null order by id")
                .param("p", projectId)
                .query((rs, i) -> new OpenSession(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))).list();
    }

    /** One journalled edit's revision and exact master delta. */
    public record Step(long revision, String masterDelta) {
    }

    /**
     * The edits of a session after {@code revision}, in order, or empty when the session was closed meanwhile (its
     * text is in Git; an editor must start again from there). One round trip.
     */
    public java.util.Optional<List<Step>> stepsAfter(long sessionId, long revision) {
        return steps(jdbc.sql("select s.closed_at is not null, j.revision, j.master_delta from live_session s"
                        + " left join edit_journal j on j.session_id = s.id and j.revision > :r where s.id = :s"
                        + " order by j.revision")
                .param("s", sessionId).param("r", revision));
    }

    /**
     * {@link #lock} and then {@link #stepsAfter}, in one round trip (the function {@code live_lock_and_steps}, V23,
     * which reads after the lock is held, with a snapshot taken then). Must run inside a transaction.
     */
    public java.util.Optional<List<Step>> lockAndStepsAfter(String key, long sessionId, long revision) {
        return steps(jdbc.sql("select closed, step_revision, step_delta from live_lock_and_steps(:k, :s, :r)")
                .param("k", key).param("s", sessionId).param("r", revision));
    }

    private static java.util.Optional<List<Step>> steps(JdbcClient.StatementSpec query) {
        List<Object[]> rows = query
                .query((rs, i) -> new Object[] {rs.getBoolean(1), rs.getObject(2), rs.getString(3)}).list();
        if (rows.isEmpty() || (Boolean) rows.get(0)[0]) {
            return java.util.Optional.empty();
        }
        List<Step> steps = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            if (row[1] != null) {
                steps.add(new Step(((Number) row[1]).longValue(), (String) row[2]));
            }
        }
        return java.util.Optional.of(steps);
    }

    /**
     * Open sessions with edits not in Git whose last edit is older than {@code quietSince} or whose oldest unsaved
     * edit is older than {@code unsavedSince}: what a checkpoint is due for, whichever node acknowledged the edits
     * (a node that died included).
     */
    public List<OpenSession> due(Instant quietSince, Instant unsavedSince) {
        return jdbc.sql("""
                        select s.id, s.project_id, s.clause_id, s.base_text, s.checkpointed_revision
                        from live_session s
                        join lateral (select max(created_at) as last, min(created_at) as first from edit_journal j
                                      where j.session_id = s.id and j.revision > s.checkpointed_revision) u on true
                        where s.closed_at is null and u.last is not null and (u.last < :q or u.first < :u)
                        order by s.id""")
                .param("q", Timestamp.from(quietSince)).param("u", Timestamp.from(unsavedSince))
                .query((rs, i) -> new OpenSession(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))).list();
    }

    /**
     * Open sessions wholly in Git, with no edit and no opening since {@code before} and nobody present in their
     * clause on any node since {@code presentSince}: to be closed.
     */
    public List<OpenSession> abandoned(Instant before, Instant presentSince) {
        return jdbc.sql("""
                        select s.id, s.project_id, s.clause_id, s.base_text, s.checkpointed_revision
                        from live_session s
                        where s.closed_at is null and s.opened_at < :b
                          and not exists (select 1 from edit_journal j where j.session_id = s.id
                                          and (j.revision > s.checkpointed_revision or j.created_at >= :b))
                          and not exists (select 1 from live_presence p where p.project_id = s.project_id
                                          and p.clause_id = s.clause_id and p.last_seen >= :f)
                        order by s.id""")
                .param("b", Timestamp.from(before)).param("f", Timestamp.from(presentSince))
                .query((rs, i) -> new OpenSession(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))).list();
    }

    /** The session's row as it is now (inside a lock: to check again what a query found before taking it). */
    public java.util.Optional<OpenSession> session(long sessionId) {
        return jdbc.sql("select id, project_id, clause_id, base_text, checkpointed_revision from live_session"
                        + " where id = :id and closed_at is null")
                .param("id", sessionId)
                .query((rs, i) -> new OpenSession(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))).optional();
    }
}
