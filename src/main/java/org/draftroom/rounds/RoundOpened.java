package org.draftroom.rounds;

/** A round was scheduled (it opens at its opening time); its audience may be told. */
public record RoundOpened(long roundId) {
}
