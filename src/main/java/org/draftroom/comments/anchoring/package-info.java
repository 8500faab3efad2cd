/**
 * Anchoring comments to the words they quote, and carrying them through new versions of a draft.
 *
 * <p>An {@link org.draftroom.comments.anchoring.Anchor} records where a comment was made: the clause id, the quoted
 * text with some context and its offsets in the clause body, the commit and the clause number of that time.
 * {@link org.draftroom.comments.anchoring.Reanchoring} carries anchors from one version of the draft to the next and
 * says, as a {@link org.draftroom.comments.anchoring.Placement}, whether the comment still highlights its quote
 * (anchored), whether the quoted words were rewritten (outdated) or whether its clause was deleted (orphaned). A
 * comment never highlights words other than its quote.
 *
 * <p>Everything here is pure Java: immutable values and stateless functions over
 * {@link org.draftroom.drafts.domain.DraftDocument}s, with no Spring beans and no I/O. Refusals are
 * {@link org.draftroom.comments.anchoring.AnchorException}s carrying a message key and its arguments.
 */
@org.springframework.modulith.NamedInterface("anchoring")
package org.draftroom.comments.anchoring;
