/**
 * Comments on draft clauses: where a comment is anchored in the text and how it follows the text from version to
 * version ({@code anchoring}), the comments, threads and history ({@code domain}, {@code service}, stored by
 * {@code data}), and safe rendering of their Markdown ({@code web}). The root package holds the events the module
 * publishes and the {@link org.draftroom.comments.RoundCommentRules} SPI that the rounds module implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Comments")
package org.draftroom.comments;
