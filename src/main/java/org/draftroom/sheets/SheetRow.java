package org.draftroom.sheets;

/**
 * One comment of a commenting sheet, as the text its cells hold (never null; an empty cell is {@code ""}; lines of a
 * multi-line cell are separated by {@code \n}).
 *
 * @param rowNumber where the row stands in the file, for messages: the spreadsheet row number (1-based, as Excel
 *     shows it) for XLSX, the position among the comment rows of the table (1 = first comment) for DOCX
 * @param memberBody MB/NC or 提出单位: the body or organisation that made the comment
 * @param clause the clause or subclause number as written ("3.1", "General", "5.2.1 a)"), resolved by the caller
 * @param paragraph Paragraph/Figure/Table; for the Chinese form the original text quoted (原文), which locates the
 *     comment in the clause the same way
 * @param type {@code ge}, {@code te}, {@code ed} once read and valid; as written when invalid (a problem says so);
 *     {@code ""} when the sheet gives none (allowed for the Chinese form, the caller decides)
 * @param comment the comment (justification); 意见 and/or 理由 of the Chinese form
 * @param proposedChange the proposed change; 修改后内容 / 修改建议 of the Chinese form
 * @param observations observations of the secretariat (处理意见), usually empty in a sheet an organisation sends
 * @param lineNumber the ISO template's line number column ("17"), {@code ""} when absent
 */
public record SheetRow(int rowNumber, String memberBody, String clause, String paragraph, String type, String comment,
        String proposedChange, String observations, String lineNumber) {

    public SheetRow {
        memberBody = text(memberBody);
        clause = text(clause);
        paragraph = text(paragraph);
        type = text(type);
        comment = text(comment);
        proposedChange = text(proposedChange);
        observations = text(observations);
        lineNumber = text(lineNumber);
    }

    /** A row without a line number (the Chinese form has none). */
    public SheetRow(int rowNumber, String memberBody, String clause, String paragraph, String type, String comment,
            String proposedChange, String observations) {
        this(rowNumber, memberBody, clause, paragraph, type, comment, proposedChange, observations, "");
    }

    /** The same row with another row number, e.g. to compare rows read back from a written file. */
    public SheetRow withRowNumber(int number) {
        return new SheetRow(number, memberBody, clause, paragraph, type, comment, proposedChange, observations,
                lineNumber);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
