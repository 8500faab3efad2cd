/**
 * Comments on draft clauses: where a comment is anchored in the text and how it follows the text from version to
 * version ({@code anchoring}); threads, dispositions and their storage come later.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Comments")
package org.draftroom.comments;
