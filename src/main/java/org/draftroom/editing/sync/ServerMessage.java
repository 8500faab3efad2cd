package org.draftroom.editing.sync;

import java.util.List;
import java.util.Objects;

/**
 * Server to client: the answer to one {@link ClientMessage}.
 *
 * @param clientId            the addressee
 * @param clauseId            the clause
 * @param epoch               the epoch of the message answered
 * @param seq                 the {@link ClientMessage#seq()} answered
 * @param clientVersionAcked  n of the server's shadow: every client edit with a lower client version is applied
 * @param edits               the server's unacknowledged edits for this client, oldest first
 */
public record ServerMessage(String clientId, String clauseId, long epoch, long seq, long clientVersionAcked,
        List<Edit> edits) {

    public ServerMessage {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clauseId, "clauseId");
        edits = List.copyOf(edits);
    }
}
