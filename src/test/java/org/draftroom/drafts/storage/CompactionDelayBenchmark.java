package org.draftroom.drafts.storage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Stream;
import org.draftroom.drafts.storage.seed.LargeProjectGenerator;
import org.draftroom.drafts.storage.seed.SeedClock;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * How late the live-editing checkpoint tick (every second, fixed delay, on the application's one-thread scheduler)
 * runs while the large sample's repository (1,051 versions, loose) is packed. Not a test: it prints its figures, which
 * are written down in {@code docs/benchmarks.md}.
 *
 * <p>Two runs on two copies of the same freshly generated repository: packing run on the scheduler's thread itself
 * (how the nightly packing ran before it got its own thread) and packing started by the scheduler through
 * {@link StorageMaintenance} (how it runs now).
 *
 * <p>Run from the project root:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.draftroom.drafts.storage.CompactionDelayBenchmark [work-dir]
 * </pre>
 */
public final class CompactionDelayBenchmark {

    private static final Duration TICK = Duration.ofSeconds(1);

    private CompactionDelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("draftroom-compaction");
        System.out.printf("Machine: %d cores, Java %s, load average %.1f; work dir %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), work);
        SeedClock clock = new SeedClock(Instant.parse("2023-03-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
        Path before = work.resolve("inline");
        Path after = work.resolve("own-thread");
        try (GitDraftStore store = new GitDraftStore(before, clock)) {
            new LargeProjectGenerator(LargeProjectGenerator.DEFAULT_SEED).generate(store,
                    LargeProjectGenerator.PROJECT_ID, clock);
        }
        copy(before, after);

        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("scheduling-");
        scheduler.initialize();
        try (GitDraftStore inline = new GitDraftStore(before, Clock.systemUTC());
             GitDraftStore handedOff = new GitDraftStore(after, Clock.systemUTC())) {
            measure("packing on the scheduler's thread (before)", scheduler, () -> {
                CompletableFuture<Void> done = new CompletableFuture<>();
                scheduler.schedule(() -> {
                    inline.compact(LargeProjectGenerator.PROJECT_ID);
                    done.complete(null);
                }, Instant.now());
                return done;
            });
            StorageMaintenance maintenance = new StorageMaintenance(handedOff);
            measure("packing on its own thread (now)", scheduler, () -> {
                CompletableFuture<CompletableFuture<Void>> started = new CompletableFuture<>();
                scheduler.schedule(() -> started.complete(maintenance.startCompaction()), Instant.now());
                return started.thenCompose(f -> f);
            });
            maintenance.destroy();
        } finally {
            scheduler.shutdown();
        }
    }

    private interface Packing {
        CompletableFuture<Void> start();
    }

    private static void measure(String label, ThreadPoolTaskScheduler scheduler, Packing packing) throws Exception {
        List<Long> lateMillis = new CopyOnWriteArrayList<>();
        long[] lastEnd = {0};
        // Like the checkpoint tick: fixed delay of a second after the previous run ended.
        ScheduledFuture<?> tick = scheduler.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            if (lastEnd[0] != 0) {
                lateMillis.add(Duration.ofNanos(now - lastEnd[0]).minus(TICK).toMillis());
            }
            lastEnd[0] = System.nanoTime();
        }, TICK);
        Thread.sleep(2_500);
        lateMillis.clear();
        long started = System.nanoTime();
        packing.start().get();
        long packedMs = (System.nanoTime() - started) / 1_000_000;
        Thread.sleep(1_500);
        tick.cancel(false);
        long max = lateMillis.stream().mapToLong(Long::longValue).max().orElse(-1);
        System.out.printf("%s: packed in %,d ms; %d checkpoint ticks meanwhile and after, latest %,d ms late%n",
                label, packedMs, lateMillis.size(), max);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
