package org.draftroom.drafts.domain;

/** What a clause is in the GB/T 1.1 structure, which decides how it is numbered. */
public enum ClauseKind {
    /** Unnumbered front matter such as the foreword or introduction, and anything under it. */
    UNNUMBERED,
    /** A numbered level-1 clause (章): 1, 2, 3. */
    CLAUSE,
    /** A numbered subclause (条): 5.1, 5.1.2. */
    SUBCLAUSE,
    /** A term entry ({@code .term}), numbered like a subclause: 3.1, 3.2. */
    TERM,
    /** A level-1 annex ({@code .annex}): A, B, C. */
    ANNEX,
    /** A subclause of an annex: A.1, A.1.1. */
    ANNEX_SUBCLAUSE,
    /** The bibliography ({@code .bibliography}), unnumbered, and anything under it. */
    BIBLIOGRAPHY
}
