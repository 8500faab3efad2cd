package org.draftroom.drafts.domain;

/**
 * One line of the generated table of contents.
 *
 * @param id    the clause id, for the link
 * @param level the heading level (1 for clauses, annexes, foreword ...)
 * @param label the number or annex label ("5.1", "附录A（资料性）"), empty for foreword, introduction, bibliography
 * @param title the clause title
 */
public record TocEntry(String id, int level, String label, String title) {
}
