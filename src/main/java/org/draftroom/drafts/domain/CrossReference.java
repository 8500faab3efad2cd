package org.draftroom.drafts.domain;

/**
 * A link to a clause by id, {@code [](#id)} or {@code [text](#id)}.
 *
 * @param sourceClauseId the id of the clause whose body holds the link (empty in the preamble)
 * @param targetId       the id linked to
 * @param line           the 1-based line of the link
 * @param generatedText  true for {@code [](#id)}, whose text is the target's current number
 */
public record CrossReference(String sourceClauseId, String targetId, int line, boolean generatedText) {
}
