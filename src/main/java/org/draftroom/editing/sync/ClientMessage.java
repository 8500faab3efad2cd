package org.draftroom.editing.sync;

import java.util.List;
import java.util.Objects;

/**
 * Client to server: the client's unacknowledged edits of one clause, oldest first.
 *
 * @param clientId            the editor's connection id, as given by {@link ClauseSession#join(String)}
 * @param clauseId            the clause whose text is being edited
 * @param epoch               the session epoch from the client's last {@link Snapshot}; a resync starts a new one
 * @param seq                 message number within the epoch, from 1, increasing by one per message sent
 * @param serverVersionAcked  m of the client's shadow: how many server edits the client has applied
 * @param edits               the client's edit stack; client versions consecutive
 */
public record ClientMessage(String clientId, String clauseId, long epoch, long seq, long serverVersionAcked,
        List<Edit> edits) {

    public ClientMessage {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clauseId, "clauseId");
        edits = List.copyOf(edits);
    }
}
