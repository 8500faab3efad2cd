package org.draftroom.rounds;

/** The secretariat published the dispositions of a round; commenters may be told. */
public record DispositionsPublished(long roundId) {
}
