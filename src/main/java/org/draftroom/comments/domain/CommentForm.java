package org.draftroom.comments.domain;

/**
 * What a person writes when they comment.
 *
 * @param roundId        the consultation round the comment belongs to, null for the working draft
 * @param type           ge, te or ed; required
 * @param clauseId       {@code ""} for a comment on the whole document ("General"); a clause id otherwise
 * @param start          offset of the quote in the clause body (UTF-16 units of the Markdown source), 0 without quote
 * @param end            offset just past the quote, 0 without quote
 * @param quote          the selected words exactly as they stand in the body; empty for a whole-clause comment
 * @param body           the comment with its justification (Markdown), required, at most 10,000 characters
 * @param proposedChange the proposed text (Markdown), optional, at most 10,000 characters
 * @param lineNumber     the line number of the ISO template ("17"), optional ({@code ""}), at most
 *                       {@value #MAX_LINE_NUMBER} characters
 * @param location       the template's Paragraph/Figure/Table ("Table 3", "第2段"), optional ({@code ""}), at most
 *                       {@value #MAX_LOCATION} characters
 */
public record CommentForm(Long roundId, CommentType type, String clauseId, int start, int end, String quote,
                          String body, String proposedChange, String lineNumber, String location) {

    public static final int MAX_LINE_NUMBER = 50;
    public static final int MAX_LOCATION = 500;

    public CommentForm {
        lineNumber = lineNumber == null ? "" : lineNumber.strip();
        location = location == null ? "" : location.strip();
    }

    /** A comment without line number or paragraph/figure/table. */
    public CommentForm(Long roundId, CommentType type, String clauseId, int start, int end, String quote,
                       String body, String proposedChange) {
        this(roundId, type, clauseId, start, end, quote, body, proposedChange, "", "");
    }
}
