package org.draftroom.comments.anchoring;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a comment stands in one version of the draft.
 *
 * <p>The invariant every placement keeps: when it is {@link Status#ANCHORED}, the body of the clause
 * {@link #clauseId()} in that version holds exactly {@link Anchor#quote()} at {@link #highlight()}. A comment whose
 * words cannot be shown exactly is {@link Status#OUTDATED} and shows its original quote instead; a
 * {@link #candidate()} is at most a hint of where similar words now stand, never a highlight of the quote.
 *
 * @param anchor       the comment's anchor as it was made
 * @param status       how the comment relates to this version
 * @param clauseId     the clause the comment is on in this version: the anchor's clause, or {@link Anchor#GENERAL}
 *                     for a document-level or orphaned comment
 * @param clauseNumber the clause's number in this version ("6.1"), empty when it has none or the comment is at
 *                     document level
 * @param highlight    for an anchored comment, where its quote stands in the clause body of this version; empty
 *                     otherwise
 * @param candidate    for an outdated comment, the best fuzzy location of text resembling the quote in the clause body
 *                     of this version, if any; empty otherwise
 */
public record Placement(Anchor anchor, Status status, String clauseId, String clauseNumber, Optional<Span> highlight,
        Optional<Span> candidate) {

    /** How a comment relates to a version of the draft. */
    public enum Status {
        /** The quote stands, word for word, at {@link #highlight()} (for a comment without quote: its clause exists). */
        ANCHORED,
        /** The quoted words were rewritten: the comment keeps its original quote and highlights nothing. */
        OUTDATED,
        /** The clause was deleted: the comment now applies to the whole document. */
        ORPHANED
    }

    /**
     * A run of a clause body, in UTF-16 units.
     *
     * @param start offset of the first unit
     * @param end   offset just past the last unit
     */
    public record Span(int start, int end) {

        /** @throws IllegalArgumentException if {@code 0 <= start <= end} does not hold */
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span " + start + ".." + end);
            }
        }

        /** The number of UTF-16 units covered. */
        public int length() {
            return end - start;
        }
    }

    /**
     * Checks that the parts agree: an anchored placement has a highlight of the quote's length and no candidate; an
     * outdated one has no highlight; an orphaned one is at document level with neither.
     *
     * @throws IllegalArgumentException when they do not
     */
    public Placement {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(clauseId, "clauseId");
        Objects.requireNonNull(clauseNumber, "clauseNumber");
        Objects.requireNonNull(highlight, "highlight");
        Objects.requireNonNull(candidate, "candidate");
        boolean consistent = switch (status) {
            case ANCHORED -> highlight.isPresent() && highlight.get().length() == anchor.quote().length()
                    && candidate.isEmpty() && clauseId.equals(anchor.clauseId());
            case OUTDATED -> highlight.isEmpty() && anchor.hasQuote() && clauseId.equals(anchor.clauseId());
            case ORPHANED -> highlight.isEmpty() && candidate.isEmpty() && clauseId.equals(Anchor.GENERAL)
                    && clauseNumber.isEmpty() && !anchor.isGeneral();
        };
        if (!consistent) {
            throw new IllegalArgumentException("inconsistent placement " + status + " of " + anchor);
        }
    }

    /** The placement of a fresh anchor in the version it was made on: anchored at its own offsets. */
    public static Placement initial(Anchor anchor) {
        return anchored(anchor, anchor.clauseNumber(), new Span(anchor.start(), anchor.end()));
    }

    static Placement anchored(Anchor anchor, String number, Span span) {
        return new Placement(anchor, Status.ANCHORED, anchor.clauseId(), number, Optional.of(span), Optional.empty());
    }

    static Placement outdated(Anchor anchor, String number, Optional<Span> candidate) {
        return new Placement(anchor, Status.OUTDATED, anchor.clauseId(), number, Optional.empty(), candidate);
    }

    static Placement orphaned(Anchor anchor) {
        return new Placement(anchor, Status.ORPHANED, Anchor.GENERAL, "", Optional.empty(), Optional.empty());
    }

    /** Whether the comment is shown at document level ("General"): made there, or moved there by deletion. */
    public boolean isGeneral() {
        return clauseId.equals(Anchor.GENERAL);
    }

    /**
     * Whether the clause's number changed since the comment was made, so the user interface should show both
     * ("5.3, now 6.1", message {@code comment.anchor.renumbered}). False for document-level and orphaned comments.
     */
    public boolean renumbered() {
        return !isGeneral() && !clauseNumber.equals(anchor.clauseNumber());
    }

    /**
     * The key of the note the user interface shows with the comment: {@code comment.anchor.outdated} for an outdated
     * comment, {@code comment.anchor.orphaned} for an orphaned one; empty for an anchored one.
     */
    public Optional<String> noteKey() {
        return switch (status) {
            case ANCHORED -> Optional.empty();
            case OUTDATED -> Optional.of("comment.anchor.outdated");
            case ORPHANED -> Optional.of("comment.anchor.orphaned");
        };
    }

    /**
     * The arguments of {@link #noteKey()}: for an outdated comment none; for an orphaned one the clause's number and
     * title when the comment was made (the number may be empty for an unnumbered clause).
     */
    public List<Object> noteArgs() {
        return status == Status.ORPHANED ? List.of(anchor.clauseNumber(), anchor.clauseTitle()) : List.of();
    }
}
