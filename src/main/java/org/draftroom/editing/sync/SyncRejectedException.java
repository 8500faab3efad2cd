package org.draftroom.editing.sync;

/** A sync message was refused for {@link #reason()}; the receiver's state is unchanged. */
public final class SyncRejectedException extends RuntimeException {

    private final RejectReason reason;

    public SyncRejectedException(RejectReason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
