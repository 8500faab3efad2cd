package org.draftroom.sheets;

/** The kinds of commenting sheet {@link SheetReader} knows, recognised by their column titles. */
public enum SheetFormat {
    /** The ISO/IEC/CEN/CENELEC commenting template, version 2012-03, filled in Word. */
    ISO_DOCX,
    /** A spreadsheet with the columns of the ISO template. */
    ISO_XLSX,
    /** The Chinese feedback form (序号, 章节号, 原文, 修改后内容, 理由 and variants) as a spreadsheet. */
    CHINESE_XLSX,
    /** The Chinese feedback form as a Word table. */
    CHINESE_DOCX,
    /** Not a sheet we could read: the problems say why. */
    UNKNOWN;

    /** Whether it is a variant of the ISO template (where the type of comment is compulsory). */
    public boolean iso() {
        return this == ISO_DOCX || this == ISO_XLSX;
    }
}
