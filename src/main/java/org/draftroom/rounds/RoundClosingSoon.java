package org.draftroom.rounds;

/** An open round closes within the configured reminder period ({@code draftroom.rounds.reminder-days}). */
public record RoundClosingSoon(long roundId) {
}
