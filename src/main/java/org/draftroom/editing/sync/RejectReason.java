package org.draftroom.editing.sync;

/**
 * Why a sync message was refused. A refused message changes nothing on the receiving side. When
 * {@link #requiresResync()} is true the sender must fetch a fresh {@link Snapshot} (its unacknowledged typing is then
 * rebased onto the snapshot, see {@link ClientSync#resync(Snapshot)}); otherwise the message is simply dropped.
 */
public enum RejectReason {
    /** Not a well-formed message: bad header, bad number, bad id, non-consecutive edit versions. */
    MALFORMED(true),
    /** The message is longer than {@link SyncLimits#maxMessageChars()}. */
    MESSAGE_TOO_LARGE(true),
    /** The message carries more than {@link SyncLimits#maxEditsPerMessage()} edits. */
    TOO_MANY_EDITS(true),
    /** Applying the edits would make the shadow or the master longer than {@link SyncLimits#maxTextLength()}. */
    TEXT_TOO_LONG(true),
    /** The message names a clause this session does not serve. */
    WRONG_CLAUSE(true),
    /** The sender has not joined the clause (or was removed); it must join again. */
    UNKNOWN_CLIENT(true),
    /** A duplicate or an out-of-order (older) message, or one from an earlier session epoch; harmless, dropped. */
    STALE(false),
    /** The message refers to versions the receiver has not reached yet (an edit or an acknowledgement is missing). */
    FUTURE_VERSION(true),
    /** The message was made against a shadow the receiver no longer has (neither its shadow nor its backup). */
    VERSION_MISMATCH(true),
    /** A delta does not apply exactly to the shadow it claims to be made against. */
    DELTA_MISMATCH(true);

    private final boolean requiresResync;

    RejectReason(boolean requiresResync) {
        this.requiresResync = requiresResync;
    }

    /** Whether the sender must resynchronise from a fresh snapshot. */
    public boolean requiresResync() {
        return requiresResync;
    }
}
