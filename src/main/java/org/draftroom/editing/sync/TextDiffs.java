package org.draftroom.editing.sync;

import java.util.LinkedList;
import java.util.List;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Operation;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Patch;

/**
 * Diffs and deltas as both ends of the protocol compute them. Not thread-safe: each owner keeps its own instance.
 *
 * <p>diff-match-patch compares UTF-16 code units and may cut a surrogate pair in two (changing one emoji into another
 * shares the high surrogate); {@code diff_toDelta} cannot encode half a pair (Java writes {@code ?}, JavaScript's
 * {@code encodeURI} throws). {@link #diff} therefore moves every split pair wholly into the change next to it.
 */
final class TextDiffs {

    /** Upper bound on one diff under a session lock; past it diff-match-patch returns a coarser but correct diff. */
    static final float DIFF_TIMEOUT_SECONDS = 0.1f;

    private final DiffMatchPatch dmp = new DiffMatchPatch();

    TextDiffs() {
        dmp.diffTimeout = DIFF_TIMEOUT_SECONDS;
    }

    DiffMatchPatch dmp() {
        return dmp;
    }

    /** A diff from {@code a} to {@code b}, cleaned up for efficiency, in which no text splits a surrogate pair. */
    LinkedList<Diff> diff(String a, String b) {
        LinkedList<Diff> diffs = dmp.diffMain(a, b, false);
        if (diffs.size() > 2) {
            dmp.diffCleanupEfficiency(diffs);
        }
        return surrogateSafe(diffs);
    }

    /** The delta from {@code a} to {@code b}. */
    String delta(String a, String b) {
        return dmp.diffToDelta(diff(a, b));
    }

    /**
     * Decodes {@code delta} against {@code source}.
     *
     * @throws SyncRejectedException with {@link RejectReason#DELTA_MISMATCH} if it does not fit {@code source} exactly
     */
    LinkedList<Diff> decode(String source, String delta) {
        try {
            return dmp.diffFromDelta(source, delta);
        } catch (RuntimeException e) {
            throw new SyncRejectedException(RejectReason.DELTA_MISMATCH, String.valueOf(e.getMessage()));
        }
    }

    /** The result of a fuzzy patch: the text, and whether every patch found its place. */
    record Applied(String text, boolean clean) {
    }

    /**
     * Applies the change {@code change} (made on {@code base}) to {@code target}, which may differ from {@code base},
     * with {@code patch_apply}. Patches that cannot be placed are left out. The result is {@link #wellFormed}: a fuzzy
     * match can land between the halves of a surrogate pair, and half a pair can neither be encoded in a delta nor
     * shown. The library's {@code patch_apply} has been seen to throw on some inputs; then each patch is applied on
     * its own and the ones that throw are left out.
     */
    Applied fuzzyApply(String base, LinkedList<Diff> change, String target) {
        LinkedList<Patch> patches = dmp.patchMake(base, change);
        boolean clean = true;
        String text;
        try {
            Object[] result = dmp.patchApply(patches, target);
            text = (String) result[0];
            for (boolean applied : (boolean[]) result[1]) {
                clean &= applied;
            }
        } catch (RuntimeException libraryFault) {
            text = target;
            for (Patch patch : patches) {
                try {
                    Object[] result = dmp.patchApply(new LinkedList<>(List.of(patch)), text);
                    text = (String) result[0];
                    clean &= ((boolean[]) result[1])[0];
                } catch (RuntimeException skipped) {
                    clean = false;
                }
            }
        }
        String wellFormed = wellFormed(text);
        return new Applied(wellFormed, clean && wellFormed.length() == text.length());
    }

    /** {@code text} without unpaired surrogates (a high surrogate not followed by a low one, or a lone low one). */
    static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    String target(List<Diff> diffs) {
        return dmp.diffText2(diffs);
    }

    /**
     * Rewrites {@code diffs} so that every EQUAL ends and starts on a code point boundary: a high surrogate at the end
     * of an EQUAL and a low surrogate at the start of one move into the adjacent change, and each run of changes
     * between two EQUALs becomes one DELETE and one INSERT.
     */
    static LinkedList<Diff> surrogateSafe(List<Diff> diffs) {
        LinkedList<Diff> out = new LinkedList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        int index = 0;
        for (Diff d : diffs) {
            index++;
            if (d.operation == Operation.DELETE) {
                deleted.append(d.text);
                continue;
            }
            if (d.operation == Operation.INSERT) {
                inserted.append(d.text);
                continue;
            }
            String text = d.text;
            boolean changePending = deleted.length() > 0 || inserted.length() > 0;
            if (changePending && !text.isEmpty() && Character.isLowSurrogate(text.charAt(0))) {
                deleted.append(text.charAt(0));
                inserted.append(text.charAt(0));
                text = text.substring(1);
            }
            boolean last = index == diffs.size();
            String carried = "";
            if (!last && !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
                carried = text.substring(text.length() - 1);
                text = text.substring(0, text.length() - 1);
            }
            if (!text.isEmpty()) {
                flush(out, deleted, inserted);
                appendEqual(out, text);
            }
            deleted.append(carried);
            inserted.append(carried);
        }
        flush(out, deleted, inserted);
        return out;
    }

    private static void flush(LinkedList<Diff> out, StringBuilder deleted, StringBuilder inserted) {
        if (deleted.toString().contentEquals(inserted)) {
            if (deleted.length() > 0) {
                appendEqual(out, deleted.toString());
            }
        } else {
            if (deleted.length() > 0) {
                out.add(new Diff(Operation.DELETE, deleted.toString()));
            }
            if (inserted.length() > 0) {
                out.add(new Diff(Operation.INSERT, inserted.toString()));
            }
        }
        deleted.setLength(0);
        inserted.setLength(0);
    }

    private static void appendEqual(LinkedList<Diff> out, String text) {
        if (!out.isEmpty() && out.getLast().operation == Operation.EQUAL) {
            out.getLast().text = out.getLast().text + text;
        } else {
            out.add(new Diff(Operation.EQUAL, text));
        }
    }
}
