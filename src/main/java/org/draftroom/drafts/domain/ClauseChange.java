package org.draftroom.drafts.domain;

import java.util.List;

/**
 * What happened to one clause between two versions, matched by stable id.
 *
 * @param id            the clause id
 * @param status        the headline: added, deleted, moved (number or parent changed, text may have changed too),
 *                      modified (heading or body changed in place) or unchanged
 * @param before        the clause in the old version with its number then, or null if it was added
 * @param after         the clause in the new version with its number now, or null if it was deleted
 * @param parentChanged whether the clause now sits under another parent
 * @param titleDiff     the character diff of the title (all {@code EQUAL} when unchanged; empty if added or deleted)
 * @param bodyDiff      the character diff of the body (all {@code EQUAL} when unchanged; the whole body inserted or
 *                      deleted for an added or deleted clause)
 */
public record ClauseChange(String id, Status status, NumberedClause before, NumberedClause after,
                           boolean parentChanged, List<DiffSegment> titleDiff, List<DiffSegment> bodyDiff) {

    /**
     * The headline of a clause change. MOVED: the clause has another parent, or changed places with its siblings;
     * RENUMBERED: only its number changed because clauses before it were added, deleted or moved.
     */
    public enum Status { UNCHANGED, MODIFIED, MOVED, RENUMBERED, ADDED, DELETED }

    public ClauseChange {
        titleDiff = List.copyOf(titleDiff);
        bodyDiff = List.copyOf(bodyDiff);
    }

    /** The number in the old version ("7.4", "A.1"), empty if unnumbered or added. */
    public String oldNumber() {
        return before == null ? "" : before.number();
    }

    /** The number in the new version ("8.1"), empty if unnumbered or deleted. */
    public String newNumber() {
        return after == null ? "" : after.number();
    }

    /** The title in the old version, empty if added. */
    public String oldTitle() {
        return before == null ? "" : before.clause().title();
    }

    /** The title in the new version, empty if deleted. */
    public String newTitle() {
        return after == null ? "" : after.clause().title();
    }

    /** Whether the clause moved: its parent changed, or its place among its siblings. */
    public boolean moved() {
        return status == Status.MOVED;
    }

    /** Whether the title changed. */
    public boolean titleChanged() {
        return titleDiff.stream().anyMatch(d -> d.op() != DiffSegment.Op.EQUAL);
    }

    /** Whether the body text changed. */
    public boolean bodyChanged() {
        return bodyDiff.stream().anyMatch(d -> d.op() != DiffSegment.Op.EQUAL);
    }

    /** Whether the level, classes or other heading attributes changed (beyond the title). */
    public boolean headingChanged() {
        return before != null && after != null && (before.clause().level() != after.clause().level()
                || !before.clause().classes().equals(after.clause().classes())
                || !before.clause().unknownAttributes().equals(after.clause().unknownAttributes()));
    }
}
