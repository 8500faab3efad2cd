/**
 * Live co-editing of one clause's text by several people at once, by Neil Fraser's differential synchronization
 * ({@code sync}). Structural changes to the outline (add, delete, move, retitle a clause) are not part of this module's
 * text engine; they are server-serialised operations on the draft.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Editing")
package org.draftroom.editing;
