package org.draftroom.drafts.domain;

/**
 * A numbered element inside a clause body: a note, an example, a table or a figure.
 *
 * @param kind     what it is
 * @param clauseId the id of the clause whose body holds it (empty for the preamble or a clause without id)
 * @param number   notes and examples: empty when alone in their clause, else 1, 2 ...; tables and figures: 1, 2 ...
 *                 through the body, A.1, A.2 ... in annex A
 * @param caption  the caption of a table or the title (alt text) of a figure; the text after the label of a note or
 *                 example
 * @param line     the 1-based line where it starts
 */
public record BodyItem(Kind kind, String clauseId, String number, String caption, int line) {

    /** The kinds of numbered body elements. */
    public enum Kind { NOTE, EXAMPLE, TABLE, FIGURE }

    /** "注1" / "NOTE 1", "示例" / "EXAMPLE", "表A.1" / "Table A.1", "图1" / "Figure 1". */
    public String label(Language language) {
        return switch (kind) {
            case NOTE -> language.note(number);
            case EXAMPLE -> language.example(number);
            case TABLE -> language.table(number);
            case FIGURE -> language.figure(number);
        };
    }
}
