package org.draftroom.comments.anchoring;

import java.util.Objects;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.NumberedOutline;

/**
 * Where a comment was made, as it was when it was made: the clause, the quoted words with some context on either side,
 * their offsets in the clause body, the commit the comment was written against, and the clause's number and title at
 * that commit. Numbers are never stored in the draft, so the number kept here is only what the reviewer saw; the
 * current number comes from {@link Placement#clauseNumber()}.
 *
 * <p>Three kinds of anchor share this record:
 * <ul>
 * <li>a quote: a non-empty run of the clause body ({@link #create});</li>
 * <li>a whole clause: the clause id with an empty quote ({@link #onClause});</li>
 * <li>the whole document ("General" in the commenting template): the id {@link #GENERAL} and an empty quote
 * ({@link #general}).</li>
 * </ul>
 *
 * <p>Offsets count UTF-16 code units of {@link Clause#body()}, as Java's {@code String} and JavaScript index, so the
 * browser's selection offsets can be used as they are. Immutable.
 *
 * @param clauseId     the stable id of the clause, or {@link #GENERAL} for a document-level comment
 * @param quote        the quoted text, exactly as it stood in the body between {@code start} and {@code end}; empty
 *                     for a whole-clause or document-level comment
 * @param prefix       up to {@link #CONTEXT_LENGTH} units of body text just before the quote
 * @param suffix       up to {@link #CONTEXT_LENGTH} units of body text just after the quote
 * @param start        offset of the first unit of the quote in the body
 * @param end          offset just past the quote; {@code end - start == quote.length()}
 * @param commitId     the commit the comment was written against
 * @param clauseNumber the clause's number at that commit ("5.3", "A.1"), empty if it had none
 * @param clauseTitle  the clause's title at that commit, empty for a document-level comment
 */
