package org.draftroom.editing.sync;

import java.util.LinkedList;
import java.util.List;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Operation;

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
     * Applies the change {@code change} (made on {@code base}) to {@code target}, which may differ from {@code base}
     * by others' edits. Each part of the change is moved by offset through the exact diff from {@code base} to
     * {@code target}, not placed by searching for its context ({@code patch_apply}): a context search lands in the
     * wrong place when someone else has just typed inside the few characters of context (two people typing on
     * neighbouring lines), and the move by offset never does. Where the other side inserted text exactly at the place
     * of an insertion, the insertion goes before it (what the typist saw there); a deletion keeps text others inserted
     * at its edges. A part inside a range the other side deleted lands where that range was. The result is
     * {@link #wellFormed}.
     */
    Applied fuzzyApply(String base, LinkedList<Diff> change, String target) {
        LinkedList<Diff> moved = dmp.diffMain(base, target, false);
        record Op(int start, int end, String insert) {
        }
        List<Op> ops = new java.util.ArrayList<>();
        int at = 0;
        for (Diff d : change) {
            int length = d.text.length();
            switch (d.operation) {
                case EQUAL -> at += length;
                case DELETE -> {
                    Op last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
                    if (last != null && last.end() == at && last.insert().isEmpty()) {
                        ops.set(ops.size() - 1, new Op(last.start(), at + length, ""));
                    } else {
                        ops.add(new Op(at, at + length, ""));
                    }
                    at += length;
                }
                case INSERT -> {
                    Op last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
                    if (last != null && last.end() == at) {
                        ops.set(ops.size() - 1, new Op(last.start(), last.end(), last.insert() + d.text));
                    } else {
                        ops.add(new Op(at, at, d.text));
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(target);
        for (int k = ops.size() - 1; k >= 0; k--) {
            Op op = ops.get(k);
            int start = op.end() > op.start() ? after(moved, op.start()) : before(moved, op.start());
            int end = op.end() > op.start() ? before(moved, op.end()) : start;
            out.replace(start, Math.max(start, end), op.insert());
        }
        String text = out.toString();
        String wellFormed = wellFormed(text);
        return new Applied(wellFormed, wellFormed.length() == text.length());
    }

    /** Where {@code loc} of the diff's first text is in its second text, before any text inserted at that place. */
    static int before(List<Diff> diffs, int loc) {
        int c1 = 0;
        int c2 = 0;
        for (Diff d : diffs) {
            int length = d.text.length();
            switch (d.operation) {
                case INSERT -> {
                    if (c1 == loc) {
                        return c2;
                    }
                    c2 += length;
                }
                case EQUAL -> {
                    if (loc <= c1 + length) {
                        return c2 + (loc - c1);
                    }
                    c1 += length;
                    c2 += length;
                }
                case DELETE -> {
                    if (loc < c1 + length) {
                        return c2;
                    }
                    c1 += length;
                }
            }
        }
        return c2;
    }

    /** Where {@code loc} of the diff's first text is in its second text, after any text inserted at that place. */
    static int after(List<Diff> diffs, int loc) {
        int c1 = 0;
        int c2 = 0;
        for (Diff d : diffs) {
            int length = d.text.length();
            switch (d.operation) {
                case INSERT -> c2 += length;
                case EQUAL -> {
                    if (loc < c1 + length) {
                        return c2 + (loc - c1);
                    }
                    c1 += length;
                    c2 += length;
                }
                case DELETE -> {
                    if (loc < c1 + length) {
                        return c2;
                    }
                    c1 += length;
                }
            }
        }
        return c2;
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
