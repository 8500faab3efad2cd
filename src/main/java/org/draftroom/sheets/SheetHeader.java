package org.draftroom.sheets;

/**
 * The fields above the ISO template's table: Date, Document and Project, as text ({@code ""} when not filled).
 */
public record SheetHeader(String date, String document, String project) {

    public static final SheetHeader EMPTY = new SheetHeader("", "", "");

    public SheetHeader {
        date = date == null ? "" : date.strip();
        document = document == null ? "" : document.strip();
        project = project == null ? "" : project.strip();
    }
}
