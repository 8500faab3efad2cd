package org.draftroom.editing.sync;

import java.util.List;

/**
 * Told of client edits before they are acknowledged. Called by {@link ClauseSession#receive(ClientMessage)} while it
 * holds the session's lock, after the edits have been applied to a copy of the state and before that state is
 * committed and the reply built. If this method throws, nothing is committed, no acknowledgement is produced, and the
 * exception propagates to the caller; the client will send the same edits again. This is where an edit journal writes
 * (durably) so that an acknowledged keystroke is never lost.
 *
 * <p>Calls for one clause are serialised and come in revision order; calls for different clauses may be concurrent.
 */
@FunctionalInterface
public interface AcknowledgementListener {

    /** A listener that does nothing. */
    AcknowledgementListener NONE = edits -> { };

    /**
     * @param edits the edits of one message, in revision order, never empty
     */
    void beforeAcknowledge(List<AcknowledgedEdit> edits);
}
