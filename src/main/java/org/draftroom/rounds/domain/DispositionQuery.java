package org.draftroom.rounds.domain;

import org.draftroom.comments.domain.CommentType;

/**
 * The filters of a round's merged table. Null parts match anything.
 *
 * @param clause a clause number of the frozen version: that clause and its subclauses ("8" takes in 8.1 and 8.2.3);
 *               blank = any
 * @param status {@link #UNDECIDED} or the name of a {@link Disposition}
 */
public record DispositionQuery(CommentType type, String organisationCode, String clause, String status) {

    public static final String UNDECIDED = "undecided";

    public static DispositionQuery all() {
        return new DispositionQuery(null, null, null, null);
    }

    /** Whether a row passes the filters (for tables built in memory). */
    public boolean matches(DispositionRow row) {
        String c = clause == null ? "" : clause.trim();
        String rowStatus = row.disposition().disposition() == null ? UNDECIDED
                : row.disposition().disposition().name();
        return (type == null || row.comment().type() == type)
                && (organisationCode == null || organisationCode.equals(row.comment().organisationCode()))
                && (status == null || status.equals(rowStatus))
                && (c.isEmpty() || row.clauseNumber().equals(c) || row.clauseNumber().startsWith(c + "."));
    }
}
