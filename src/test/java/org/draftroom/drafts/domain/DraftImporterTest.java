package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class DraftImporterTest {

    static ImportResult importText(String text) {
        return DraftImporter.importMarkdown(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<DraftProblem> problems(ImportResult result) {
        assertThat(result).isInstanceOf(ImportResult.Rejected.class);
        return ((ImportResult.Rejected) result).problems();
    }

    static DraftDocument accepted(ImportResult result) {
        assertThat(result).isInstanceOf(ImportResult.Accepted.class);
        return ((ImportResult.Accepted) result).document();
    }

    @Test
    void a_valid_draft_is_accepted_unchanged() throws IOException {
        byte[] bytes = Files.readAllBytes(DraftFormatTest.CORPUS.resolve("gbt35273-outline.md"));

        ImportResult result = DraftImporter.importMarkdown(bytes);

        assertThat(accepted(result).toBytes()).isEqualTo(bytes);
        assertThat(((ImportResult.Accepted) result).warnings()).isEmpty();
    }

    @Test
    void plain_markdown_headings_get_ids_and_gbt_conventions() {
        DraftDocument document = accepted(importText("""
                # 前言

                本文件按照GB/T 1.1—2020的规定起草。

                # 1 范围

                # 2 Normative references

                # 术语和定义

                ## 3.1 个人信息 personal information

                # 收集

                ## 5.1 收集

                # 附录A（资料性）个人信息示例

                ## A.1 判定

                # Annex B (normative) Requirements

                # 参考文献
                """));

        assertThat(document.clauses()).extracting(Clause::headingLine).containsExactly(
                "# 前言 {#foreword .unnumbered}",
                "# 范围 {#scope}",
                "# Normative references {#normative-references}",
                "# 术语和定义 {#terms}",
                "## 个人信息 personal information {#personal-information .term}",
                "# 收集 {#c-1}",
                "## 收集 {#c-2}",
                "# 个人信息示例 {#annex-a .annex .informative}",
                "## 判定 {#c-3}",
                "# Requirements {#annex-b .annex .normative}",
                "# 参考文献 {#bibliography .bibliography}");
        assertThat(document.text()).contains("本文件按照GB/T 1.1—2020的规定起草。\n\n# 范围 {#scope}\n");
    }

    @Test
    void assigned_ids_never_collide_with_ids_written_later_in_the_file() {
        DraftDocument document = accepted(importText("# Scope\n# Other {#scope}\n"));

        assertThat(document.clauses()).extracting(Clause::id).containsExactly("scope-2", "scope");
    }

    @Test
    void files_over_2_mib_are_refused_stating_the_limit() {
        byte[] big = new byte[DraftImporter.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');

        assertThat(problems(DraftImporter.importMarkdown(big))).containsExactly(
                new DraftProblem("", 0, "draft.import.too-large", List.of(DraftImporter.MAX_BYTES + 1, 2097152)));
    }

    @Test
    void a_draft_nesting_quotes_or_lists_deeper_than_the_limit_is_refused_before_it_is_parsed() {
        byte[] deep = ("# 范围 {#scope}\n\n" + ">".repeat(50_000) + " deep\n").getBytes(StandardCharsets.UTF_8);

        assertThat(problems(DraftImporter.importMarkdown(deep))).containsExactly(
                new DraftProblem("", 0, "draft.import.too-deep", List.of(MarkdownNesting.MAX)));
        assertThat(DraftImporter.importMarkdown(("# 范围 {#scope}\n\n> > - quoted list\n")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(ImportResult.Accepted.class);
    }

    @Test
    void invalid_utf8_is_refused_with_its_line() {
        byte[] gbk = "# 范围 {#scope}\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(gbk, gbk.length + 2);
        bytes[gbk.length] = (byte) 0xB7;
        bytes[gbk.length + 1] = (byte) 0xB6;

        assertThat(problems(DraftImporter.importMarkdown(bytes))).containsExactly(
                new DraftProblem("", 3, "draft.format.invalid-utf8", List.of(gbk.length, 3)));
    }

    @Test
    void duplicate_ids_unknown_attributes_and_broken_references_are_all_reported_with_lines() {
        List<DraftProblem> problems = problems(importText("""
                # 范围 {#scope}

                见[](#missing)。

                # 收集 {#scope .fancy}

                ## 细则 {.term data-x=1}
                """));

        assertThat(problems).extracting(DraftProblem::line, DraftProblem::key, DraftProblem::args).containsExactly(
                tuple(3, "draft.check.broken-reference", List.of("missing", 3)),
                tuple(5, "draft.check.duplicate-id", List.of("scope", 5)),
                tuple(5, "draft.check.unknown-class", List.of("fancy", 5)),
                tuple(7, "draft.check.unknown-attribute", List.of("data-x=1", 7)));
    }

    @Test
    void malformed_ids_are_refused() {
        assertThat(problems(importText("# 范围 {#Scope_1}\n"))).extracting(DraftProblem::key)
                .containsExactly("draft.check.invalid-id");
    }

    @Test
    void structure_findings_come_back_as_warnings_on_an_accepted_file() {
        ImportResult result = importText("# 收集 {#collection}\n\n悬置段。\n\n## 合法性 {#legality}\n");

        assertThat(((ImportResult.Accepted) result).warnings()).extracting(DraftProblem::key)
                .containsExactly("draft.check.hanging-paragraph");
    }
}
