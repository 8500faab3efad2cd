package org.draftroom.drafts.domain;

/**
 * One run of a character diff.
 *
 * @param op   whether the text is kept, inserted or deleted
 * @param text the text
 */
public record DiffSegment(Op op, String text) {

    /** What happened to a run of text. */
    public enum Op { EQUAL, INSERT, DELETE }
}
