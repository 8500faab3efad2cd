package org.draftroom.drafts.storage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import org.draftroom.base.cluster.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Packs the project repositories every night. Each save writes a loose, compressed copy of the whole draft (about
 * 200 KB for a 300,000-character draft); packing turns a thousand of them into a few megabytes (see
 * docs/benchmarks.md). Safe while people work: {@link DraftStore#compact} never removes a reachable version.
 *
 * <p><b>A thread of its own.</b> Packing a large project takes tens of seconds. The application's scheduler has one
 * thread, which also runs the live-editing checkpoints every second and the round jobs, so the scheduled trigger only
 * hands the packing to this component's own thread ({@code draftroom-packing}) and returns at once: checkpoints are
 * never held up by packing. One packing runs at a time; a trigger while one runs is skipped.
 */
@Component
class StorageMaintenance implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StorageMaintenance.class);

    private final DraftStore store;
    private final ExecutorService packing = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "draftroom-packing");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    private final ClusterJobs jobs;
    private final Duration gap;

    /** One node, no cluster claims (benchmarks). */
    StorageMaintenance(DraftStore store) {
        this(store, null, Duration.ZERO);
    }

    @org.springframework.beans.factory.annotation.Autowired
    StorageMaintenance(DraftStore store, ClusterJobs jobs,
                       @Value("${draftroom.drafts.compact-gap:PT10M}") Duration gap) {
        this.store = store;
        this.jobs = jobs;
        this.gap = gap;
    }

    /** Runs at {@code draftroom.drafts.compact-cron} (default 03:30 every night, in the committee's time zone). */
    @Scheduled(cron = "${draftroom.drafts.compact-cron:0 30 3 * * *}", zone = "${draftroom.time-zone:Asia/Shanghai}")
    void nightly() {
        // With several nodes on one drafts directory, one of them packs (draftroom.drafts.compact-gap: no second
        // packing within that time, by the database's clock).
        if (jobs != null && !jobs.claim("compaction", gap)) {
            return;
        }
        startCompaction();
    }

    /**
     * Starts packing every repository on the packing thread, unless a packing runs already.
     *
     * @return the packing that runs now (completes when every repository has been tried)
     */
    synchronized CompletableFuture<Void> startCompaction() {
        if (!running.isDone()) {
            log.info("Packing of the repositories still runs; this start is skipped");
            return running;
        }
        running = CompletableFuture.runAsync(this::compactAll, packing);
        return running;
    }

    private void compactAll() {
        log.info("Packing all repositories");
        for (String projectId : store.listProjects()) {
            try {
                long started = System.nanoTime();
                store.compact(projectId);
                log.info("Packed the repository of {} in {} ms", projectId, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Could not pack the repository of {}; its versions are intact and it is tried again tomorrow",
                        projectId, e);
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        packing.shutdownNow();
        packing.awaitTermination(10, TimeUnit.SECONDS);
    }
}
