package org.draftroom.rounds.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.draftroom.bench.BenchApplication;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.domain.SheetPreview;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.rounds.service.SheetService;
import org.draftroom.security.SignedIn;
import org.draftroom.sheets.IsoTemplateWriter;
import org.draftroom.sheets.IsoXlsxWriter;
import org.draftroom.sheets.SheetRow;
import org.draftroom.sheets.TestSheets;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A reviewer imports a {@value #ROWS}-row comment sheet into an open round through {@link SheetService}, as the
 * upload dialog does: the preview (read the file, check every row, resolve its clause number in the frozen version,
 * check the file was not imported before) and the import (every row a comment, in one transaction). Three formats:
 * the ISO/IEC template as DOCX (written into the real blank template) and as XLSX, and the Chinese feedback form
 * (XLSX: 序号, 章节号, 原文, 修改后内容, 理由). Rows carry Chinese texts of 50-200 characters on random numbered
 * clauses of the GB/T 35273 sample (tag cd-1). {@value #RUNS} files per format, each different (the same file is
 * refused the second time). Target: under 5 s for preview and import together. Not a test; prints its figures,
 * written down in {@code docs/benchmarks.md}.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.draftroom.rounds.bench.SheetImportBenchmark
 * </pre>
 */
public final class SheetImportBenchmark {

    private static final int ROWS = 1_000;
    private static final int RUNS = 3;

    private SheetImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchApplication.run("sheet-import-benchmark", SheetImportBenchmark::run);
    }

    private static void run(ConfigurableApplicationContext context) throws IOException {
        UserDetailsService users = context.getBean(UserDetailsService.class);
        RoundService rounds = context.getBean(RoundService.class);
        SheetService sheets = context.getBean(SheetService.class);
        SignedIn.as(users, "secretariat");
        long abc = context.getBean(RoundRepository.class).organisationByCode("CN-ABC").orElseThrow().id();
        Round round = context.getBean(RoundLifecycleService.class).schedule(new RoundForm(LargeRound.SAMPLE, 9,
                "征求意见稿", "cd-1", "bench-sheets",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)), "",
                Audience.INVITED, Set.of(abc), true));
        List<String> numbers = rounds.frozenDraft(round.id()).outline().clauses().stream()
                .map(NumberedClause::number).filter(n -> n != null && !n.isBlank()).toList();
        SignedIn.as(users, "reviewer1");

        Random random = new Random(7);
        for (String format : List.of("ISO DOCX", "ISO XLSX", "Chinese XLSX")) {
            for (int run = 1; run <= RUNS; run++) {
                List<SheetRow> rows = rows(random, numbers);
                byte[] file = switch (format) {
                    case "ISO DOCX" -> isoDocx(rows);
                    case "ISO XLSX" -> isoXlsx(rows);
                    default -> chineseForm(rows);
                };
                String name = format.startsWith("Chinese") ? "反馈意见表.xlsx"
                        : format.endsWith("DOCX") ? "comments.docx" : "comments.xlsx";
                long t0 = System.nanoTime();
                SheetPreview preview = sheets.preview(round.id(), name, file);
                long t1 = System.nanoTime();
                if (!preview.importable() || preview.rows().size() != ROWS) {
                    throw new IllegalStateException(format + ": preview of " + preview.rows().size()
                            + " rows, importable " + preview.importable() + ", " + preview.fileProblems());
                }
                int imported = sheets.importSheet(round.id(), preview);
                long t2 = System.nanoTime();
                System.out.printf("%-13s run %d: %,d KB, %,d rows: preview %5.0f ms, import %5.0f ms,"
                        + " total %5.0f ms%n", format, run, file.length / 1024, imported, (t1 - t0) / 1e6,
                        (t2 - t1) / 1e6, (t2 - t0) / 1e6);
            }
        }
        System.out.printf("load average %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static List<SheetRow> rows(Random random, List<String> numbers) {
        List<SheetRow> rows = new ArrayList<>(ROWS);
        String[] types = {"ge", "te", "ed"};
        for (int i = 0; i < ROWS; i++) {
            rows.add(new SheetRow(i + 1, "CN", numbers.get(random.nextInt(numbers.size())), "",
                    types[i % 3], LargeRound.chinese(random, 50 + random.nextInt(150)),
                    LargeRound.chinese(random, 20 + random.nextInt(60)), ""));
        }
        return rows;
    }

    private static byte[] isoDocx(List<SheetRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IsoTemplateWriter.write(rows, out);
        return out.toByteArray();
    }

    private static byte[] isoXlsx(List<SheetRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IsoXlsxWriter.write(rows, out);
        return out.toByteArray();
    }

    private static byte[] chineseForm(List<SheetRow> rows) throws IOException {
        return TestSheets.chineseForm(rows.stream().map(r -> new String[] {String.valueOf(r.rowNumber()), r.clause(), "",
                r.proposedChange(), r.comment()}).toArray(String[][]::new));
    }
}
