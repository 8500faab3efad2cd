package org.draftroom.comments.anchoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;
import org.draftroom.comments.anchoring.Placement.Span;
import org.draftroom.comments.anchoring.Placement.Status;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;

/**
 * Carries comments from one version of a draft to the next. Clauses are matched by their stable id, so a clause that
 * moved, changed level or was renumbered keeps its comments; inside a clause, offsets are carried through the
 * character diff of the old and the new body (diff-match-patch {@code diff_main} with semantic clean-up, then
 * {@code diff_xIndex}).
 *
 * <p>For a comment that was anchored in the old version:
 * <ol>
 * <li>clause gone from the new version: {@link Status#ORPHANED}, moved to document level;</li>
 * <li>body unchanged: {@link Status#ANCHORED} at the same offsets, with the clause's new number;</li>
 * <li>the quote's offsets carried through the diff, and the new body holds exactly the quote there:
 * {@link Status#ANCHORED} at the new offsets;</li>
 * <li>otherwise, if the quote occurs elsewhere in the new body and one occurrence agrees best with the recorded
 * context (by at least {@value #MIN_CONTEXT_MATCH} units, or the whole context when it is shorter, counted outwards
 * from the quote on both sides), the words were moved within the clause, not rewritten: {@link Status#ANCHORED}
 * there;</li>
 * <li>otherwise the quoted words were rewritten: {@link Status#OUTDATED}, keeping the original quote, with the
 * nearest exact occurrence of the quote or else the best fuzzy match (diff-match-patch {@code match_main}) as a
 * {@link Placement#candidate()}.</li>
 * </ol>
 * Every anchored result is checked against the new body before it is returned: a comment never highlights words
 * other than its quote. An outdated comment stays outdated and an orphaned or document-level one stays at document
 * level in every later version; a whole-clause comment stays anchored as long as its clause exists.
 *
 * <p>An instance made by {@link #between} serves one pair of versions and diffs each changed clause at most once, so
 * placing many comments costs one diff per changed clause plus, per comment, a walk over that clause's diff. It is
 * not thread-safe; the static methods are (they use their own instance). The diff of a clause gives up after
 * diff-match-patch's default one second and falls back to a coarser, still valid diff: comments in a huge rewritten
 * clause may then be outdated, never misplaced.
 */
public final class Reanchoring {

    /** Bitap matching works on patterns of at most this many characters (the width of an {@code int}). */
    private static final int MATCH_MAX_BITS = 32;

    /** How many units of context must agree before a quote found elsewhere in its clause counts as moved. */
    static final int MIN_CONTEXT_MATCH = 8;

    private final DraftDocument newDocument;
    private final Map<String, Clause> oldClauses;
    private final Map<String, Clause> newClauses;
    private final Map<String, ClauseChange> changes = new HashMap<>();
    private final DiffMatchPatch dmp = new DiffMatchPatch();
    private Map<String, String> newNumbers;

    private Reanchoring(DraftDocument oldDocument, DraftDocument newDocument) {
        this.newDocument = Objects.requireNonNull(newDocument, "newDocument");
        this.oldClauses = byId(Objects.requireNonNull(oldDocument, "oldDocument"));
        this.newClauses = byId(newDocument);
    }

    /** A step from {@code oldDocument} to {@code newDocument}, for placing many comments. Not thread-safe. */
    public static Reanchoring between(DraftDocument oldDocument, DraftDocument newDocument) {
        return new Reanchoring(oldDocument, newDocument);
    }

    /**
     * Where a comment made on {@code oldDocument} stands in {@code newDocument}.
     *
     * @throws IllegalArgumentException if the anchor does not fit {@code oldDocument} (its clause is missing or its
     *                                  quote is not at its offsets): the caller passed the wrong old version
     */
    public static Placement reanchor(Anchor anchor, DraftDocument oldDocument, DraftDocument newDocument) {
        return between(oldDocument, newDocument).place(anchor);
    }

    /**
     * Where a comment placed in {@code oldDocument} stands in {@code newDocument}: the next link of a chain of versions.
     *
     * @throws IllegalArgumentException if the placement does not fit {@code oldDocument}
     */
    public static Placement carryForward(Placement previous, DraftDocument oldDocument, DraftDocument newDocument) {
        return between(oldDocument, newDocument).place(previous);
    }

