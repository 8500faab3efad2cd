package org.draftroom.sheets;

import java.util.List;

/**
 * Something wrong with a sheet, as a message key of the i18n bundles ({@code sheet.*}) with its arguments.
 *
 * @param rowNumber the row it concerns ({@link SheetRow#rowNumber()}), or 0 for the file as a whole
 * @param key the message key; the text does not repeat the row number (show it beside the row, or use
 *     {@code sheet.problem.row} = "Row {0}: {1}")
 * @param args the message's arguments
 */
public record SheetProblem(int rowNumber, String key, List<Object> args) {

    public SheetProblem {
        args = List.copyOf(args);
    }

    static SheetProblem ofFile(String key, Object... args) {
        return new SheetProblem(0, key, List.of(args));
    }

    static SheetProblem ofRow(int row, String key, Object... args) {
        return new SheetProblem(row, key, List.of(args));
    }

    /** Whether it concerns the whole file (the file could not be read as a sheet at all). */
    public boolean wholeFile() {
        return rowNumber == 0;
    }
}
