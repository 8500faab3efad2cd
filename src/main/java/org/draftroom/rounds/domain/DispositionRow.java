package org.draftroom.rounds.domain;

import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.anchoring.Placement;

/**
 * A row of the merged comment table: a comment of the round, where it stands in the frozen version, and its
 * disposition.
 */
public record DispositionRow(Comment comment, Placement placement, DispositionRecord disposition) {

    /** The clause number in the frozen version, or "" for a general comment. */
    public String clauseNumber() {
        return placement == null || placement.isGeneral() || placement.clauseNumber() == null ? ""
                : placement.clauseNumber();
    }
}
