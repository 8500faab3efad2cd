package org.draftroom.sheets;

/**
 * One comment of a consultation round with what became of it, as text ready to print (nulls print as empty cells).
 *
 * @param id the readable comment id ({@code CN-ABC-007})
 * @param organisation the organisation's code or name
 * @param clauseThen the clause number in the consultation draft
 * @param clauseNow the clause number in the current draft ({@code ""} if the clause is gone)
 * @param type {@code ge}, {@code te} or {@code ed}
 * @param disposition accepted, partly accepted, not accepted, noted (in the table's language), {@code ""} while open
 * @param reason the reason of the disposition
 * @param appliedVersion the version that applied the change, if any
 * @param lineNumber the ISO template's line number the reviewer gave, {@code ""} when none
 * @param location the template's Paragraph/Figure/Table the reviewer gave ("Table 3"), {@code ""} when none
 */
public record DispositionTableRow(String id, String organisation, String clauseThen, String clauseNow, String type,
        String comment, String proposedChange, String disposition, String reason, String appliedVersion,
        String lineNumber, String location) {

    /** A row without line number or paragraph/figure/table. */
    public DispositionTableRow(String id, String organisation, String clauseThen, String clauseNow, String type,
            String comment, String proposedChange, String disposition, String reason, String appliedVersion) {
        this(id, organisation, clauseThen, clauseNow, type, comment, proposedChange, disposition, reason,
                appliedVersion, "", "");
    }

    public DispositionTableRow {
        id = id == null ? "" : id;
        organisation = organisation == null ? "" : organisation;
        clauseThen = clauseThen == null ? "" : clauseThen;
        clauseNow = clauseNow == null ? "" : clauseNow;
        type = type == null ? "" : type;
        comment = comment == null ? "" : comment;
        proposedChange = proposedChange == null ? "" : proposedChange;
        disposition = disposition == null ? "" : disposition;
        reason = reason == null ? "" : reason;
        appliedVersion = appliedVersion == null ? "" : appliedVersion;
        lineNumber = lineNumber == null ? "" : lineNumber;
        location = location == null ? "" : location;
    }
}
