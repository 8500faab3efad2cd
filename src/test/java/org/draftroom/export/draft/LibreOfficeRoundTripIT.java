package org.draftroom.export.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Redline;
import org.draftroom.drafts.domain.RedlineHtml;
import org.draftroom.drafts.imports.WordImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our Word export edited in LibreOffice, as an editor working offline would, and imported back: exactly those edits,
 * and nothing else, are the new version's changes. The edits are made by a script driving LibreOffice through UNO
 * ({@code src/test/resources/libreoffice/edit.py}: replace words, delete a paragraph, type a new one) and LibreOffice
 * saves the file, so the Word file is LibreOffice's writing, not ours. Needs LibreOffice Writer and its Python bridge
 * ({@code .ci/run} installs them); skipped with a message where they are missing.
 */
class LibreOfficeRoundTripIT {

    @TempDir Path dir;

    @Test
    void edits_made_in_libreoffice_come_back_as_exactly_those_edits() throws Exception {
        assumeTrue(libreOfficeWithPython(), "LibreOffice Writer with python3-uno is not installed: apt-get install "
                + "libreoffice-writer-nogui python3-uno (the CI installs them)");
        DraftExport export = Samples.forComments();
        DraftDocument original = export.document();
        Path exported = Files.write(dir.resolve("exported.docx"), DraftExports.docx(export));
        Path script = dir.resolve("edit.py");
        try (var in = LibreOfficeRoundTripIT.class.getResourceAsStream("/libreoffice/edit.py")) {
            Files.copy(in, script);
        }
        Files.writeString(dir.resolve("edits.json"), """
                [{"op": "replace", "find": "应遵循的基本原则", "with": "应遵循的基本原则和总体要求"},
                 {"op": "delete-paragraph", "find": "自身不能接触所处理数据的，不视为收集"},
                 {"op": "insert-paragraph-after", "find": "由个人信息识别或与个人信息相关联的自然人。",
                  "text": "个人信息主体包括未成年人。"}]""", StandardCharsets.UTF_8);
        Path edited = dir.resolve("edited.docx");
        run(List.of(python(), script.toString(), exported.toString(), edited.toString(),
                dir.resolve("edits.json").toString()));

        WordImport back = WordRoundTripTest.imported(Files.readAllBytes(edited));
        assertThat(WordRoundTripTest.tree(back.document())).as("the same clauses, ids and titles")
                .isEqualTo(WordRoundTripTest.tree(original));
        Map<String, String> changed = new LinkedHashMap<>();
        for (int i = 0; i < original.clauses().size(); i++) {
            Clause o = original.clauses().get(i);
            Clause b = back.document().clauses().get(i);
            if (!WordRoundTripTest.normal(b.body()).equals(WordRoundTripTest.normal(o.body()))) {
                changed.put(o.id(), WordRoundTripTest.normal(b.body()));
            }
        }
        assertThat(changed).as("only the three edited clauses changed").containsOnlyKeys("scope", "t-collect",
                "t-subject");
        assertThat(changed.get("scope")).isEqualTo(WordRoundTripTest.normal(original.require("scope").body()
                .replace("应遵循的基本原则", "应遵循的基本原则和总体要求")));
        assertThat(changed.get("t-collect")).isEqualTo(WordRoundTripTest.normal(original.require("t-collect").body()
                .replaceAll("\\n注：组织仅向用户提供[^\\n]*\\n", "\n")));
        assertThat(changed.get("t-subject")).isEqualTo(WordRoundTripTest.normal(original.require("t-subject").body()
                .replace("相关联的自然人。", "相关联的自然人。\n\n个人信息主体包括未成年人。")));

        // The redline between the two versions shows those edits: inserted and deleted words in those clauses only.
        String redline = RedlineHtml.render(Redline.compare(original, back.document()),
                org.draftroom.drafts.domain.Language.ZH);
        assertThat(redline).contains("和总体要求", "个人信息主体包括未成年人。", "自身不能接触所处理数据的");
    }

    /** LibreOffice's Python bridge lives in the system's Python, which a Python version manager may hide. */
    private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");

    private static String python() {
        for (String python : PYTHONS) {
            try {
                if (exit(List.of(python, "-c", "import uno")) == 0) {
                    return python;
                }
            } catch (IOException e) {
                // not this one
            }
        }
        return null;
    }

    private static boolean libreOfficeWithPython() {
        try {
            return exit(List.of("soffice", "--version")) == 0 && python() != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static int exit(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path log = dir.resolve("libreoffice.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    }
}
