package org.draftroom.drafts.domain;

/**
 * Choices for reading an uploaded file.
 *
 * @param numberedIntroduction        read a heading typed "1 Introduction" / "1 引言" as numbered clause 1 (true)
 *                                    instead of the unnumbered introduction 引言 (false, the default, as GB/T 1.1
 *                                    wants it): where typed numbers and GB/T 1.1 disagree the person importing
 *                                    chooses
 * @param referencesCheckedAfterMatch accept cross-references to ids the file does not define ({@code [](#c-consent)}
 *                                    in a text edited offline): a new version's references may name clauses of the
 *                                    previous version, which get their ids only when the clauses are matched; the
 *                                    caller checks them then
 */
public record ImportOptions(boolean numberedIntroduction, boolean referencesCheckedAfterMatch) {

    /** The defaults: an introduction is the unnumbered 引言; every reference must resolve within the file. */
    public static final ImportOptions DEFAULT = new ImportOptions(false, false);

    /** Options with every reference checked within the file. */
    public ImportOptions(boolean numberedIntroduction) {
        this(numberedIntroduction, false);
    }

    /** These options for a new version of an existing draft, whose references are checked after matching. */
    public ImportOptions forNewVersion() {
        return new ImportOptions(numberedIntroduction, true);
    }
}
