package org.draftroom.drafts.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the clauses of an uploaded version were matched to the previous version's: the document with the ids it will
 * be saved with, and one {@link Match} per clause of either version (new clauses, then deleted ones, in order).
 *
 * @param document the new version with the previous version's ids on matched clauses and fresh ids on new ones
 * @param matches  every clause of the new version in document order, followed by the deleted clauses of the
 *                 previous version in their order
 */
public record ClauseMatching(DraftDocument document, List<Match> matches) {

    public ClauseMatching {
        matches = List.copyOf(matches);
    }

    /** What became of a clause. */
    public enum Status {
        /** Matched to a clause of the previous version, in the same place among its siblings (perhaps renumbered). */
        KEPT,
        /** Matched to a clause of the previous version that had another parent or another place among siblings. */
        MOVED,
        /** A clause that the previous version did not have. */
        NEW,
        /** A clause of the previous version that the new version does not have. */
        DELETED
    }

    /**
     * One clause of the report.
     *
     * @param status     what became of it
     * @param id         the id it keeps (kept, moved), is given (new) or had (deleted)
     * @param newIndex   its position in {@link #document()}, -1 when deleted
     * @param oldIndex   its position in the previous version, -1 when new
     * @param newNumber  its number in the new version ("6.1"), empty when deleted or unnumbered
     * @param oldNumber  its number in the previous version ("5.5"), empty when new or unnumbered
     * @param newTitle   its title in the new version, empty when deleted
     * @param oldTitle   its title in the previous version, empty when new
     * @param similarity how alike the two clauses are, 0 to 1 (1 for clauses paired by their written id; 0 when new
     *                   or deleted)
     * @param corrected  whether a person chose this pairing instead of the computed one
     */
    public record Match(Status status, String id, int newIndex, int oldIndex, String newNumber, String oldNumber,
                        String newTitle, String oldTitle, double similarity, boolean corrected) {

        /** Whether the title changed (matched clauses only). */
        public boolean retitled() {
            return (status == Status.KEPT || status == Status.MOVED) && !newTitle.equals(oldTitle);
        }
    }

    /** The number of entries with this status. */
    public long count(Status status) {
        return matches.stream().filter(m -> m.status() == status).count();
    }

    /** The entry of the clause at this position of the new version. */
    public Optional<Match> atNewIndex(int newIndex) {
        return matches.stream().filter(m -> m.newIndex() == newIndex).findFirst();
    }

    /**
     * The pairing as corrections accept it: every new clause's position mapped to the old id it keeps, or to the
     * empty string when it is new. Feeding this back into {@link ClauseMatcher#match} gives the same matching.
     */
    public Map<Integer, String> pairing() {
        java.util.Map<Integer, String> pairing = new java.util.LinkedHashMap<>();
        matches.stream().filter(m -> m.newIndex() >= 0)
                .forEach(m -> pairing.put(m.newIndex(), m.status() == Status.NEW ? "" : m.id()));
        return pairing;
    }
}
