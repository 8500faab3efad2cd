package org.draftroom.drafts.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.DraftHtml;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Redline;
import org.draftroom.drafts.domain.RedlineHtml;
import org.draftroom.drafts.domain.StructureChecks;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.GitDraftStore;
import org.draftroom.drafts.storage.HistoryQuery;
import org.draftroom.drafts.storage.seed.LargeProjectGenerator;
import org.draftroom.drafts.storage.seed.SeedClock;

/**
 * Measures what a reader of the large sample project waits for: parsing, numbering and rendering the whole draft,
 * the structure checks, the clause-aware redline between two far-apart versions, and listing the full history.
 * Not a test: it prints its figures, which are written down in {@code docs/benchmarks.md}. (Saving is measured by
 * {@code StorageBenchmark}.)
 *
 * <p>Run from the project root:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.draftroom.drafts.bench.DraftsBenchmark [work-dir]
 * </pre>
 * The work directory (default: a new temporary directory) receives the generated repository; an existing one is
 * reused.
 */
public final class DraftsBenchmark {

    private static final String PROJECT = LargeProjectGenerator.PROJECT_ID;

    private DraftsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("drafts-bench");
        SeedClock clock = new SeedClock(Instant.parse("2024-01-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
        try (GitDraftStore store = new GitDraftStore(work, clock)) {
            if (!store.projectExists(PROJECT)) {
                long t = System.nanoTime();
                new LargeProjectGenerator(LargeProjectGenerator.DEFAULT_SEED).generate(store, PROJECT, clock);
                System.out.printf("generated the large project in %.1f s%n", (System.nanoTime() - t) / 1e9);
            }
            byte[] head = store.readBytes(PROJECT, "main", DraftStore.DRAFT_FILE).orElseThrow();
            byte[] early = store.readBytes(PROJECT, "wd-1", DraftStore.DRAFT_FILE).orElseThrow();
            DraftDocument doc = DraftFormat.parse(head);
            System.out.printf("draft: %,d characters, %,d clauses; wd-1: %,d characters%n", doc.text().length(),
                    doc.clauses().size(), new String(early, StandardCharsets.UTF_8).length());

            measure("parse + number + render the whole draft (zh)", 20, 50, () -> {
                DraftDocument d = DraftFormat.parse(head);
                NumberedOutline.of(d);
                return DraftHtml.render(d, Language.ZH).length();
            });
            measure("parse only", 20, 50, () -> DraftFormat.parse(head).clauses().size());
            measure("structure checks", 10, 30, () -> StructureChecks.check(doc).size());
            DraftDocument earlyDoc = DraftFormat.parse(early);
            measure("redline wd-1 -> head (compare + render)", 3, 15, () -> {
                Redline redline = Redline.compare(earlyDoc, doc);
                return RedlineHtml.render(redline, Language.ZH).length();
            });
            measure("list the full history", 3, 10,
                    () -> store.history(PROJECT, HistoryQuery.page(0, Integer.MAX_VALUE)).size());
        }
    }

    private static void measure(String label, int warmUp, int runs, Supplier<Integer> work) {
        for (int i = 0; i < warmUp; i++) {
            work.get();
        }
        List<Double> ms = new ArrayList<>();
        int result = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            result = work.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%-45s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (result %,d)%n", label,
                ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.get(ms.size() - 1), result);
    }
}
