package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Plain Markdown as other bodies write it: typed numbers, annex headings, numbered terms and introductions. */
class PlainMarkdownImportTest {

    private static ImportResult.Accepted importText(String text, ImportOptions options) {
        return (ImportResult.Accepted) DraftImporter.importMarkdown(text.getBytes(StandardCharsets.UTF_8), options);
    }

    @Test
    void typed_numbers_with_or_without_full_stop_space_ideographic_space_or_tab_are_dropped_from_titles() {
        ImportResult.Accepted result = importText("""
                # 1. 范围
                # 2 规范性引用文件
                # 3\t术语和定义
                # 4　要求
                ## 4.1. 总则
                ## 4.2.一般要求
                ### 4.2.1 细则
                """, ImportOptions.DEFAULT);

        assertThat(result.document().clauses()).extracting(Clause::title).containsExactly(
                "范围", "规范性引用文件", "术语和定义", "要求", "总则", "一般要求", "细则");
        assertThat(result.numberMismatches()).isEmpty();
        assertThat(result.generatedIds()).hasSize(7);
    }

    @Test
    void appendix_annex_and_fulu_headings_open_annexes_with_their_marks() {
        ImportResult.Accepted result = importText("""
                # 1 范围
                # Appendix A. Examples
                ## A.1. First
                # Annex B
                # 附录C
                # 附录 D（规范性）测试方法
                # Annex E (informative) Mapping
                """, ImportOptions.DEFAULT);

        assertThat(result.document().clauses()).extracting(Clause::headingLine).containsExactly(
                "# 范围 {#scope}",
                "# Examples {#annex-a .annex}",
                "## First {#first}",
                "# Annex B {#annex-b .annex}",
                "# 附录C {#annex-c .annex}",
                "# 测试方法 {#annex-d .annex .normative}",
                "# Mapping {#annex-e .annex .informative}");
        assertThat(result.numberMismatches()).isEmpty();
    }

    @Test
    void a_numbered_terms_clause_yields_term_entries_as_the_unnumbered_form_does() {
        String numbered = "# 1 范围\n# 2 规范性引用文件\n# 3 术语和定义\n## 3.1 个人信息 personal information\n\n定义。\n";
        String plain = "# 范围\n# 规范性引用文件\n# 术语和定义\n## 个人信息 personal information\n\n定义。\n";

        ImportResult.Accepted fromNumbered = importText(numbered, ImportOptions.DEFAULT);
        ImportResult.Accepted fromPlain = importText(plain, ImportOptions.DEFAULT);

        assertThat(fromNumbered.document()).isEqualTo(fromPlain.document());
        assertThat(fromNumbered.document().clauses().get(3).is(ClauseClass.TERM)).isTrue();
        assertThat(fromNumbered.warnings()).isEqualTo(fromPlain.warnings());
    }

    @Test
    void an_introduction_typed_as_clause_1_is_reported_clause_by_clause_and_can_be_kept_numbered() {
        String text = "# 1 Introduction\n\nWhy.\n\n# 2 Scope\n\nWhat.\n\n# 3 Requirements\n\n## 3.1 General\n\nText.\n";

        ImportResult.Accepted asIntroduction = importText(text, ImportOptions.DEFAULT);
        ImportResult.Accepted asClause = importText(text, new ImportOptions(true));

        assertThat(asIntroduction.typedIntroduction()).isTrue();
        assertThat(asIntroduction.numberMismatches()).extracting(NumberMismatch::title, NumberMismatch::typed,
                NumberMismatch::computed).containsExactly(
                tuple("Introduction", "1", ""), tuple("Scope", "2", "1"), tuple("Requirements", "3", "2"),
                tuple("General", "3.1", "2.1"));
        assertThat(asClause.numberMismatches()).isEmpty();
        assertThat(asClause.document().clauses().get(0).is(ClauseClass.UNNUMBERED)).isFalse();
    }
}
