package org.draftroom.comments.domain;

import java.time.Instant;

/** A reply in a comment's thread. */
public record Reply(long id, long commentId, long authorId, String authorName, String body, Instant createdAt) {
}
