package org.draftroom.drafts.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Operation;

/**
 * A clause-aware comparison of two versions of a draft. Clauses are matched by their stable id, so a clause that moved
 * from 7.4 to 8.1 is one {@link ClauseChange.Status#MOVED} entry with both numbers, not a deletion and an addition.
 * Clauses without id, and the second and later clauses sharing an id, cannot be matched and show as added or deleted.
 *
 * <p>Entries come in the order of the new version; a deleted clause follows the entry of the nearest clause before it
 * in the old version that still exists (or comes first).
 *
 * <h2>Character diff</h2>
 * Text is compared with diff-match-patch {@code diffMain} (character level, no line mode) and
 * {@code diffCleanupSemantic}, then one custom pass that widens changes to whole words of alphabetic scripts: "sh[all]
 * [ould]" becomes "[shall][should]". Chinese has no spaces, so for Han text a "word" cannot be found without a
 * dictionary. We compared, on clause texts from GB/T 35273, plain {@code diffCleanupSemantic} with a custom cleanup that
 * also folded equalities of one or two Han characters lying between changes into the change: the folding hid unchanged
 * characters ("不[应以欺诈][得以欺骗]" instead of "不[应][得]以欺[诈][骗]") and read worse, while the semantic cleanup
 * alone already groups multi-character rewrites ("[按照][根据]") and reads like the character-level track changes
 * Chinese editors know from word processors. So Han text keeps the semantic cleanup's result as it is.
 *
 * <p>Immutable and thread-safe. Diffs are bounded by diff-match-patch's default one-second timeout per text, after
 * which a coarser (still correct) diff is returned.
 */
public final class Redline {

    private final List<DiffSegment> preambleDiff;
    private final List<ClauseChange> changes;

    private Redline(List<DiffSegment> preambleDiff, List<ClauseChange> changes) {
        this.preambleDiff = List.copyOf(preambleDiff);
        this.changes = List.copyOf(changes);
    }

    /** Compares an old and a new version of a draft, cross-references read with Chinese labels ("附录B"). */
    public static Redline compare(DraftDocument oldDocument, DraftDocument newDocument) {
        return compare(oldDocument, newDocument, Language.ZH);
    }

    /**
     * Compares an old and a new version of a draft. Titles are compared as written; bodies as a reader reads them
     * ({@link DraftText}): list items on lines of their own with computed markers, markup dropped, and each
     * cross-reference as its target's number in its own version (with {@code language}'s labels for annexes).
     */
    public static Redline compare(DraftDocument oldDocument, DraftDocument newDocument, Language language) {
        List<String> oldBodies = DraftText.bodies(oldDocument, language);
        List<String> newBodies = DraftText.bodies(newDocument, language);
        NumberedOutline oldOutline = NumberedOutline.of(oldDocument);
        NumberedOutline newOutline = NumberedOutline.of(newDocument);
        Map<String, Integer> oldIndex = firstIndexById(oldDocument);
        Map<String, Integer> newIndex = firstIndexById(newDocument);
        List<NumberedClause> oldClauses = oldOutline.clauses();
        List<NumberedClause> newClauses = newOutline.clauses();

        Map<Integer, List<ClauseChange>> deletedAfter = new HashMap<>();
        int lastSurvivor = -1;
        for (NumberedClause old : oldClauses) {
            if (matched(old, oldIndex, newIndex)) {
                lastSurvivor = old.index();
            } else {
                deletedAfter.computeIfAbsent(lastSurvivor, k -> new ArrayList<>()).add(new ClauseChange(old.id(),
                        ClauseChange.Status.DELETED, old, null, false, List.of(),
                        whole(DiffSegment.Op.DELETE, oldBodies.get(old.index()))));
            }
        }

        Set<String> reordered = reorderedAmongSiblings(oldClauses, newClauses, oldIndex, newIndex);
        List<ClauseChange> changes = new ArrayList<>(deletedAfter.getOrDefault(-1, List.of()));
        for (NumberedClause now : newClauses) {
            if (!matched(now, newIndex, oldIndex)) {
                changes.add(new ClauseChange(now.id(), ClauseChange.Status.ADDED, null, now, false, List.of(),
                        whole(DiffSegment.Op.INSERT, newBodies.get(now.index()))));
                continue;
            }
            NumberedClause then = oldClauses.get(oldIndex.get(now.id()));
            boolean parentChanged = !parentId(oldClauses, then).equals(parentId(newClauses, now));
            List<DiffSegment> titleDiff = diff(then.clause().title(), now.clause().title());
            List<DiffSegment> bodyDiff = diff(oldBodies.get(then.index()), newBodies.get(now.index()));
            ClauseChange.Status status;
            if (parentChanged || reordered.contains(now.id())) {
                status = ClauseChange.Status.MOVED;
            } else if (!then.clause().equals(now.clause())) {
                status = ClauseChange.Status.MODIFIED;
            } else if (!then.number().equals(now.number())) {
                status = ClauseChange.Status.RENUMBERED;
            } else {
                status = ClauseChange.Status.UNCHANGED;
            }
            ClauseChange change = new ClauseChange(now.id(), status, then, now, parentChanged, titleDiff, bodyDiff);
            if (status == ClauseChange.Status.UNCHANGED && change.headingChanged()) {
                change = new ClauseChange(now.id(), ClauseChange.Status.MODIFIED, then, now, false, titleDiff,
                        bodyDiff);
            }
            changes.add(change);
            changes.addAll(deletedAfter.getOrDefault(then.index(), List.of()));
        }
        return new Redline(diff(oldBodies.get(oldBodies.size() - 1), newBodies.get(newBodies.size() - 1)), changes);
    }

