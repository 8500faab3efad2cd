package org.draftroom.drafts.imports.bench;

import org.draftroom.drafts.imports.DocxImporter;
import org.draftroom.drafts.imports.WordFixtures;
import org.draftroom.drafts.imports.WordImportResult;

/**
 * Imports a 300-page Word standard (built here with POI: heading styles, 30 clauses of 10 subclauses, each with
 * about a page of Chinese text, a note, a lettered list and a table) with its preview, and prints the times.
 * Run: {@code ./mvnw -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.draftroom.drafts.imports.bench.WordImportBenchmark}.
 */
public final class WordImportBenchmark {

    private WordImportBenchmark() {
    }

    public static void main(String[] args) {
        byte[] docx = WordFixtures.docx(doc -> {
            WordFixtures.style(doc, "H1", "heading 1", null, 0, null, 0);
            WordFixtures.style(doc, "H2", "heading 2", null, 1, null, 0);
            String sentence = "个人信息控制者应按照本文件的要求处理个人信息，并采取必要的安全措施。";
            for (int c = 1; c <= 30; c++) {
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
        System.out.printf("document: %d bytes%n", docx.length);
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            WordImportResult result = DocxImporter.read(docx, DocxImporter.TrackedChanges.ACCEPTED);
            long ms = (System.nanoTime() - start) / 1_000_000;
            var word = ((WordImportResult.Accepted) result).result();
            System.out.printf("round %d: %d ms, %d clauses, %d bytes of draft%n", round, ms, word.outline().size(),
                    word.document().text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
    }
}
