package org.draftroom.rounds;

/** A disposition of a round's comment was recorded or changed (published inside the recording transaction). */
public record DispositionRecorded(long roundId, long commentId) {
}
