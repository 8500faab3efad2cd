package org.draftroom.editing.sync;

import java.util.Objects;

/**
 * The state a client starts (or restarts) from: the master text at joining, with both versions at 0.
 *
 * @param clientId the id the client must put into its messages
 * @param clauseId the clause
 * @param epoch    a number the server raises at every join of this client, so answers to an earlier epoch are ignored
 * @param text     the clause's master text
 */
public record Snapshot(String clientId, String clauseId, long epoch, String text) {

    public Snapshot {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clauseId, "clauseId");
        Objects.requireNonNull(text, "text");
    }
}
