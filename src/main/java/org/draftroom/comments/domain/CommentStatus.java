package org.draftroom.comments.domain;

/** Whether a comment still asks for something. */
public enum CommentStatus {
    OPEN, RESOLVED
}
