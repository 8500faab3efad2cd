package org.draftroom.comments;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the comments page shows of consultation rounds carried onto the working draft, implemented by the rounds
 * module as a bean: the project's rounds whose comments the signed-in person may see there, and the disposition being
 * recorded for each comment. Both answer the round's staff only (the secretariat, administrators and the editors of
 * the project's working group), as the round's dispositions do.
 */
public interface RoundMargin {

    /** A round as the comments page names it: "Round 2: 征求意见稿". */
    record RoundRef(long id, int number, String label) {
    }

    /**
     * A disposition as recorded so far.
     *
     * @param labelKey the message key of the decision ({@code disposition.not-accepted})
     * @param reason   the reason, or empty
     */
    record Outcome(String labelKey, String reason) {
    }

    /** The project's rounds whose comments the signed-in person may see on the working draft, newest first. */
    List<RoundRef> rounds(String projectId);

    /**
     * The dispositions recorded so far for these comments of the round, by comment id; comments without a decision
     * are absent. Refuses ({@code AccessDeniedException}) who is not staff of the round.
     */
    Map<Long, Outcome> dispositions(long roundId, Collection<Long> commentIds);
}
