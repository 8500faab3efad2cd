package org.draftroom.drafts.domain;

/**
 * A clause with the number GB/T 1.1 gives it at its current position.
 *
 * @param clause      the clause
 * @param index       its position in {@link DraftDocument#clauses()}
 * @param parentIndex the position of its parent, or -1
 * @param kind        what the clause is
 * @param number      "5.1.2", "3.1", "A", "A.1", or empty for unnumbered clauses
 */
public record NumberedClause(Clause clause, int index, int parentIndex, ClauseKind kind, String number) {

    /** The clause id (empty if it has none). */
    public String id() {
        return clause.id();
    }

    /** For an annex: whether it is marked normative ({@code .normative}); false for everything else. */
    public boolean normative() {
        return kind == ClauseKind.ANNEX && clause.is(ClauseClass.NORMATIVE);
    }

    /** For an annex: whether it carries exactly one of the normative and informative marks. */
    public boolean hasAnnexMark() {
        return clause.is(ClauseClass.NORMATIVE) != clause.is(ClauseClass.INFORMATIVE);
    }

    /**
     * The label printed before the title: "5.1", "3.2", "附录A（规范性）" / "Annex A (normative)", or empty for an
     * unnumbered clause. An annex without a (single) mark is labelled "附录A" / "Annex A".
     */
    public String label(Language language) {
        if (kind == ClauseKind.ANNEX) {
            String annex = language.annex(number);
            if (!hasAnnexMark()) {
                return annex;
            }
            return annex + (language == Language.EN ? " " : "") + language.annexMark(normative());
        }
        return number;
    }

    /**
     * How a cross-reference to this clause reads: "5.3", "3.2", "A.1", "附录B" / "Annex B"; the title for an unnumbered
     * clause.
     */
    public String referenceText(Language language) {
        if (kind == ClauseKind.ANNEX) {
            return language.annex(number);
        }
        return number.isEmpty() ? clause.title() : number;
    }
}
