package org.draftroom.rounds.domain;

import java.time.Instant;

/**
 * The disposition data of one comment of a round (every field but the ids may be null while undecided).
 *
 * @param satisfied the commenter's answer after publication: true satisfied, false not, null not answered
 */
public record DispositionRecord(long commentId, long roundId, Disposition disposition, String reason,
                                String appliedCommitId, Long assigneeId, String assigneeName, String duplicateGroup,
                                String decidedBy, Instant decidedAt, Boolean satisfied, String satisfactionNote) {

    public static DispositionRecord none(long commentId, long roundId) {
        return new DispositionRecord(commentId, roundId, null, null, null, null, null, null, null, null, null, null);
    }
}
