package org.draftroom.export.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.GitDraftStore;
import org.draftroom.drafts.storage.seed.LargeProjectGenerator;
import org.draftroom.drafts.storage.seed.SeedClock;
import org.draftroom.export.draft.CoverStage;
import org.draftroom.export.draft.DraftExport;
import org.draftroom.export.draft.DraftExports;
import org.draftroom.sheets.DispositionTableRow;
import org.draftroom.sheets.DispositionTableWriter;

/**
 * Measures the exports a secretariat waits for: the large sample project (head version, 312,000 characters, 426
 * clauses, as a Chinese draft for comments) as DOCX and as PDF, and the disposition table of a 10,000-comment round as
 * XLSX. For each: the first (cold) run, then p50/max of the warm runs, in wall time and in CPU time of the exporting
 * thread (what a shared machine's load does not inflate much; GC and JIT threads are not in it), the output size, and
 * the peak heap during the run (sum of the heap pools' peak usage after a GC and a peak reset, so an upper bound of what the export needed on
 * top of what was live before). Not a test: it prints its figures, which are written down in
 * {@code docs/benchmarks.md}.
 *
 * <p>Run from the project root:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.draftroom.export.bench.ExportBenchmark [work-dir]
 * </pre>
 * The work directory (default: a new temporary directory) receives the generated repository; an existing one is
 * reused. {@code --bounded} instead of a directory writes 100,000 rows with whatever heap is given (see
 * {@link #bounded()}).
 */
public final class ExportBenchmark {

    private static final String PROJECT = LargeProjectGenerator.PROJECT_ID;
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final List<MemoryPoolMXBean> HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--bounded")) {
            bounded();
            return;
        }
        Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("export-bench");
        SeedClock clock = new SeedClock(Instant.parse("2024-01-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
        DraftDocument doc;
        try (GitDraftStore store = new GitDraftStore(work, clock)) {
            if (!store.projectExists(PROJECT)) {
                long t = System.nanoTime();
                new LargeProjectGenerator(LargeProjectGenerator.DEFAULT_SEED).generate(store, PROJECT, clock);
                System.out.printf("generated the large project in %.1f s%n", (System.nanoTime() - t) / 1e9);
            }
            doc = DraftFormat.parse(store.readBytes(PROJECT, "main", DraftStore.DRAFT_FILE).orElseThrow());
        }
        System.out.printf("draft: %,d characters, %,d clauses; max heap %,d MB; %d cores; load %.1f%n",
                doc.text().length(), doc.clauses().size(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Project project = new Project(PROJECT, "TC260-PG-20240A", "网络安全标准实践指南 大型示例草案",
                "Cybersecurity standard practice guideline — large sample draft", DocumentType.GB_T, "WG7",
                Stage.CONSULTATION, "30.20", "CESI", Instant.parse("2024-08-01T00:00:00Z"));
        DraftExport export = new DraftExport(project, "head", doc,
                Optional.of(CoverStage.draftForComments(Language.ZH, LocalDate.of(2024, 8, 1))), Language.ZH,
                LocalDate.of(2024, 8, 2));

        measure("DOCX of the large project (target < 5 s)", 5, () -> DraftExports.docx(export).length);
        measure("PDF of the large project (target < 10 s)", 3, () -> DraftExports.pdf(export).length);
        List<DispositionTableRow> rows = dispositions(10_000);
        measure("disposition table XLSX, 10,000 rows (target < 3 s)", 5, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                DispositionTableWriter.write(rows, Locale.SIMPLIFIED_CHINESE, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.size();
        });
    }

    /**
     * Memory stays bounded: 100,000 rows (the 10,000 rows ten times, produced lazily) streamed to a file. Run with a
     * small heap, e.g. {@code java -Xmx96m ... ExportBenchmark --bounded}; it fails with OutOfMemoryError if the writer
     * held the rows.
     */
    private static void bounded() throws IOException {
        List<DispositionTableRow> rows = dispositions(10_000);
        Iterable<DispositionTableRow> all = () -> java.util.stream.IntStream.range(0, 10).boxed()
                .flatMap(i -> rows.stream()).iterator();
        Path file = Files.createTempFile("dispositions", ".xlsx");
        try {
            long t = System.nanoTime();
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
                DispositionTableWriter.write(all, Locale.SIMPLIFIED_CHINESE, out);
            }
            System.out.printf("disposition table XLSX, 100,000 rows to a file: %,.0f ms, %,d KB, max heap %,d MB%n",
                    (System.nanoTime() - t) / 1e6, Files.size(file) / 1024, Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Comments of a round from 200 organisations, with Chinese texts of realistic length. */
    static List<DispositionTableRow> dispositions(int n) {
        Random random = new Random(20241001L);
        String sentence = "建议明确个人信息控制者在收集个人敏感信息前应当取得个人信息主体的单独同意，并说明处理目的、方式和范围。";
        String[] dispositions = {"采纳", "部分采纳", "未采纳", "不涉及"};
        List<DispositionTableRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int org = random.nextInt(200);
            String clause = (4 + random.nextInt(8)) + "." + (1 + random.nextInt(6));
            String comment = sentence.repeat(1 + random.nextInt(4)) + "\n" + "See also clause " + clause + ".";
            String disposition = dispositions[random.nextInt(dispositions.length)];
            rows.add(new DispositionTableRow("CN-O%03d-%03d".formatted(org, i % 1000), "CN-O%03d".formatted(org), clause,
                    random.nextInt(10) == 0 ? "" : clause, new String[] {"ge", "te", "ed"}[random.nextInt(3)],
                    comment, sentence.substring(0, 20 + random.nextInt(30)), disposition,
                    "采纳".equals(disposition) ? "" : "与GB/T 35273—2020第5.4条的要求一致，保持原文。", "a1b2c3d"));
        }
        return rows;
    }

    private static void measure(String label, int warmRuns, Supplier<Integer> work) {
        long baseline = settle();
        long t = System.nanoTime();
        long cpu = THREAD.getCurrentThreadCpuTime();
        int size = work.get();
        double cold = (System.nanoTime() - t) / 1e6;
        double coldCpu = (THREAD.getCurrentThreadCpuTime() - cpu) / 1e6;
        long coldPeak = peak();
        List<Double> ms = new ArrayList<>();
        List<Double> cpuMs = new ArrayList<>();
        long warmPeak = 0;
        for (int i = 0; i < warmRuns; i++) {
            settle();
            t = System.nanoTime();
            cpu = THREAD.getCurrentThreadCpuTime();
            work.get();
            ms.add((System.nanoTime() - t) / 1e6);
            cpuMs.add((THREAD.getCurrentThreadCpuTime() - cpu) / 1e6);
            warmPeak = Math.max(warmPeak, peak());
        }
        Collections.sort(ms);
        Collections.sort(cpuMs);
        System.out.printf("%s%n  wall: cold %,.0f ms, warm p50 %,.0f ms, max %,.0f ms (%d runs); thread CPU: cold %,.0f ms,"
                + " warm p50 %,.0f ms; %,d KB; heap live before %,d MB, peak cold %,d MB, peak warm %,d MB; load %.1f%n",
                label, cold, ms.get(ms.size() / 2), ms.get(ms.size() - 1), warmRuns, coldCpu,
                cpuMs.get(cpuMs.size() / 2), size / 1024, baseline >> 20, coldPeak >> 20, warmPeak >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Collects garbage, resets the peaks and returns the heap in use. */
    private static long settle() {
        System.gc();
        System.gc();
        HEAP.forEach(MemoryPoolMXBean::resetPeakUsage);
        return HEAP.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static long peak() {
        return HEAP.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
