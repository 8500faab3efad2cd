package org.draftroom.comments.domain;

import java.time.Instant;

/**
 * One entry of a comment's history.
 *
 * @param kind    {@link #CREATED}, {@link #EDITED}, {@link #RESOLVED}, {@link #REOPENED}, {@link #APPLIED},
 *                {@link #REANCHORED} (the placement status changed) or {@link #REPLIED}
 * @param actorId the person who acted; for {@link #REANCHORED} the author of the version that moved the comment
 *                when known, else the comment's author
 * @param detail  the reason (resolve, reopen), the commit id (applied), "ANCHORED → OUTDATED @ commit" (re-anchored),
 *                otherwise empty
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
}
