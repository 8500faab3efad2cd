package org.draftroom.comments;

/** A comment was made (published after it is stored, inside the creating transaction). */
public record CommentCreated(String projectId, long commentId, Long roundId) {
}
