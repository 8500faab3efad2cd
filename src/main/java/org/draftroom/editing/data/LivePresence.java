package org.draftroom.editing.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.draftroom.base.cluster.ClusterBus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who is in which live document, on every node ({@code live_presence}; used only with several nodes). Each node
 * writes the rows of its own editors and refreshes them every few seconds; a row not refreshed for the presence
 * timeout (its node died, or the screen went away) no longer counts. Thread-safe.
 */
@Repository
public class LivePresence {

    private final JdbcClient jdbc;

    LivePresence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One editor's row. */
    public record Row(String clientId, String nodeId, long userId, String name, int colour, String clauseId) {
    }

    public void join(String clientId, String nodeId, String projectId, long userId, String name, int colour,
                     Instant at) {
        jdbc.sql("insert into live_presence (client_id, node_id, project_id, user_id, name, colour, last_seen)"
                        + " values (:c, :n, :p, :u, :name, :colour, :at)")
                .param("c", clientId).param("n", nodeId).param("p", projectId).param("u", userId).param("name", name)
                .param("colour", colour).param("at", Timestamp.from(at)).update();
    }

    public void clause(String clientId, String clauseId, Instant at) {
        jdbc.sql("update live_presence set clause_id = :k, last_seen = :at where client_id = :c")
                .param("k", clauseId).param("at", Timestamp.from(at)).param("c", clientId).update();
    }

    public void leave(String clientId) {
        jdbc.sql("delete from live_presence where client_id = :c").param("c", clientId).update();
    }

    /** Refreshes the rows of editors whose screens this node heard from. */
    public void seen(Collection<String> clientIds, Instant at) {
        if (clientIds.isEmpty()) {
            return;
        }
        jdbc.sql("update live_presence set last_seen = :at where client_id in (:c)")
                .param("at", Timestamp.from(at)).param("c", List.copyOf(clientIds)).update();
    }

    /**
     * Everyone in the project's live document, on any living node, heard from since {@code since}. The rows of a node
     * that died count no more from the moment PostgreSQL sees its connection go ({@link ClusterBus#nodeAlive}), not
     * only after the time-out: a browser that went on to another node is not shown twice meanwhile, nor as someone
     * else in its own clause.
     */
    public List<Row> present(String projectId, Instant since) {
        return jdbc.sql("select client_id, node_id, user_id, name, colour, clause_id from live_presence"
                        + " where project_id = :p and last_seen >= :s and " + ClusterBus.nodeAlive("node_id"))
                .param("p", projectId).param("s", Timestamp.from(since))
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6))).list();
    }

    /** Forgets rows not refreshed since {@code before} (nodes that died). */
    public int forget(Instant before) {
        return jdbc.sql("delete from live_presence where last_seen < :b").param("b", Timestamp.from(before)).update();
    }
}
