package org.draftroom.editing.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Operation;

/**
 * Diffs and deltas as both ends of the protocol compute them. Not thread-safe: each owner keeps its own instance.
 *
 * <p><b>No deadline.</b> diff-match-patch stops a diff at a wall-clock deadline and then returns a coarse one (delete
 * and insert again everything between the common prefix and suffix); on a loaded server that made the result depend
 * on the load, and a coarse server edit carried onto an editor's unsent typing deleted that typing. Here a diff is a
 * function of its texts only, and its cost is bounded by counting work instead: after trimming the common prefix and
 * suffix, the middle is diffed character by character (exact, diff-match-patch without a deadline) when a cheap check
 * shows the texts are at most {@code WORK_BUDGET / length} edits apart; otherwise it is diffed by lines, then each
 * replaced run of lines by words (runs ending in a space or a punctuation mark, Chinese included), and each replaced
 * run of words again character by character under the same rule; only a run that is still too far apart becomes one
 * delete and insert. And a coarse change can no longer delete anything the receiving side typed:
 * {@link #fuzzyApply} keeps text the target has and the base lacks, wherever it lies.
 *
 * <p>diff-match-patch compares UTF-16 code units and may cut a surrogate pair in two (changing one emoji into another
 * shares the high surrogate); {@code diff_toDelta} cannot encode half a pair (Java writes {@code ?}, JavaScript's
 * {@code encodeURI} throws). {@link #diff} therefore moves every split pair wholly into the change next to it.
 */
final class TextDiffs {

    /**
     * Bound on the work of one character-level diff, in steps of the O((N+M)·D) algorithm: texts of N + M units are
     * diffed exactly when they are at most {@code WORK_BUDGET / (N + M)} edits apart (50 for two 200,000-unit texts).
     * The same number is in {@code dr-live-text.js}.
     */
    static final long WORK_BUDGET = 20_000_000;

    private final DiffMatchPatch dmp = new DiffMatchPatch();
    private final boolean coarseEdits;

    TextDiffs() {
        this(false);
    }

    private TextDiffs(boolean coarseEdits) {
        this.coarseEdits = coarseEdits;
        dmp.diffTimeout = 0; // no deadline: the budget check below bounds the work
    }

    /**
     * For tests: every edit's diff ({@link #diff}, {@link #delta}) is the coarsest one, the common prefix and suffix
     * kept and everything between them deleted and inserted again, as a diff whose deadline expired at once.
     */
    static TextDiffs coarseEdits() {
        return new TextDiffs(true);
    }

    DiffMatchPatch dmp() {
        return dmp;
    }

    /** A diff from {@code a} to {@code b}, cleaned up for efficiency, in which no text splits a surrogate pair. */
    LinkedList<Diff> diff(String a, String b) {
        if (coarseEdits) {
            return surrogateSafe(coarsest(a, b));
        }
        LinkedList<Diff> diffs = exact(a, b);
        if (diffs.size() > 2) {
            dmp.diffCleanupEfficiency(diffs);
        }
        return surrogateSafe(diffs);
    }

    /**
     * A diff from {@code a} to {@code b} without any cleanup: exact (minimal) where the texts are few edits apart for
     * their length, by lines and words where they are not (see the class comment). Depends on the texts only.
     */
    LinkedList<Diff> exact(String a, String b) {
        return aroundMiddle(a, b, (x, y) -> middle(x, y, 0));
    }

    /** Common prefix, the middle diffed by {@code how}, common suffix. */
    private LinkedList<Diff> aroundMiddle(String a, String b, BiFunction<String, String, List<Diff>> how) {
        int prefix = dmp.diffCommonPrefix(a, b);
        int suffix = dmp.diffCommonSuffix(a.substring(prefix), b.substring(prefix));
        LinkedList<Diff> out = new LinkedList<>();
        if (prefix > 0) {
            out.add(new Diff(Operation.EQUAL, a.substring(0, prefix)));
        }
        out.addAll(how.apply(a.substring(prefix, a.length() - suffix), b.substring(prefix, b.length() - suffix)));
        if (suffix > 0) {
            out.add(new Diff(Operation.EQUAL, a.substring(a.length() - suffix)));
        }
        return out;
    }

    /** Splits text into lines (level 0) or words (level 1), each token keeping its terminator. */
    private static final int LEVELS = 2;

    /** {@code a} deleted and {@code b} inserted (either may be empty). */
    private static List<Diff> replacement(String a, String b) {
        List<Diff> out = new ArrayList<>(2);
        if (!a.isEmpty()) {
            out.add(new Diff(Operation.DELETE, a));
        }
        if (!b.isEmpty()) {
            out.add(new Diff(Operation.INSERT, b));
        }
        return out;
    }

    private List<Diff> middle(String a, String b, int level) {
        if (a.isEmpty() || b.isEmpty()) {
            return replacement(a, b);
        }
        if (withinBudget(a, b)) {
            return dmp.diffMain(a, b, false);
        }
        for (int l = level; l < LEVELS; l++) {
            List<Diff> byTokens = byTokens(a, b, l);
            if (byTokens != null) {
                return byTokens;
            }
        }
        return replacement(a, b);
    }

