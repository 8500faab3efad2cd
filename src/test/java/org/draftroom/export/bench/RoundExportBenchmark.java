package org.draftroom.export.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.draftroom.bench.BenchApplication;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.export.ExportService;
import org.draftroom.export.RoundExportService;
import org.draftroom.rounds.bench.LargeRound;
import org.draftroom.rounds.domain.Round;
import org.draftroom.security.SignedIn;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Times the disposition table of a 10,000-comment round as XLSX through the real service path: the application
 * (embedded PostgreSQL, Git, security), {@link RoundExportService#dispositionTable} as the secretariat, which reads the
 * round's comments and dispositions from the database, places them in the frozen version, checks that none is open
 * and streams the table through {@code DispositionTableWriter}. The round is opened on the GB/T 35273 sample; its
 * 10,000 comments from 200 organisations (Chinese texts of 50-200 characters, proposed change, a disposition with a
 * reason for all but accepted ones) are stored through the repositories in one transaction. One cold run, then
 * {@value #RUNS} warm runs; wall time, CPU time of the calling thread, file size and peak heap (sum of the heap pools'
 * peaks after a GC and a reset). Not a test; prints its figures, written down in {@code docs/benchmarks.md}.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx512m -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.draftroom.export.bench.RoundExportBenchmark
 * </pre>
 */
public final class RoundExportBenchmark {

    private static final int COMMENTS = 10_000;
    private static final int ORGANISATIONS = 200;
    private static final int RUNS = 5;
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final List<MemoryPoolMXBean> HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();

    private RoundExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchApplication.run("round-export-benchmark", RoundExportBenchmark::run);
    }

    private static void run(ConfigurableApplicationContext context) {
        UserDetailsService users = context.getBean(UserDetailsService.class);
        SignedIn.as(users, "secretariat");
        long t0 = System.nanoTime();
        Round round = LargeRound.create(context, 9, COMMENTS, ORGANISATIONS, true);
        System.out.printf("%,d comments with dispositions stored in %,d ms%n", COMMENTS,
                (System.nanoTime() - t0) / 1_000_000);
        RoundExportService exports = context.getBean(RoundExportService.class);
        ExportService.ExportFile[] first = new ExportService.ExportFile[1];
        measure("cold", () -> first[0] = exports.dispositionTable(round.id(), RoundExportService.TableFormat.XLSX,
                Locale.SIMPLIFIED_CHINESE));
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(first[0].content()))) {
            int rows = wb.getSheetAt(0).getLastRowNum();
            System.out.printf("rows in the table: %,d%n", rows);
            if (rows != COMMENTS) {
                throw new IllegalStateException("expected " + COMMENTS + " rows, got " + rows);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Double> walls = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            walls.add(measure("warm " + (r + 1), () -> exports.dispositionTable(round.id(),
                    RoundExportService.TableFormat.XLSX, Locale.SIMPLIFIED_CHINESE)));
        }
        Collections.sort(walls);
        org.draftroom.rounds.service.DispositionService service = context.getBean(
                org.draftroom.rounds.service.DispositionService.class);
        org.draftroom.comments.service.CommentReader commentReader = context.getBean(
                org.draftroom.comments.service.CommentReader.class);
        org.draftroom.comments.domain.CommentFilter filter = org.draftroom.comments.domain.CommentFilter.all()
                .withRoundId(round.id()).withTypes(Set.of(CommentType.values()));
        for (int r = 0; r < 3; r++) {
            long cpu = THREAD.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            int n = service.rows(round.id()).size();
            System.out.printf("  breakdown: DispositionService.rows (%,d rows) %.2f s wall, %.2f s CPU%n", n,
                    (System.nanoTime() - t) / 1e9, (THREAD.getCurrentThreadCpuTime() - cpu) / 1e9);
            t = System.nanoTime();
            commentReader.find(LargeRound.SAMPLE, null, filter, 0, 500);
            System.out.printf("  breakdown: one page of 500 at offset 0 (latest) %.3f s%n", (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            commentReader.find(LargeRound.SAMPLE, null, filter, 9500, 500);
            System.out.printf("  breakdown: one page of 500 at offset 9,500 (latest) %.3f s%n",
                    (System.nanoTime() - t) / 1e9);
        }
        System.out.printf("warm p50 %.2f s, max %.2f s; load average %.1f%n", walls.get(walls.size() / 2),
                walls.get(walls.size() - 1), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double measure(String label, java.util.function.Supplier<ExportService.ExportFile> export) {
        System.gc();
        HEAP.forEach(MemoryPoolMXBean::resetPeakUsage);
        long cpu = THREAD.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        ExportService.ExportFile file = export.get();
        double wall = (System.nanoTime() - t) / 1e9;
        double cpuS = (THREAD.getCurrentThreadCpuTime() - cpu) / 1e9;
        long peak = HEAP.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%s: %.2f s wall, %.2f s thread CPU, %,d KB, peak heap %,d MB%n", label, wall, cpuS,
                file.content().length / 1024, peak / (1024 * 1024));
        return wall;
    }
}
