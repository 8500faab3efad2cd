package org.draftroom.security.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of things with a unique code and a Chinese and an English name (organisations, working groups).
 * Callers hold the transaction.
 *
 * @param <T> a record with components (id, code, nameZh, nameEn)
 */
abstract class CodedNameRepository<T> {

    private final JdbcClient jdbc;
    private final String table;
    private final Class<T> type;

    CodedNameRepository(JdbcClient jdbc, String table, Class<T> type) {
        this.jdbc = jdbc;
        this.table = table;
        this.type = type;
    }

    public List<T> findAll() {
        return jdbc.sql("select id, code, name_zh, name_en from " + table + " order by code").query(type).list();
    }

    public Optional<T> findById(long id) {
        return jdbc.sql("select id, code, name_zh, name_en from " + table + " where id = :id").param("id", id)
                .query(type).optional();
    }

    /** Those of these ids that exist, by code. */
    public List<T> findByIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, code, name_zh, name_en from " + table + " where id in (:ids) order by code")
                .param("ids", ids).query(type).list();
    }

    public Optional<T> findByCode(String code) {
        return jdbc.sql("select id, code, name_zh, name_en from " + table + " where upper(code) = upper(:c)")
                .param("c", code).query(type).optional();
    }

    public long insert(String code, String nameZh, String nameEn, Instant now) {
        return jdbc.sql("insert into " + table + " (code, name_zh, name_en, created_at) values (:c, :zh, :en, :now)"
                        + " returning id")
                .param("c", code).param("zh", nameZh).param("en", nameEn).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    public void update(long id, String code, String nameZh, String nameEn) {
        jdbc.sql("update " + table + " set code = :c, name_zh = :zh, name_en = :en where id = :id")
                .param("c", code).param("zh", nameZh).param("en", nameEn).param("id", id).update();
    }

    public void delete(long id) {
        jdbc.sql("delete from " + table + " where id = :id").param("id", id).update();
    }
}
