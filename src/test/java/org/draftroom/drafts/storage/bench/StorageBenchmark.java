package org.draftroom.drafts.storage.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.draftroom.drafts.storage.CommitRequest;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.FileVersions;
import org.draftroom.drafts.storage.GitDraftStore;
import org.draftroom.drafts.storage.HistoryQuery;
import org.draftroom.drafts.storage.Person;
import org.draftroom.drafts.storage.Version;
import org.draftroom.drafts.storage.seed.LargeProjectGenerator;
import org.draftroom.drafts.storage.seed.SeedClock;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * Measures the draft store on the large sample project. Not a test: it prints its figures, which are written down
 * in {@code docs/benchmarks.md}.
 *
 * <p>Measures: generating the large project; saving a one-clause edit 1,000 times (p50, p95, max); listing the full
 * history; compacting; reading {@code draft.md} at two far-apart versions ({@code wd-1} and the head) and diffing them with
 * diff-match-patch (character diff and diff with line pre-pass, default 1 s timeout) and with JGit's
 * {@link HistogramDiff} (line diff).
 *
 * <p>Run from the project root:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.draftroom.drafts.storage.bench.StorageBenchmark [work-dir]
 * </pre>
 * The work directory (default: a new temporary directory) receives the repository and is left in place.
 */
public final class StorageBenchmark {

    private static final int SAVES = 1_000;
    private static final int WARM_UP_SAVES = 50;
    private static final Person EDITOR = new Person("Bench Editor", "bench@example.com");

