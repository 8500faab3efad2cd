package org.draftroom.drafts.domain;

/**
 * Choices the person importing a plain file makes where its typed numbers and GB/T 1.1 disagree.
 *
 * @param numberedIntroduction read a heading typed "1 Introduction" / "1 引言" as numbered clause 1 (true) instead of
 *                             the unnumbered introduction 引言 (false, the default, as GB/T 1.1 wants it)
 */
public record ImportOptions(boolean numberedIntroduction) {

    /** The defaults: an introduction is the unnumbered 引言. */
    public static final ImportOptions DEFAULT = new ImportOptions(false);
}
