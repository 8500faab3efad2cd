package org.draftroom.rounds.domain;

import java.time.Instant;

/**
 * An organisation's submission in a round. It is final while {@code submittedAt} is set; a reopening by the
 * secretariat clears it and is kept in {@code reopened*}.
 */
public record Submission(long roundId, long organisationId, String organisationCode, String submittedBy,
                         Instant submittedAt, String reopenedBy, Instant reopenedAt, String reopenReason) {

    public boolean isFinal() {
        return submittedAt != null;
    }
}