    /**
     * Places many comments made on {@code oldDocument} in {@code newDocument}, diffing each changed clause once.
     *
     * @return the placements, in the order of {@code anchors}
     * @throws IllegalArgumentException if an anchor does not fit {@code oldDocument}
     */
    public static List<Placement> reanchorAll(List<Anchor> anchors, DraftDocument oldDocument,
            DraftDocument newDocument) {
        Reanchoring step = between(oldDocument, newDocument);
        List<Placement> placements = new ArrayList<>(anchors.size());
        anchors.forEach(a -> placements.add(step.place(a)));
        return placements;
    }

    /**
     * Carries many placements in {@code oldDocument} forward to {@code newDocument}, diffing each changed clause once.
     *
     * @return the new placements, in the order of {@code previous}
     * @throws IllegalArgumentException if a placement does not fit {@code oldDocument}
     */
    public static List<Placement> carryForwardAll(List<Placement> previous, DraftDocument oldDocument,
            DraftDocument newDocument) {
        Reanchoring step = between(oldDocument, newDocument);
        List<Placement> placements = new ArrayList<>(previous.size());
        previous.forEach(p -> placements.add(step.place(p)));
        return placements;
    }

    /**
     * Carries a comment through a chain of versions, one step at a time, so that each diff is between neighbours.
     *
     * @param versions the version the anchor was made on, then each later version in order
     * @return the placement in the last version
     * @throws IllegalArgumentException if {@code versions} is empty or the anchor does not fit its first element
     */
    public static Placement reanchorThrough(Anchor anchor, List<DraftDocument> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no versions");
        }
        Placement placement = placeIn(anchor, versions.get(0));
        for (int i = 1; i < versions.size(); i++) {
            placement = carryForward(placement, versions.get(i - 1), versions.get(i));
        }
        return placement;
    }

    /** Where a fresh anchor stands in the version it was made on; checks that it fits that version. */
    private static Placement placeIn(Anchor anchor, DraftDocument document) {
        return between(document, document).place(anchor);
    }

    /** Where a comment made on the old version of this step stands in the new one. */
    public Placement place(Anchor anchor) {
        return place(Placement.initial(anchor));
    }

    /** Where a comment placed in the old version of this step stands in the new one. */
    public Placement place(Placement previous) {
        Anchor anchor = previous.anchor();
        if (previous.isGeneral()) {
            return previous;
        }
        String id = anchor.clauseId();
        Clause before = oldClauses.get(id);
        if (before == null) {
            throw new IllegalArgumentException("clause " + id + " is not in the old version");
        }
        Clause now = newClauses.get(id);
        if (now == null) {
            return Placement.orphaned(anchor);
        }
        String number = number(id);
        if (!anchor.hasQuote()) {
            return Placement.anchored(anchor, number, new Span(0, 0));
        }
        ClauseChange change = change(id, before.body(), now.body());
        if (previous.status() == Status.OUTDATED) {
            if (change.unchanged()) {
                return Placement.outdated(anchor, number, previous.candidate());
            }
            int near = previous.candidate().map(s -> dmp.diffXIndex(change.diffs(), s.start())).orElse(0);
            return Placement.outdated(anchor, number, candidate(now.body(), anchor.quote(), near));
        }
        Span span = previous.highlight().orElseThrow();
        if (!anchor.isAt(before.body(), span.start())) {
            throw new IllegalArgumentException("the quote of " + anchor + " is not at " + span + " in the old version");
        }
        if (change.unchanged()) {
            return Placement.anchored(anchor, number, span);
        }
        String body = now.body();
        int start = dmp.diffXIndex(change.diffs(), span.start());
        int end = dmp.diffXIndex(change.diffs(), span.end() - 1) + 1;
        if (end - start == anchor.quote().length() && anchor.isAt(body, start)) {
            return Placement.anchored(anchor, number, new Span(start, end));
        }
        int moved = movedInContext(body, anchor);
        if (moved >= 0 && anchor.isAt(body, moved)) {
            return Placement.anchored(anchor, number, new Span(moved, moved + anchor.quote().length()));
        }
        return Placement.outdated(anchor, number, candidate(body, anchor.quote(), start));
    }

    private ClauseChange change(String id, String oldBody, String newBody) {
        return changes.computeIfAbsent(id, k -> {
            if (oldBody.equals(newBody)) {
                return ClauseChange.UNCHANGED;
            }
            LinkedList<Diff> diffs = dmp.diffMain(oldBody, newBody, true);
            dmp.diffCleanupSemantic(diffs);
            return new ClauseChange(diffs);
        });
    }

    private String number(String id) {
        if (newNumbers == null) {
            newNumbers = new HashMap<>();
            for (NumberedClause c : NumberedOutline.of(newDocument).clauses()) {
                newNumbers.putIfAbsent(c.id(), c.number());
            }
        }
        return newNumbers.getOrDefault(id, "");
    }

    /**
     * Where the quote starts if one of its occurrences agrees with the recorded context better than every other, and
     * by at least {@link #MIN_CONTEXT_MATCH} units (or the whole context, if shorter); else -1.
     */
    private static int movedInContext(String body, Anchor anchor) {
        String quote = anchor.quote();
        int required = Math.min(MIN_CONTEXT_MATCH, anchor.prefix().length() + anchor.suffix().length());
        int best = -1;
        int bestScore = -1;
        boolean tie = false;
        for (int i = body.indexOf(quote); i >= 0; i = body.indexOf(quote, i + 1)) {
            int score = agreeingBefore(anchor.prefix(), body, i) + agreeingAfter(anchor.suffix(), body,
                    i + quote.length());
            if (score > bestScore) {
                best = i;
                bestScore = score;
                tie = false;
            } else if (score == bestScore) {
                tie = true;
            }
        }
        return best >= 0 && !tie && bestScore >= required ? best : -1;
    }

    /** How many units at the end of {@code prefix} equal those just before {@code at} in the body. */
    private static int agreeingBefore(String prefix, String body, int at) {
        int n = 0;
        while (n < prefix.length() && n < at && prefix.charAt(prefix.length() - 1 - n) == body.charAt(at - 1 - n)) {
            n++;
        }
        return n;
    }

    /** How many units at the start of {@code suffix} equal those from {@code at} in the body. */
    private static int agreeingAfter(String suffix, String body, int at) {
        int n = 0;
        while (n < suffix.length() && at + n < body.length() && suffix.charAt(n) == body.charAt(at + n)) {
            n++;
        }
        return n;
    }

    /**
     * The occurrence of the quote nearest to {@code near}, or else the best fuzzy match of its beginning, as a span of
     * the quote's length (cut at the end of the body); empty if nothing resembles it.
     */
    private Optional<Span> candidate(String body, String quote, int near) {
        if (body.isEmpty()) {
            return Optional.empty();
        }
        int loc = Math.max(0, Math.min(near, body.length()));
        int best = -1;
        for (int i = body.indexOf(quote); i >= 0; i = body.indexOf(quote, i + 1)) {
            if (best < 0 || Math.abs(i - loc) < Math.abs(best - loc)) {
                best = i;
            }
        }
        if (best >= 0) {
            return Optional.of(new Span(best, best + quote.length()));
        }
        int patternLength = Math.min(quote.length(), MATCH_MAX_BITS);
        if (Anchor.splitsPair(quote, patternLength)) {
            patternLength--;
        }
        int at = dmp.matchMain(body, quote.substring(0, patternLength), loc);
        if (at < 0) {
            return Optional.empty();
        }
        if (Anchor.splitsPair(body, at)) {
            at++;
        }
        int end = Math.min(body.length(), at + quote.length());
        if (Anchor.splitsPair(body, end)) {
            end++;
        }
        return at < end ? Optional.of(new Span(at, end)) : Optional.empty();
    }

    private static Map<String, Clause> byId(DraftDocument document) {
        Map<String, Clause> map = new HashMap<>();
        for (Clause c : document.clauses()) {
            if (!c.id().isEmpty()) {
                map.putIfAbsent(c.id(), c);
            }
        }
        return map;
    }

    /** How one clause's body changed between the two versions: not at all, or by these diffs. */
    private record ClauseChange(List<Diff> diffs) {

        static final ClauseChange UNCHANGED = new ClauseChange(List.of());

        boolean unchanged() {
            return this == UNCHANGED;
        }
    }
}
