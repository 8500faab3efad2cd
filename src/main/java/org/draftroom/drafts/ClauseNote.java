package org.draftroom.drafts;

import java.util.List;
import org.draftroom.drafts.domain.DraftProblem;

/**
 * A note another module shows beside a clause of the version a person reads (e.g. the same term as defined by other
 * standards), drawn after the clause's text, and optionally a structure warning for that clause. Plain text only: the
 * draft view escapes it.
 *
 * @param clauseId the clause the note belongs beside
 * @param title    the note's heading, in the interface language
 * @param lines    its lines: a source (a link when {@code href} is not empty) and a text
 * @param warning  the structure warning it raises for the clause, or {@code null}
 */
public record ClauseNote(String clauseId, String title, List<Line> lines, DraftProblem warning) {

    public ClauseNote {
        lines = List.copyOf(lines);
    }

    /** One line of a note: where it comes from and what it says. */
    public record Line(String source, String href, String text) {
    }
}
