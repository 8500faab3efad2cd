package org.draftroom.drafts.imports.bench;

import org.draftroom.drafts.imports.DocxImporter;
import org.draftroom.drafts.imports.WordFixtures;
import org.draftroom.drafts.imports.WordImportResult;

/**
 * Imports a Word standard of about 300 pages (built here with POI: heading styles, {@code -Dchapters=58} clauses of
 * 10 subclauses, each with Chinese text, a note, a lettered list and a table) with its preview, and prints the times:
 * wall and the importing thread's CPU, five rounds in one JVM, with {@code uptime} before and after. Where LibreOffice
 * is installed it also counts the document's pages as LibreOffice lays them out (converted to PDF).
 * Run: {@code ./mvnw -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.draftroom.drafts.imports.bench.WordImportBenchmark}.
 */
public final class WordImportBenchmark {

    private static final int CHAPTERS = Integer.getInteger("chapters", 58);

    private WordImportBenchmark() {
    }

    private static String uptime() {
        try {
            return new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** The pages LibreOffice lays the document out on, or -1 without LibreOffice. */
    private static int pages(byte[] docx) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("word-bench-");
            java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("standard.docx"), docx);
            Process p = new ProcessBuilder("soffice", "--headless", "--convert-to", "pdf", "--outdir", dir.toString(),
                    file.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                return -1;
            }
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve("standard.pdf").toFile())) {
                return pdf.getNumberOfPages();
            }
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public static void main(String[] args) {
        byte[] docx = WordFixtures.docx(doc -> {
            WordFixtures.style(doc, "H1", "heading 1", null, 0, null, 0);
            WordFixtures.style(doc, "H2", "heading 2", null, 1, null, 0);
            String sentence = "个人信息控制者应按照本文件的要求处理个人信息，并采取必要的安全措施。";
            for (int c = 1; c <= CHAPTERS; c++) {
                WordFixtures.para(doc, "H1", c + " 第" + c + "章");
                for (int s = 1; s <= 10; s++) {
                    WordFixtures.para(doc, "H2", c + "." + s + " 要求" + s);
                    for (int k = 0; k < 3; k++) {
                        WordFixtures.para(doc, null, sentence.repeat(6));
                    }
                    WordFixtures.para(doc, null, "注：见" + c + "." + (s == 1 ? 2 : 1) + "。");
                    WordFixtures.para(doc, null, "a) 第一项；");
                    WordFixtures.para(doc, null, "b) 第二项。");
                    var t = doc.createTable(3, 3);
                    t.getRow(0).getCell(0).setText("项目");
                }
            }
        });
        System.out.printf("document: %d bytes, %d chapters, %d pages as LibreOffice lays it out%n", docx.length,
                CHAPTERS, pages(docx));
        System.out.println("uptime at start: " + uptime());
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            WordImportResult result = DocxImporter.read(docx, DocxImporter.TrackedChanges.ACCEPTED);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            var word = ((WordImportResult.Accepted) result).result();
            System.out.printf("round %d: wall %d ms, thread CPU %d ms, %d clauses, %d bytes of draft%n", round, ms,
                    cpuMs, word.outline().size(),
                    word.document().text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        System.out.println("uptime at end: " + uptime());
    }
}
