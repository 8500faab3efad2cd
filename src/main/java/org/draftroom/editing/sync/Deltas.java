package org.draftroom.editing.sync;

import java.util.LinkedList;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;

/**
 * Text operations the edit journal and the checkpoints need, with the protocol's conventions (UTF-16 offsets, no split
 * surrogate pairs). Stateless and thread-safe (each call uses its own diff-match-patch).
 */
public final class Deltas {

    private Deltas() {
    }

    /**
     * Applies an {@link AcknowledgedEdit#masterDelta()} exactly to the text it was made on.
     *
     * @throws SyncRejectedException with {@link RejectReason#DELTA_MISMATCH} if it does not fit
     */
    public static String apply(String text, String delta) {
        TextDiffs diffs = new TextDiffs();
        return diffs.target(diffs.decode(text, delta));
    }

    /** How many UTF-16 units a delta inserts plus deletes: the size of an edit, to weigh who wrote most. */
    public static int size(String delta) {
        int size = 0;
        for (String token : delta.split("\t")) {
            if (token.isEmpty()) {
                continue;
            }
            String param = token.substring(1);
            if (token.charAt(0) == '+') {
                size += java.net.URLDecoder.decode(param.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8)
                        .length();
            } else if (token.charAt(0) == '-') {
                try {
                    size += Integer.parseInt(param);
                } catch (NumberFormatException e) {
                    // not a delta the engine produced; counts as nothing
                }
            }
        }
        return size;
    }

    /**
     * Whether a clause text stored in a draft is the live text {@code live}: equal, or equal but for the line ending
     * the draft format adds when another clause follows.
     */
    public static boolean sameBody(String live, String stored) {
        return stored.equals(live) || stored.length() == live.length() + 1 && stored.startsWith(live)
                && stored.endsWith("\n") || stored.length() == live.length() + 2 && stored.startsWith(live)
                && stored.endsWith("\r\n");
    }

    /**
     * Carries the change from {@code base} to {@code changed} onto {@code onto}: {@code changed} itself when
     * {@code onto} is still {@code base} (or already {@code changed}), otherwise a fuzzy patch (parts that cannot be placed are left out).
     */
    public static String rebase(String base, String changed, String onto) {
        if (sameBody(base, onto) || sameBody(changed, onto)) {
            return changed;
        }
        TextDiffs diffs = new TextDiffs();
        LinkedList<Diff> change = diffs.diff(base, changed);
        return diffs.fuzzyApply(base, change, onto).text();
    }
}
