package org.draftroom.security.domain;

import java.time.Instant;

/** A personal access token as its owner sees it: only the first characters of the secret are kept readable. */
public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
