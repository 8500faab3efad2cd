package org.draftroom.security.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.draftroom.security.domain.ApiToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal access tokens, stored as SHA-256 hashes of their secret. */
@Repository
public class TokenRepository {

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long userId, String name, String hash, String prefix, Instant now) {
        return jdbc.sql("insert into api_token (user_id, name, token_hash, prefix, created_at)"
                        + " values (:u, :n, :h, :p, :now) returning id")
                .param("u", userId).param("n", name).param("h", hash).param("p", prefix)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    public List<ApiToken> findByUser(long userId) {
        return jdbc.sql("select id, name, prefix, created_at, last_used_at, revoked_at from api_token"
                        + " where user_id = :u order by created_at desc, id desc")
                .param("u", userId)
                .query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /** The owner of an active token with this hash. */
    public Optional<Long> findActiveOwner(String hash) {
        return jdbc.sql("select user_id from api_token where token_hash = :h and revoked_at is null")
                .param("h", hash).query(Long.class).optional();
    }

    public void touch(String hash, Instant now) {
        jdbc.sql("update api_token set last_used_at = :now where token_hash = :h")
                .param("now", Timestamp.from(now)).param("h", hash).update();
    }

    /** Revokes one of the user's own tokens; returns false when the user has no such active token. */
    public boolean revoke(long userId, long tokenId, Instant now) {
        return jdbc.sql("update api_token set revoked_at = :now where id = :id and user_id = :u and revoked_at is null")
                .param("now", Timestamp.from(now)).param("id", tokenId).param("u", userId).update() == 1;
    }

    /** Revokes every active token of the user. */
    public void revokeAll(long userId, Instant now) {
        jdbc.sql("update api_token set revoked_at = :now where user_id = :u and revoked_at is null")
                .param("now", Timestamp.from(now)).param("u", userId).update();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