    /**
     * The clauses that changed places with their siblings: among the clauses that keep their parent, those outside
     * the longest common subsequence of the old and the new order (so one clause moved up shows as one move, not as
     * every sibling it passed).
     */
    private static Set<String> reorderedAmongSiblings(List<NumberedClause> oldClauses, List<NumberedClause> newClauses,
                                                      Map<String, Integer> oldIndex, Map<String, Integer> newIndex) {
        Map<String, List<String>> oldOrder = new HashMap<>();
        Map<String, List<String>> newOrder = new HashMap<>();
        for (NumberedClause now : newClauses) {
            if (matched(now, newIndex, oldIndex)) {
                NumberedClause then = oldClauses.get(oldIndex.get(now.id()));
                String parent = parentId(newClauses, now);
                if (parent.equals(parentId(oldClauses, then))) {
                    newOrder.computeIfAbsent(parent, k -> new ArrayList<>()).add(now.id());
                }
            }
        }
        for (NumberedClause then : oldClauses) {
            String parent = parentId(oldClauses, then);
            List<String> kept = newOrder.get(parent);
            if (kept != null && kept.contains(then.id())) {
                oldOrder.computeIfAbsent(parent, k -> new ArrayList<>()).add(then.id());
            }
        }
        Set<String> reordered = new HashSet<>();
        for (Map.Entry<String, List<String>> entry : newOrder.entrySet()) {
            List<String> before = oldOrder.getOrDefault(entry.getKey(), List.of());
            List<String> after = entry.getValue();
            Set<String> stable = longestCommonSubsequence(before, after);
            after.stream().filter(id -> !stable.contains(id)).forEach(reordered::add);
        }
        return reordered;
    }