public record Anchor(String clauseId, String quote, String prefix, String suffix, int start, int end,
        String commitId, String clauseNumber, String clauseTitle) {

    /** The clause id of a document-level comment. No clause has it: headings without an id cannot be commented. */
    public static final String GENERAL = "";

    /** The most UTF-16 units kept as context on each side of the quote. */
    public static final int CONTEXT_LENGTH = 32;

    /**
     * The longest quote, in UTF-16 units: about a long paragraph. A reviewer who means more than that means the clause,
     * and should comment on the whole clause.
     */
    public static final int MAX_QUOTE_LENGTH = 2_000;

    /**
     * Checks that the parts agree with one another (not with any document).
     *
     * @throws IllegalArgumentException if offsets are negative, out of order, or do not span the quote, or if a
     *                                  document-level anchor has a quote
     * @throws NullPointerException     if any part is null
     */
    public Anchor {
        Objects.requireNonNull(clauseId, "clauseId");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(clauseNumber, "clauseNumber");
        Objects.requireNonNull(clauseTitle, "clauseTitle");
        if (start < 0 || end < start || end - start != quote.length()) {
            throw new IllegalArgumentException("offsets " + start + ".." + end + " do not span a quote of "
                    + quote.length() + " units");
        }
        if (clauseId.equals(GENERAL) && (!quote.isEmpty() || start != 0)) {
            throw new IllegalArgumentException("a document-level anchor has no quote");
        }
    }

    /**
     * Anchors a comment on the words between {@code start} and {@code end} of a clause body, checking that they are the
     * words the user saw.
     *
     * @param outline  the numbered version of the draft the comment is written against
     * @param clauseId the stable id of the clause
     * @param start    offset of the first UTF-16 unit of the quote in {@link Clause#body()}
     * @param end      offset just past the quote
     * @param quote    the text the user selected; it must be exactly the body text between the offsets
     * @param commitId the commit of {@code outline}'s document
     * @throws AnchorException with key (arguments): {@code comment.anchor.clause-not-found} (clause id);
     *                         {@code comment.anchor.out-of-range} (start, end, body length) if the offsets are not
     *                         {@code 0 <= start <= end <= length}; {@code comment.anchor.empty-quote} () if start equals
     *                         end; {@code comment.anchor.quote-too-long} (length, {@value #MAX_QUOTE_LENGTH});
     *                         {@code comment.anchor.splits-character} (offset) if an offset falls inside a surrogate
     *                         pair; {@code comment.anchor.quote-not-found} (quote) if the body text between the
     *                         offsets is not {@code quote}
     */
    public static Anchor create(NumberedOutline outline, String clauseId, int start, int end, String quote,
            String commitId) {
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(commitId, "commitId");
        DraftDocument document = outline.document();
        Clause clause = document.find(clauseId)
                .orElseThrow(() -> new AnchorException("comment.anchor.clause-not-found", String.valueOf(clauseId)));
        String body = clause.body();
        if (start < 0 || end < start || end > body.length()) {
            throw new AnchorException("comment.anchor.out-of-range", start, end, body.length());
        }
        if (start == end) {
            throw new AnchorException("comment.anchor.empty-quote");
        }
        if (end - start > MAX_QUOTE_LENGTH) {
            throw new AnchorException("comment.anchor.quote-too-long", end - start, MAX_QUOTE_LENGTH);
        }
        if (splitsPair(body, start)) {
            throw new AnchorException("comment.anchor.splits-character", start);
        }
        if (splitsPair(body, end)) {
            throw new AnchorException("comment.anchor.splits-character", end);
        }
        if (!body.startsWith(quote, start) || quote.length() != end - start) {
            throw new AnchorException("comment.anchor.quote-not-found", quote);
        }
        return new Anchor(clauseId, quote, prefix(body, start), suffix(body, end), start, end, commitId,
                outline.number(clauseId), clause.title());
    }

    /**
     * Anchors a comment on the words between {@code start} and {@code end}, numbering the document first (linear in
     * its size: to anchor many comments on one version, number it once and use
     * {@link #create(NumberedOutline, String, int, int, String, String)}).
     */
    public static Anchor create(DraftDocument document, String clauseId, int start, int end, String quote,
            String commitId) {
        return create(NumberedOutline.of(document), clauseId, start, end, quote, commitId);
    }

    /**
     * Anchors a comment on a whole clause, quoting nothing.
     *
     * @throws AnchorException {@code comment.anchor.clause-not-found} (clause id)
     */
    public static Anchor onClause(NumberedOutline outline, String clauseId, String commitId) {
        Clause clause = outline.document().find(clauseId)
                .orElseThrow(() -> new AnchorException("comment.anchor.clause-not-found", String.valueOf(clauseId)));
        return new Anchor(clauseId, "", "", "", 0, 0, commitId, outline.number(clauseId), clause.title());
    }

    /** Anchors a comment on the whole document ("General"). */
    public static Anchor general(String commitId) {
        return new Anchor(GENERAL, "", "", "", 0, 0, commitId, "", "");
    }

    /** Whether the comment is on the whole document rather than on a clause. */
    public boolean isGeneral() {
        return clauseId.equals(GENERAL);
    }

    /** Whether the comment quotes words (rather than applying to a whole clause or to the document). */
    public boolean hasQuote() {
        return !quote.isEmpty();
    }

    /** Whether the quote stands at {@code [start, end)} of this body. */
    boolean isAt(String body, int at) {
        return at >= 0 && at + quote.length() <= body.length() && body.startsWith(quote, at);
    }

    static String prefix(String body, int start) {
        int from = Math.max(0, start - CONTEXT_LENGTH);
        if (from > 0 && Character.isLowSurrogate(body.charAt(from))) {
            from++;
        }
        return body.substring(from, start);
    }

    static String suffix(String body, int end) {
        int to = Math.min(body.length(), end + CONTEXT_LENGTH);
        if (to < body.length() && to > end && Character.isHighSurrogate(body.charAt(to - 1))) {
            to--;
        }
        return body.substring(end, to);
    }

    /** Whether {@code offset} falls between the two halves of a surrogate pair. */
    static boolean splitsPair(String text, int offset) {
        return offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
                && Character.isLowSurrogate(text.charAt(offset));
    }
}
