package org.draftroom.rounds.service;

import java.time.Duration;
import org.draftroom.base.cluster.ClusterJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Announces rounds whose opening time came and reminds the audience of rounds about to close, every minute; with
 * several nodes, one node per minute ({@link ClusterJobs}).
 */
@Component
class RoundScheduler {

    private final RoundLifecycleService rounds;
    private final ClusterJobs jobs;
    private final Duration gap;

    RoundScheduler(RoundLifecycleService rounds, ClusterJobs jobs,
                   @Value("${draftroom.rounds.check-interval:60000}") long intervalMillis) {
        this.rounds = rounds;
        this.jobs = jobs;
        this.gap = Duration.ofMillis(intervalMillis / 2);
    }

    @Scheduled(fixedDelayString = "${draftroom.rounds.check-interval:60000}", initialDelay = 30_000)
    void tick() {
        if (!jobs.claim("round-jobs", gap)) {
            return;
        }
        rounds.announceOpenedRounds();
        rounds.remindClosingRounds();
    }
}
