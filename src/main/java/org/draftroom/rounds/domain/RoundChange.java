package org.draftroom.rounds.domain;

import java.time.Instant;

/**
 * One recorded change of a round.
 *
 * @param kind   SCHEDULED, OPENED, EXTENDED, CLOSED_EARLY, SUBMITTED, SUBMISSION_REOPENED, LATE_ALLOWED, PUBLISHED
 * @param detail what changed, in neutral form (times as ISO instants, organisation codes)
 */
public record RoundChange(long id, long roundId, String kind, String detail, String reason, String changedBy,
                         Instant changedAt) {

    public String labelKey() {
        return "round.change." + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
