package org.draftroom.comments.domain;

import java.time.Instant;
import org.draftroom.comments.anchoring.Anchor;
import org.draftroom.comments.anchoring.Placement;

/**
 * A comment on a project's draft.
 *
 * @param roundId           the consultation round, null for a comment on the working draft
 * @param readableId        organisation code + "-" + a three-digit sequence per project and organisation
 *                          ({@code CN-ABC-007}); for a person without organisation their upper-cased username
 * @param organisationId    the author's organisation when the comment was made, null if none
 * @param organisationCode  its code then, null if none
 * @param proposedChange    the proposed text, empty if none
 * @param anchor            where the comment was made, as it was then
 * @param placement         where it stands in {@code placementCommitId}
 * @param placementCommitId the latest version of the draft the re-anchoring has carried the comment to
 * @param appliedCommitId   the version that applied the proposed change, null if not applied
 * @param late              accepted by the secretariat after the round closed
 * @param replyCount        the number of replies in the thread
 * @param moderation        {@code HIDDEN} or {@code DELETED} when the secretariat took the text down (then
 *                          {@code body} and {@code proposedChange} are empty for everyone), null otherwise
 * @param moderationReason  the secretariat's reason, null when not moderated
 * @param lineNumber        the ISO template's line number the reviewer gave ("17"), {@code ""} when none
 * @param location          the template's Paragraph/Figure/Table ("Table 3"), {@code ""} when none
 */
public record Comment(long id, String projectId, Long roundId, String readableId, long authorId, String authorName,
                      Long organisationId, String organisationCode, CommentType type, String body,
                      String proposedChange, Anchor anchor, Placement placement, String placementCommitId,
                      CommentStatus status, String appliedCommitId, boolean late, Instant createdAt,
                      Instant updatedAt, int replyCount, String moderation, String moderationReason,
                      String lineNumber, String location) {

    public static final String HIDDEN = "HIDDEN";
    public static final String DELETED = "DELETED";

    /** This comment with its author's display name (the security module's, looked up after the comment). */
    public Comment withAuthorName(String name) {
        return new Comment(id, projectId, roundId, readableId, authorId, name, organisationId, organisationCode, type,
                body, proposedChange, anchor, placement, placementCommitId, status, appliedCommitId, late, createdAt,
                updatedAt, replyCount, moderation, moderationReason, lineNumber, location);
    }

    /** Whether the secretariat hid the comment or deleted its text. */
    public boolean moderated() {
        return moderation != null;
    }

    /** Whether the reviewer said where in the clause: a line number or a paragraph, figure or table. */
    public boolean hasPlaceInClause() {
        return lineNumber != null && !lineNumber.isBlank() || location != null && !location.isBlank();
    }

    /** Whether the comment proposes a change of text. */
    public boolean hasProposedChange() {
        return proposedChange != null && !proposedChange.isBlank();
    }
}
