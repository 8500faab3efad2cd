package org.draftroom.editing.sync;

/**
 * Hard limits of the sync protocol, checked on every message before any work is done.
 *
 * @param maxMessageChars  largest encoded message accepted, in characters of its text form (the sum of the deltas'
 *                         lengths for a message built in memory); a delta URL-encodes non-ASCII text, so one Chinese
 *                         character costs 9 characters here
 * @param maxEditsPerMessage most edits one message may carry; a client stops stacking new edits at this many
 *                         unacknowledged ones and keeps further typing in its text until acknowledgements arrive
 * @param maxTextLength    longest clause text in UTF-16 code units, for the master and every shadow
 */
public record SyncLimits(int maxMessageChars, int maxEditsPerMessage, int maxTextLength) {

    /** 4,000,000 characters per message, 64 edits per message, 1,000,000 UTF-16 units per clause. */
    public static final SyncLimits DEFAULT = new SyncLimits(4_000_000, 64, 1_000_000);

    /** Longest client or clause id accepted. */
    public static final int MAX_ID_LENGTH = 128;

    public SyncLimits {
        if (maxMessageChars < 1_024 || maxEditsPerMessage < 1 || maxTextLength < 1) {
            throw new IllegalArgumentException("limits too small: " + maxMessageChars + ", " + maxEditsPerMessage
                    + ", " + maxTextLength);
        }
    }
}
