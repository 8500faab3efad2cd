/**
 * The differential synchronization engine: pure Java, no Spring beans, no storage, no UI.
 *
 * <p>{@link org.draftroom.editing.sync.ClauseSession} holds one clause's master text and, per connected editor, a
 * shadow and a backup shadow with version numbers; {@link org.draftroom.editing.sync.ServerSync} keeps the sessions of
 * all clauses being edited; {@link org.draftroom.editing.sync.ClientSync} is the same algorithm's client side (the
 * browser runs a JavaScript port of it). The wire protocol is described in {@code docs/sync-protocol.md}; every offset
 * and length is in UTF-16 code units, as in Java and JavaScript strings.
 */
@org.springframework.modulith.NamedInterface("sync")
package org.draftroom.editing.sync;
