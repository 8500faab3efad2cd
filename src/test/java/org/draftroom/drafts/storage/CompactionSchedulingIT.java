package org.draftroom.drafts.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.draftroom.IntegrationTest;
import org.draftroom.drafts.storage.seed.LargeProjectGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;

/**
 * Packing a large repository, started by the application's scheduler as the nightly job is, does not hold up the
 * jobs that scheduler runs every second (the live-editing checkpoints): a tick due every 200 ms keeps its time while
 * the packing runs.
 */
@IntegrationTest
class CompactionSchedulingIT {

    static final Duration PERIOD = Duration.ofMillis(200);

    @Autowired TaskScheduler scheduler;
    @Autowired StorageMaintenance maintenance;
    @Autowired DraftStore store;

    @Test
    void a_long_packing_does_not_delay_the_checkpoint_tick() throws Exception {
        // 300 versions of a draft growing to 300,000 characters: hundreds of loose objects to pack.
        if (!store.projectExists("packing-probe")) {
            new LargeProjectGenerator(11, 300).generate(store, "packing-probe", null);
        }
        List<Duration> lateness = new CopyOnWriteArrayList<>();
        long[] last = {0};
        ScheduledFuture<?> tick = scheduler.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (last[0] != 0) {
                lateness.add(Duration.ofNanos(now - last[0]).minus(PERIOD));
            }
            last[0] = now;
        }, PERIOD);
        CompletableFuture<CompletableFuture<Void>> packing = new CompletableFuture<>();
        try {
            // As the nightly trigger does: on the scheduler's own thread.
            scheduler.schedule(() -> packing.complete(maintenance.startCompaction()), Instant.now());
            long started = System.nanoTime();
            int ticksBefore = lateness.size();
            packing.get(10, TimeUnit.SECONDS).get(5, TimeUnit.MINUTES);
            Duration packed = Duration.ofNanos(System.nanoTime() - started);
            int ticksDuring = lateness.size() - ticksBefore;

            assertThat(packed).as("the packing took long enough to matter").isGreaterThan(PERIOD.multipliedBy(3));
            assertThat(ticksDuring).as("ticks ran while packing (%s ms)", packed.toMillis())
                    .isGreaterThanOrEqualTo((int) (packed.toMillis() / PERIOD.toMillis()) / 2);
            assertThat(lateness.stream().max(Duration::compareTo).orElseThrow())
                    .as("latest tick during a packing of %s ms", packed.toMillis())
                    .isLessThan(Duration.ofSeconds(1));
        } finally {
            tick.cancel(false);
        }
    }
}
