package org.draftroom.rounds.service;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Announces rounds whose opening time came and reminds the audience of rounds about to close, every minute. */
@Component
class RoundScheduler {

    private final RoundService rounds;

    RoundScheduler(RoundService rounds) {
        this.rounds = rounds;
    }

    @Scheduled(fixedDelayString = "${draftroom.rounds.check-interval:60000}", initialDelay = 30_000)
    void tick() {
        rounds.announceOpenedRounds();
        rounds.remindClosingRounds();
    }
}
