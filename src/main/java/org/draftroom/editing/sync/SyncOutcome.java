package org.draftroom.editing.sync;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What {@link ClauseSession#receive(ClientMessage)} decided. */
public sealed interface SyncOutcome {

    /**
     * The message was applied. The caller must make {@code acknowledged} durable (if the session's
     * {@link AcknowledgementListener} has not already done so) before it sends {@code reply}, then tell
     * {@code othersToNotify} to sync soon.
     *
     * @param reply        the answer for the sender
     * @param acknowledged the sender's edits applied by this message, in revision order; empty for a duplicate or a
     *                     poll
     * @param othersToNotify the other editors of the clause whose view is now behind the master (empty when the master
     *                     did not change)
     */
    record Accepted(ServerMessage reply, List<AcknowledgedEdit> acknowledged, Set<String> othersToNotify)
            implements SyncOutcome {

        public Accepted {
            Objects.requireNonNull(reply, "reply");
            acknowledged = List.copyOf(acknowledged);
            othersToNotify = Set.copyOf(othersToNotify);
        }
    }

    /**
     * The message was refused and nothing changed. Log {@code reason}; if {@link RejectReason#requiresResync()} tell
     * the sender to resynchronise, otherwise ignore the message.
     */
    record Rejected(RejectReason reason, String detail) implements SyncOutcome {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