    /**
     * Diffs {@code a} and {@code b} as sequences of tokens of the level, then each replaced run of tokens one level
     * down; null if the texts have one token each, too many distinct tokens, or are too many tokens apart.
     */
    private List<Diff> byTokens(String a, String b, int level) {
        Map<String, Character> codes = new HashMap<>();
        List<String> tokens = new ArrayList<>();
        String codedA = encode(a, level, codes, tokens);
        String codedB = encode(b, level, codes, tokens);
        if (codedA == null || codedB == null || codedA.length() == 1 && codedB.length() == 1
                || !withinBudget(codedA, codedB)) {
            return null;
        }
        List<Diff> out = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (Diff d : dmp.diffMain(codedA, codedB, false)) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < d.text.length(); i++) {
                text.append(tokens.get(d.text.charAt(i)));
            }
            switch (d.operation) {
                case DELETE -> deleted.append(text);
                case INSERT -> inserted.append(text);
                case EQUAL -> {
                    out.addAll(middle(deleted.toString(), inserted.toString(), level + 1));
                    deleted.setLength(0);
                    inserted.setLength(0);
                    out.add(new Diff(Operation.EQUAL, text.toString()));
                }
            }
        }
        out.addAll(middle(deleted.toString(), inserted.toString(), level + 1));
        return out;
    }

    /** One character per token of {@code text} (lines or words), or null past 65,000 distinct tokens. */
    private static String encode(String text, int level, Map<String, Character> codes, List<String> tokens) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (endsToken(text, i, level) || i == text.length() - 1) {
                String token = text.substring(start, i + 1);
                Character code = codes.get(token);
                if (code == null) {
                    if (tokens.size() >= 65_000) {
                        return null;
                    }
                    code = (char) tokens.size();
                    codes.put(token, code);
                    tokens.add(token);
                }
                out.append(code.charValue());
                start = i + 1;
            }
        }
        return out.toString();
    }

    private static boolean endsToken(String text, int i, int level) {
        char c = text.charAt(i);
        if (level == 0) {
            return c == '\n';
        }
        if (Character.isHighSurrogate(c)) {
            return false;
        }
        return Character.isWhitespace(c) || TOKEN_ENDS.indexOf(c) >= 0;
    }

    /** Punctuation that ends a word token (Latin and Chinese). */
    static final String TOKEN_ENDS = ".,;:!?()[]{}<>\"'/-。，、；：！？（）《》「」『』“”‘’…";

    /**
     * Whether {@code a} and {@code b} are at most {@code WORK_BUDGET / (|a| + |b|)} edits apart, by the forward pass of
     * Myers' O((N+M)·D) algorithm stopped at that D: the exact diff of such texts costs about as much as this check.
     */
    static boolean withinBudget(String a, String b) {
        int n = a.length();
        int m = b.length();
        long maxD = Math.min(n + m, WORK_BUDGET / (n + m));
        if (maxD >= n + m) {
            return true;
        }
        int max = (int) maxD;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        for (int d = 0; d <= max; d++) {
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1]
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.charAt(x) == b.charAt(y)) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Common prefix, one DELETE and one INSERT of what lies between, common suffix. */
    LinkedList<Diff> coarsest(String a, String b) {
        return aroundMiddle(a, b, TextDiffs::replacement);
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
     * of an insertion, the insertion goes before it (what the typist saw there); a deletion never deletes text the
     * other side inserted: what they inserted at its edges stays where it is, what they inserted inside the deleted
     * range stays after the change's own insertion there (so a coarse change, "delete all this, insert it again
     * changed", keeps the other side's unsent typing). A part inside a range the other side deleted lands where that
     * range was. The result is {@link #wellFormed}.
     */
    Applied fuzzyApply(String base, LinkedList<Diff> change, String target) {
        LinkedList<Diff> moved = exact(base, target);
        record Op(int start, int end, String insert) {
        }
        List<Op> ops = new ArrayList<>();
        int at = 0;
        for (Diff d : refined(change)) {
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
            out.replace(start, Math.max(start, end), op.insert() + inserted(moved, start, end));
        }
        String text = out.toString();
        String wellFormed = wellFormed(text);
        return new Applied(wellFormed, wellFormed.length() == text.length());
    }

    /**
     * {@code change} with each run of deletions and insertions between two equalities that both deletes and inserts
     * rediffed by {@link #exact}: a coarse change ("delete this sentence, insert it again with one word more") becomes
     * the edit it stands for, so that it lands around the other side's typing instead of over it.
     */
    private List<Diff> refined(List<Diff> change) {
        List<Diff> out = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (Diff d : change) {
            if (d.operation == Operation.EQUAL) {
                out.addAll(exactReplacement(deleted.toString(), inserted.toString()));
                deleted.setLength(0);
                inserted.setLength(0);
                out.add(d);
            } else {
                (d.operation == Operation.DELETE ? deleted : inserted).append(d.text);
            }
        }
        out.addAll(exactReplacement(deleted.toString(), inserted.toString()));
        return out;
    }

    private List<Diff> exactReplacement(String deleted, String inserted) {
        return deleted.isEmpty() || inserted.isEmpty() ? middle(deleted, inserted, LEVELS) : exact(deleted, inserted);
    }

    /** The text {@code diffs} inserts between {@code from} and {@code to} of its second text. */
    static String inserted(List<Diff> diffs, int from, int to) {
        StringBuilder out = new StringBuilder();
        int c2 = 0;
        for (Diff d : diffs) {
            if (c2 >= to) {
                break;
            }
            if (d.operation == Operation.DELETE) {
                continue;
            }
            int end = c2 + d.text.length();
            if (d.operation == Operation.INSERT && end > from) {
                out.append(d.text, Math.max(from, c2) - c2, Math.min(to, end) - c2);
            }
            c2 = end;
        }
        return out.toString();
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