    private StorageBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("draftroom-bench");
        System.out.printf("Machine: %d cores, Java %s, load average %.1f; work dir %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), work);
        SeedClock clock = new SeedClock(Instant.parse("2023-03-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
        try (GitDraftStore store = new GitDraftStore(work, clock)) {
            String project = LargeProjectGenerator.PROJECT_ID;
            long cpuBefore = cpuNanos();
            LargeProjectGenerator.Result generated = new LargeProjectGenerator(LargeProjectGenerator.DEFAULT_SEED)
                    .generate(store, project, clock);
            System.out.printf("Generate large project: %,d ms wall, %,d ms CPU (%,d commits, %,d headings,"
                            + " %,d characters)%n", generated.elapsed().toMillis(), (cpuNanos() - cpuBefore) / 1_000_000,
                    generated.commits(), generated.clauses(), generated.characters());

            saves(store, clock, project);
            historyListing(store, project);
            diffs(store, project);
            System.out.printf("Repository size on disk: %,d KB%n", sizeKb(store.repositoryDirectory(project)));
            timed("Compact (JGit gc)", 1, () -> {
                store.compact(project);
                return null;
            });
            System.out.printf("Repository size after compacting: %,d KB%n",
                    sizeKb(store.repositoryDirectory(project)));
            timed("List full history after compacting", 5,
                    () -> store.history(project, HistoryQuery.page(0, Integer.MAX_VALUE)));
            timed("Save one clause edit after compacting", 20, () -> {
                String head = store.head(project).orElseThrow();
                String text = store.readFile(project, head, DraftStore.DRAFT_FILE).orElseThrow();
                return store.commit(project, CommitRequest.onTopOf(head, Map.of(DraftStore.DRAFT_FILE,
                        text + "\n" + System.nanoTime() + "\n"), EDITOR, "Edit after gc"));
            });
        }
    }

    private static void saves(GitDraftStore store, SeedClock clock, String project) {
        Random random = new Random(1);
        String head = store.head(project).orElseThrow();
        String text = store.readFile(project, head, DraftStore.DRAFT_FILE).orElseThrow();
        long[] nanos = new long[SAVES];
        for (int save = -WARM_UP_SAVES; save < SAVES; save++) {
            clock.advance(Duration.ofMinutes(3));
            List<Integer> headings = new ArrayList<>();
            for (int i = text.indexOf("\n#"); i >= 0; i = text.indexOf("\n#", i + 1)) {
                headings.add(i);
            }
            int heading = headings.get(random.nextInt(headings.size()));
            int paragraph = text.indexOf("\n\n", text.indexOf('\n', heading + 1));
            text = text.substring(0, paragraph) + "本条经工作组第" + (save + WARM_UP_SAVES + 1) + "次会议讨论修改。"
                    + text.substring(paragraph);
            long start = System.nanoTime();
            head = store.commit(project, CommitRequest.onTopOf(head, Map.of(DraftStore.DRAFT_FILE, text), EDITOR,
                    "Edit one clause")).version().commitId();
            if (save >= 0) {
                nanos[save] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("Save one clause edit (%,d saves, draft of %,d characters): p50 %.1f ms, p95 %.1f ms,"
                        + " max %.1f ms%n", SAVES, text.length(), nanos[SAVES / 2] / 1e6, nanos[SAVES * 95 / 100] / 1e6,
                nanos[SAVES - 1] / 1e6);
    }

    private static void historyListing(GitDraftStore store, String project) {
        List<Version> all = timed("List full history", 5,
                () -> store.history(project, HistoryQuery.page(0, Integer.MAX_VALUE)));
        System.out.printf("  (%,d versions)%n", all.size());
        timed("List first page of 50", 5, () -> store.history(project, HistoryQuery.page(0, 50)));
        timed("List page 20 of 50 (offset 950)", 5, () -> store.history(project, HistoryQuery.page(950, 50)));
    }

    private static void diffs(GitDraftStore store, String project) {
        FileVersions pair = timed("Read draft.md at wd-1 and head", 5,
                () -> store.readFileAtTwoVersions(project, DraftStore.DRAFT_FILE, "wd-1", "main"));
        System.out.printf("  (%,d and %,d characters)%n", pair.oldText().length(), pair.newText().length());

        DiffMatchPatch dmp = new DiffMatchPatch();
        LinkedList<DiffMatchPatch.Diff> charDiff = timed("diff-match-patch diffMain, characters, 1 s timeout", 3,
                () -> dmp.diffMain(pair.oldText(), pair.newText(), false));
        System.out.printf("  (%,d diffs, Levenshtein %,d)%n", charDiff.size(), dmp.diffLevenshtein(charDiff));
        LinkedList<DiffMatchPatch.Diff> lineDiff = timed("diff-match-patch diffMain, line pre-pass, 1 s timeout", 3,
                () -> dmp.diffMain(pair.oldText(), pair.newText(), true));
        System.out.printf("  (%,d diffs, Levenshtein %,d)%n", lineDiff.size(), dmp.diffLevenshtein(lineDiff));
        timed("diff-match-patch diffMain + diffCleanupSemantic (as a redline would)", 3, () -> {
            LinkedList<DiffMatchPatch.Diff> diffs = dmp.diffMain(pair.oldText(), pair.newText(), true);
            dmp.diffCleanupSemantic(diffs);
            return diffs;
        });

        RawText oldRaw = new RawText(pair.oldText().getBytes(StandardCharsets.UTF_8));
        RawText newRaw = new RawText(pair.newText().getBytes(StandardCharsets.UTF_8));
        EditList edits = timed("JGit HistogramDiff (lines)", 5,
                () -> new HistogramDiff().diff(RawTextComparator.DEFAULT, oldRaw, newRaw));
        System.out.printf("  (%,d edits over %,d and %,d lines)%n", edits.size(), oldRaw.size(), newRaw.size());
    }

    private static <T> T timed(String label, int runs, Supplier<T> work) {
        long[] nanos = new long[runs];
        T result = null;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            result = work.get();
            nanos[run] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%s: median %.1f ms, best %.1f ms (%d runs)%n", label, nanos[runs / 2] / 1e6, nanos[0] / 1e6,
                runs);
        return result;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long sizeKb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1024;
        }
    }
}
