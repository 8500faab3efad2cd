package org.draftroom.comments.domain;

import java.time.Instant;

/**
 * One entry of a comment's history.
 *
 * @param kind    {@link #CREATED}, {@link #EDITED}, {@link #RESOLVED}, {@link #REOPENED}, {@link #APPLIED},
 *                {@link #REANCHORED} (the placement status changed), {@link #REPLIED}, {@link #HIDDEN}
 *                or {@link #DELETED}
 * @param actorId the person who acted; 0 (with an empty name) for the system, which records {@link #REANCHORED}
 * @param detail  the reason (resolved, reopened, hidden, deleted); the commit id of the version made (applied); the status before,
 *                the status after and the commit id, separated by spaces ({@code "ANCHORED OUTDATED 3f2a…"},
 *                re-anchored); the type code, a line break and the text before the change (edited); otherwise
 *                empty
 */
public record CommentEvent(long id, long commentId, String kind, long actorId, String actorName, String detail,
                           Instant at) {

    public static final String CREATED = "CREATED";
    public static final String EDITED = "EDITED";
    public static final String RESOLVED = "RESOLVED";
    public static final String REOPENED = "REOPENED";
    public static final String APPLIED = "APPLIED";
    public static final String REANCHORED = "REANCHORED";
    public static final String REPLIED = "REPLIED";
    /** The secretariat hid the comment; detail: the reason. */
    public static final String HIDDEN = "HIDDEN";
    /** The secretariat deleted the comment's text; detail: the reason. */
    public static final String DELETED = "DELETED";
}
