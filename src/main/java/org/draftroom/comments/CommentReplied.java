package org.draftroom.comments;

/** Someone replied to a comment (published inside the replying transaction). */
public record CommentReplied(long commentId, long replyId, long replierId, long commentAuthorId) {
}