    private static Set<String> longestCommonSubsequence(List<String> a, List<String> b) {
        int[][] length = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                length[i][j] = a.get(i).equals(b.get(j)) ? length[i + 1][j + 1] + 1
                        : Math.max(length[i + 1][j], length[i][j + 1]);
            }
        }
        Set<String> common = new HashSet<>();
        for (int i = 0, j = 0; i < a.size() && j < b.size(); ) {
            if (a.get(i).equals(b.get(j))) {
                common.add(a.get(i));
                i++;
                j++;
            } else if (length[i + 1][j] >= length[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }

    /** Every clause of both versions, in the order described above. */
    public List<ClauseChange> changes() {
        return changes;
    }

    /** The entry for a clause id, if either version has it. */
    public Optional<ClauseChange> change(String id) {
        return changes.stream().filter(c -> c.id().equals(id) && !id.isEmpty()).findFirst();
    }

    /** The character diff of the text before the first heading. */
    public List<DiffSegment> preambleDiff() {
        return preambleDiff;
    }

    /** Whether anything at all differs between the versions. */
    public boolean hasChanges() {
        return preambleDiff.stream().anyMatch(d -> d.op() != DiffSegment.Op.EQUAL)
                || changes.stream().anyMatch(c -> c.status() != ClauseChange.Status.UNCHANGED);
    }

    /**
     * The character diff of two texts: diff-match-patch {@code diffMain} and {@code diffCleanupSemantic}, then changes
     * widened to whole words of alphabetic scripts (see the class comment for why Han text is left as it is).
     * {@code EQUAL} and {@code DELETE} runs concatenate to {@code before}, {@code EQUAL} and {@code INSERT} runs to
     * {@code after}.
     */
    public static List<DiffSegment> diff(String before, String after) {
        if (before.equals(after)) {
            return before.isEmpty() ? List.of() : List.of(new DiffSegment(DiffSegment.Op.EQUAL, before));
        }
        DiffMatchPatch dmp = new DiffMatchPatch();
        LinkedList<Diff> diffs = dmp.diffMain(before, after, false);
        dmp.diffCleanupSemantic(diffs);
        snapToWords(diffs);
        List<DiffSegment> segments = new ArrayList<>(diffs.size());
        for (Diff d : diffs) {
            segments.add(new DiffSegment(switch (d.operation) {
                case EQUAL -> DiffSegment.Op.EQUAL;
                case INSERT -> DiffSegment.Op.INSERT;
                case DELETE -> DiffSegment.Op.DELETE;
            }, d.text));
        }
        return segments;
    }

    /**
     * Widens each run of changes so that it does not start or end inside a word of an alphabetic script (Latin,
     * Cyrillic, digits ...). Han, kana and Hangul are not treated as word characters.
     */
    static void snapToWords(LinkedList<Diff> diffs) {
        List<Diff> out = new ArrayList<>();
        int i = 0;
        while (i < diffs.size()) {
            if (diffs.get(i).operation == Operation.EQUAL) {
                out.add(diffs.get(i++));
                continue;
            }
            StringBuilder deleted = new StringBuilder();
            StringBuilder inserted = new StringBuilder();
            while (i < diffs.size() && diffs.get(i).operation != Operation.EQUAL) {
                (diffs.get(i).operation == Operation.DELETE ? deleted : inserted).append(diffs.get(i).text);
                i++;
            }
            Diff previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && endsWithWordChar(previous.text) && (startsWithWordChar(deleted)
                    || startsWithWordChar(inserted))) {
                int cut = previous.text.length();
                while (cut > 0 && isWordChar(previous.text.charAt(cut - 1))) {
                    cut--;
                }
                String moved = previous.text.substring(cut);
                deleted.insert(0, moved);
                inserted.insert(0, moved);
                previous.text = previous.text.substring(0, cut);
            }
            Diff next = i < diffs.size() ? diffs.get(i) : null;
            if (next != null && startsWithWordChar(next.text) && (endsWithWordChar(deleted)
                    || endsWithWordChar(inserted))) {
                int cut = 0;
                while (cut < next.text.length() && isWordChar(next.text.charAt(cut))) {
                    cut++;
                }
                String moved = next.text.substring(0, cut);
                deleted.append(moved);
                inserted.append(moved);
                next.text = next.text.substring(cut);
            }
            if (!deleted.isEmpty()) {
                out.add(new Diff(Operation.DELETE, deleted.toString()));
            }
            if (!inserted.isEmpty()) {
                out.add(new Diff(Operation.INSERT, inserted.toString()));
            }
        }
        diffs.clear();
        diffs.addAll(merge(out));
    }

    /**
     * Joins adjacent runs: consecutive equalities into one, consecutive changes into one deletion and one insertion.
     * Unlike {@code diffCleanupMerge} it does not factor common prefixes out of changes, which would undo
     * {@link #snapToWords}.
     */
    private static List<Diff> merge(List<Diff> diffs) {
        List<Diff> merged = new ArrayList<>();
        StringBuilder equal = new StringBuilder();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (Diff d : diffs) {
            if (d.text.isEmpty()) {
                continue;
            }
            if (d.operation == Operation.EQUAL) {
                flushChange(merged, deleted, inserted);
                equal.append(d.text);
            } else {
                if (!equal.isEmpty()) {
                    merged.add(new Diff(Operation.EQUAL, equal.toString()));
                    equal.setLength(0);
                }
                (d.operation == Operation.DELETE ? deleted : inserted).append(d.text);
            }
        }
        flushChange(merged, deleted, inserted);
        if (!equal.isEmpty()) {
            merged.add(new Diff(Operation.EQUAL, equal.toString()));
        }
        return merged;
    }

    private static void flushChange(List<Diff> merged, StringBuilder deleted, StringBuilder inserted) {
        if (!deleted.isEmpty()) {
            merged.add(new Diff(Operation.DELETE, deleted.toString()));
            deleted.setLength(0);
        }
        if (!inserted.isEmpty()) {
            merged.add(new Diff(Operation.INSERT, inserted.toString()));
            inserted.setLength(0);
        }
    }

    private static boolean isWordChar(char c) {
        if (!Character.isLetterOrDigit(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL;
    }

    private static boolean startsWithWordChar(CharSequence s) {
        return s.length() > 0 && isWordChar(s.charAt(0));
    }

    private static boolean endsWithWordChar(CharSequence s) {
        return s.length() > 0 && isWordChar(s.charAt(s.length() - 1));
    }

    private static List<DiffSegment> whole(DiffSegment.Op op, String text) {
        return text.isEmpty() ? List.of() : List.of(new DiffSegment(op, text));
    }

    private static boolean matched(NumberedClause clause, Map<String, Integer> own, Map<String, Integer> other) {
        return !clause.id().isEmpty() && Objects.equals(own.get(clause.id()), clause.index())
                && other.containsKey(clause.id());
    }

    private static Map<String, Integer> firstIndexById(DraftDocument document) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < document.clauses().size(); i++) {
            String id = document.clauses().get(i).id();
            if (!id.isEmpty()) {
                index.putIfAbsent(id, i);
            }
        }
        return index;
    }

    private static String parentId(List<NumberedClause> clauses, NumberedClause clause) {
        return clause.parentIndex() < 0 ? "" : clauses.get(clause.parentIndex()).id();
    }
}
