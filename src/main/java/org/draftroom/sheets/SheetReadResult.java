package org.draftroom.sheets;

import java.util.List;

/**
 * What {@link SheetReader} found in a file: every comment row (also those with problems, so a preview can list them),
 * the problems, and the format recognised. A problem of the whole file ({@link SheetProblem#wholeFile()}) means no rows
 * were read.
 *
 * @param header Date, Document and Project of an ISO template, when the file gives them
 */
public record SheetReadResult(List<SheetRow> rows, List<SheetProblem> problems, SheetFormat format,
        SheetHeader header) {

    public SheetReadResult {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        header = header == null ? SheetHeader.EMPTY : header;
    }

    public SheetReadResult(List<SheetRow> rows, List<SheetProblem> problems, SheetFormat format) {
        this(rows, problems, format, SheetHeader.EMPTY);
    }

    static SheetReadResult refused(SheetProblem problem) {
        return new SheetReadResult(List.of(), List.of(problem), SheetFormat.UNKNOWN);
    }

    /** Whether the file was read with no problem at all. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** The problems of one row. */
    public List<SheetProblem> problemsOf(int rowNumber) {
        return problems.stream().filter(p -> p.rowNumber() == rowNumber).toList();
    }
}
