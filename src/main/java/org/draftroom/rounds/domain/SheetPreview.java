package org.draftroom.rounds.domain;

import java.util.List;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.sheets.SheetRow;

/**
 * A comment sheet read for a round, before anything is imported: every row with the clause it names resolved
 * against the frozen version's outline, and its problems.
 *
 * @param fileProblems problems of the whole file (nothing could be read)
 * @param digest       SHA-256 of the file, so that the same file is not imported twice
 */
public record SheetPreview(String fileName, String format, List<Row> rows, List<Problem> fileProblems,
                           String digest, boolean alreadyImported) {

    /** A message key with its arguments. */
    public record Problem(String key, List<Object> args) {
    }

    /**
     * One row: what the sheet says, and what it resolves to.
     *
     * @param rowNumber the row as the reviewer sees it in Excel or Word ({@link SheetRow#rowNumber()})
     * @param clauseId ""  for a general comment, null when the clause is unknown
     * @param read the row as read from the file, every cell as written (null for a row not read from a file), so
     *     that the rows with problems can be written back into a sheet for correction
     * @param location the ISO template's Paragraph/Figure/Table kept with the comment ({@code ""} for the Chinese
     *     form, whose 原文 stays in front of the comment's text)
     * @param lineNumber the template's line number kept with the comment, {@code ""} when none
     */
    public record Row(int rowNumber, String clause, String clauseId, String clauseNumber, String paragraph,
                      CommentType type, String comment, String proposedChange, List<Problem> problems,
                      Change change, Long commentId, SheetRow read, String location, String lineNumber) {

        public Row {
            location = location == null ? "" : location;
            lineNumber = lineNumber == null ? "" : lineNumber;
        }

        /** A row that adds a comment. */
        public Row(int rowNumber, String clause, String clauseId, String clauseNumber, String paragraph,
                   CommentType type, String comment, String proposedChange, List<Problem> problems) {
            this(rowNumber, clause, clauseId, clauseNumber, paragraph, type, comment, proposedChange, problems,
                    Change.NEW, null, null, "", "");
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * What importing a row does. A row carrying the id of one of the organisation's comments of the round (in the
     * template's MB/NC column, where the downloaded sheet writes it) changes that comment or leaves it; a row without
     * one adds a comment, unless the organisation has that very comment already (a re-saved copy of a sheet imported
     * before), which it leaves.
     */
    public enum Change {
        NEW, CHANGED, UNCHANGED
    }

    /** The number of rows that would make this change. */
    public long count(Change change) {
        return rows.stream().filter(r -> r.change() == change).count();
    }

    /** The number of rows with at least one problem. */
    public long rowsWithProblems() {
        return rows.stream().filter(r -> !r.ok()).count();
    }

    /** The rows without problems that add or change a comment. */
    public List<Row> validChanges() {
        return rows.stream().filter(r -> r.ok() && r.change() != Change.UNCHANGED).toList();
    }

    /** Whether every row can be imported. */
    public boolean importable() {
        return fileProblems.isEmpty() && !rows.isEmpty() && rows.stream().allMatch(Row::ok) && !alreadyImported;
    }
}
