package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

class StructureChecksTest {

    static List<DraftProblem> check(String markdown) {
        return StructureChecks.check(DraftFormat.parse(markdown));
    }

    static List<String> keys(String markdown) {
        return check(markdown).stream().map(DraftProblem::key).toList();
    }

    @Test
    void a_well_formed_draft_has_no_warnings() throws IOException {
        DraftDocument sample = DraftFormat.parse(Files.readAllBytes(DraftFormatTest.CORPUS.resolve("gbt35273-outline.md")));

        assertThat(StructureChecks.check(sample)).isEmpty();
    }

    @Test
    void elements_out_of_gbt_1_1_order_are_reported() {
        List<DraftProblem> problems = check("""
                # 范围 {#scope}
                # 前言 {#foreword .unnumbered}
                # 术语和定义 {#terms}
                # 规范性引用文件 Normative references {#refs}
                # 附录 {#annex-a .annex .informative}
                # 收集 {#collection}
                # 参考文献 {#bibliography .bibliography}
                """);

        assertThat(problems).extracting(DraftProblem::clauseId, DraftProblem::key, DraftProblem::args).containsExactly(
                tuple("foreword", "draft.check.element-order", List.of("前言", "范围")),
                tuple("refs", "draft.check.element-order", List.of("规范性引用文件 Normative references", "术语和定义")),
                tuple("collection", "draft.check.element-order", List.of("收集", "附录")));
    }

    @Test
    void a_numbered_foreword_is_reported() {
        assertThat(keys("# Foreword {#foreword}\n\nText.\n")).containsExactly("draft.check.front-matter-numbered");
    }

    @Test
    void text_followed_by_subclauses_is_a_hanging_paragraph_with_a_general_subclause_suggested() {
        List<DraftProblem> problems = check("""
                # 范围 {#scope}
                # 收集 {#collection}

                悬置段。

                ## 合法性 {#legality}
                """);

        assertThat(problems).extracting(DraftProblem::clauseId, DraftProblem::key, DraftProblem::args, DraftProblem::line)
                .containsExactly(tuple("collection", "draft.check.hanging-paragraph", List.of("2", "2.1"), 2));
    }

    @Test
    void an_introductory_sentence_before_term_entries_is_not_a_hanging_paragraph() {
        assertThat(check("""
                # 术语和定义 {#terms}

                下列术语和定义适用于本文件。

                ## 个人信息 {#t-pi .term}
                """)).isEmpty();
    }

    @Test
    void requirement_wording_in_foreword_or_introduction_is_reported_once_per_word() {
        List<DraftProblem> problems = check("""
                # 前言 {#foreword .unnumbered}

                本文件的应用范围见第1章。相应的要求、响应时间不在此列。
                使用者应当注意，也应注意。必须如此。

                # Introduction {#introduction .unnumbered}

                Users shall read this. They MUST. Mustard is fine.

                # 范围 {#scope}

                本文件规定了应遵循的原则。
                """);

        assertThat(problems).extracting(DraftProblem::clauseId, DraftProblem::args).containsExactly(
                tuple("foreword", List.of("前言", "应")),
                tuple("foreword", List.of("前言", "必须")),
                tuple("introduction", List.of("Introduction", "shall")),
                tuple("introduction", List.of("Introduction", "MUST")));
        assertThat(problems).extracting(DraftProblem::key).containsOnly("draft.check.requirement-in-preface");
    }

    @Test
    void annexes_need_exactly_one_normative_or_informative_mark() {
        List<DraftProblem> problems = check("""
                # 范围 {#scope}
                # 示例 {#annex-a .annex}
                # 要求 {#annex-b .annex .normative .informative}
                # 对 {#annex-c .annex .normative}
                ## 不在顶层 {#annex-c-1 .annex}
                ## 没有附录 {#annex-c-2 .informative}
                """);

        assertThat(problems).extracting(DraftProblem::key, DraftProblem::args).containsExactly(
                tuple("draft.check.annex-without-mark", List.of("A")),
                tuple("draft.check.annex-with-both-marks", List.of("B")),
                tuple("draft.check.annex-not-top-level", List.of("不在顶层")),
                tuple("draft.check.mark-without-annex", List.of("没有附录")));
    }

    @Test
    void cross_references_to_missing_ids_are_reported_with_their_line() {
        List<DraftProblem> problems = check("# 范围 {#scope}\n\n见[](#scope)和[](#gone)。\n");

        assertThat(problems).containsExactly(
                new DraftProblem("scope", 3, "draft.check.broken-reference", List.of("gone", 3)));
    }

    @Test
    void duplicate_ids_are_reported_at_the_second_heading() {
        assertThat(check("# 范围 {#scope}\n# 范围 {#scope}\n")).containsExactly(
                new DraftProblem("scope", 2, "draft.check.duplicate-id", List.of("scope", 2)));
    }

    @Test
    void missing_invalid_ids_unknown_classes_and_attributes_are_reported() {
        assertThat(check("# 范围\n# 收集 {#Bad_Id .fancy data-x=1}\n"))
                .extracting(DraftProblem::key, DraftProblem::args).containsExactly(
                        tuple("draft.check.missing-id", List.of("范围", 1)),
                        tuple("draft.check.invalid-id", List.of("Bad_Id", 2)),
                        tuple("draft.check.unknown-class", List.of("fancy", 2)),
                        tuple("draft.check.unknown-attribute", List.of("data-x=1", 2)));
    }

    @Test
    void a_heading_more_than_one_level_deeper_than_the_previous_is_reported() {
        assertThat(check("# 范围 {#scope}\n### 太深 {#deep}\n")).extracting(DraftProblem::key, DraftProblem::args)
                .containsExactly(tuple("draft.check.level-skip", List.of("太深", 2)));
    }
}
