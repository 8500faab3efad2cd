package org.draftroom.rounds.domain;

/**
 * What importing a previewed sheet would do, as {@code SheetService.offer} decides it: the upload dialog and the API
 * show and do exactly this.
 *
 * @param toImport the rows without problems that add or change a comment
 * @param withProblems the rows with at least one problem: never imported, downloadable as a sheet to correct
 * @param unchanged the rows without problems that leave their comment as it is
 * @param refusalKey why nothing can be imported (a message key), or null when the import can go ahead
 */
public record SheetImportOffer(int toImport, int withProblems, int unchanged, String refusalKey) {

    /** Whether the import can go ahead (all rows, or the valid ones when {@link #partial()}). */
    public boolean possible() {
        return refusalKey == null;
    }

    /** Whether some rows have problems, so that importing takes only the valid ones and keeps the rest out. */
    public boolean partial() {
        return withProblems > 0;
    }
}
