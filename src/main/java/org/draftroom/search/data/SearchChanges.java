package org.draftroom.search.data;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The change log every node's index follows ({@code search_change}). */
@Repository
public class SearchChanges {

    private final JdbcClient jdbc;

    SearchChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Change(long id, String projectId) {
    }

    /** Appends a change of the project; returns its id. */
    public long record(String projectId) {
        return jdbc.sql("insert into search_change (project_id) values (:p) returning id").param("p", projectId)
                .query(Long.class).single();
    }

    /** Changes after {@code id}, oldest first, at most {@code limit}. */
    public List<Change> after(long id, int limit) {
        return jdbc.sql("select id, project_id from search_change where id > :id order by id limit :limit")
                .param("id", id).param("limit", limit)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2))).list();
    }

    /** The latest change's id, 0 when there is none. */
    public long latest() {
        return jdbc.sql("select coalesce(max(id), 0) from search_change").query(Long.class).single();
    }

    public int deleteBefore(Instant time) {
        return jdbc.sql("delete from search_change where changed_at < :t").param("t", java.sql.Timestamp.from(time))
                .update();
    }
}
