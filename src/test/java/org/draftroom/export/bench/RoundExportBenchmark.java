package org.draftroom.export.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.draftroom.DraftroomApplication;
import org.draftroom.comments.anchoring.Anchor;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.data.CommentRepository;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.export.ExportService;
import org.draftroom.export.RoundExportService;
import org.draftroom.rounds.data.DispositionRepository;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.SignedIn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    private static final String SAMPLE = "gbt-35273";
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final List<MemoryPoolMXBean> HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();

    private RoundExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("round-export-benchmark");
        ConfigurableApplicationContext context = new SpringApplication(DraftroomApplication.class).run(
                "--spring.profiles.active=test,demo", "--draftroom.data-dir=" + dir.resolve("data"),
                "--draftroom.drafts-repo=" + dir.resolve("repo"), "--draftroom.demo.rounds=false",
                "--server.port=0");
        try {
            run(context);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context) {
        UserDetailsService users = context.getBean(UserDetailsService.class);
        SignedIn.as(users, "secretariat");
        RoundService rounds = context.getBean(RoundService.class);
        RoundRepository roundRepository = context.getBean(RoundRepository.class);
        Set<Long> invited = Set.of(roundRepository.organisationByCode("CN-ABC").orElseThrow().id());
        Round round = rounds.schedule(new RoundForm(SAMPLE, 9, "征求意见稿", "cd-1", "bench-round",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)), "",
                Audience.INVITED, invited, true));
        NumberedOutline outline = context.getBean(DraftService.class).open(SAMPLE, round.commitId()).outline();
        List<Clause> clauses = outline.document().clauses().stream().filter(c -> !c.id().isEmpty()).toList();
        CurrentUser me = context.getBean(Access.class).current();
        CommentRepository comments = context.getBean(CommentRepository.class);
        DispositionRepository dispositions = context.getBean(DispositionRepository.class);
        Random random = new Random(20240802L);
        long t0 = System.nanoTime();
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(s -> {
            for (int i = 0; i < COMMENTS; i++) {
                String org = String.format("ORG-%03d", i % ORGANISATIONS);
                Anchor anchor = i % 10 == 0 ? Anchor.general(round.commitId())
                        : Anchor.onClause(outline, clauses.get(random.nextInt(clauses.size())).id(), round.commitId());
                long id = comments.insert(new CommentRepository.NewComment(SAMPLE, round.id(),
                        String.format("%s-%03d", org, i / ORGANISATIONS + 1), me.id(), null, org,
                        CommentType.values()[i % 3], chinese(random, 50 + random.nextInt(150)) + "\n第二行说明。",
                        chinese(random, 20 + random.nextInt(60)), Placement.initial(anchor), round.commitId(), false,
                        Instant.now()));
                Disposition d = Disposition.values()[i % 4];
                dispositions.decide(id, round.id(), d, d.needsReason() ? chinese(random, 30) : null, null,
                        "secretariat", Instant.now());
            }
        });
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
        org.draftroom.comments.service.CommentService commentService = context.getBean(
                org.draftroom.comments.service.CommentService.class);
        org.draftroom.comments.domain.CommentFilter filter = org.draftroom.comments.domain.CommentFilter.all()
                .withRoundId(round.id()).withTypes(Set.of(CommentType.values()));
        for (int r = 0; r < 3; r++) {
            long cpu = THREAD.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            int n = service.rows(round.id()).size();
            System.out.printf("  breakdown: DispositionService.rows (%,d rows) %.2f s wall, %.2f s CPU%n", n,
                    (System.nanoTime() - t) / 1e9, (THREAD.getCurrentThreadCpuTime() - cpu) / 1e9);
            t = System.nanoTime();
            commentService.find(SAMPLE, null, filter, 0, 500);
            System.out.printf("  breakdown: one page of 500 at offset 0 (latest) %.3f s%n", (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            commentService.find(SAMPLE, null, filter, 9500, 500);
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

    private static String chinese(Random random, int length) {
        String pool = "个人信息控制者应当明示收集使用目的方式和范围并经个人信息主体同意建议修改为条款要求不明确";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(pool.charAt(random.nextInt(pool.length())));
        }
        return s.toString();
    }
}
