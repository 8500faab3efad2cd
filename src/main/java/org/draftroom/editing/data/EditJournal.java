package org.draftroom.editing.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

    /** One journalled edit. {@code changed} counts inserted plus deleted UTF-16 units, to weigh authorship. */
    public record Entry(long revision, long userId, String authorName, String authorEmail, String clientId,
                        String masterDelta, int changed, boolean clean, Instant at) {
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
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into edit_journal (session_id, revision, user_id, author_name,"
                + " author_email, client_id, master_delta, changed, clean, created_at) values ");
        for (int i = 0; i < entries.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:s, :r").append(i).append(", :u").append(i).append(", :n")
                    .append(i).append(", :e").append(i).append(", :c").append(i).append(", :d").append(i)
                    .append(", :x").append(i).append(", :k").append(i).append(", :a").append(i).append(")");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("s", sessionId);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            statement = statement.param("r" + i, e.revision()).param("u" + i, e.userId()).param("n" + i, e.authorName())
                    .param("e" + i, e.authorEmail()).param("c" + i, e.clientId()).param("d" + i, e.masterDelta())
                    .param("x" + i, e.changed()).param("k" + i, e.clean()).param("a" + i, Timestamp.from(e.at()));
        }
        statement.update();
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
        return jdbc.sql("select revision, user_id, author_name, author_email, client_id, master_delta, changed, clean,"
                        + " created_at from edit_journal where session_id = :s order by revision")
                .param("s", sessionId)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getBoolean(8),
                        rs.getTimestamp(9).toInstant())).list();
    }

    /** How many edits are journalled for a project's sessions (for tests and diagnostics). */
    public long countEdits(String projectId) {
        return jdbc.sql("select count(*) from edit_journal j join live_session s on s.id = j.session_id"
                + " where s.project_id = :p").param("p", projectId).query(Long.class).single();
    }
}
