package org.draftroom.security.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitation links to join an organisation, by the hash of their secret. Callers hold the transaction. */
@Repository
public class InvitationRepository {

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An invitation that has not been used; {@code expiresAt} is for the caller to check. */
    public record Open(long id, long organisationId, Instant expiresAt) {
    }

    public long insert(long organisationId, String hash, long createdBy, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                        insert into organisation_invitation (organisation_id, token_hash, created_by, created_at,
                                                             expires_at)
                        values (:o, :h, :by, :now, :exp) returning id""")
                .param("o", organisationId).param("h", hash).param("by", createdBy).param("now", Timestamp.from(now))
                .param("exp", Timestamp.from(expiresAt)).query(Long.class).single();
    }

    /** The unused invitation with this hash, locked until the transaction ends so it is used once only. */
    public Optional<Open> findUnusedForUpdate(String hash) {
        return jdbc.sql("select id, organisation_id, expires_at from organisation_invitation"
                        + " where token_hash = :h and used_at is null for update")
                .param("h", hash)
                .query((rs, n) -> new Open(rs.getLong("id"), rs.getLong("organisation_id"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    public void markUsed(long id, long usedBy, Instant now) {
        jdbc.sql("update organisation_invitation set used_by = :u, used_at = :now where id = :id")
                .param("u", usedBy).param("now", Timestamp.from(now)).param("id", id).update();
    }
}
