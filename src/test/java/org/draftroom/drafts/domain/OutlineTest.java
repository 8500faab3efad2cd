package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OutlineTest {

    static final String DRAFT = """
            # 范围 Scope {#scope}

            范围正文。

            # 收集 Collection {#collection}

            ## 合法性 Legality {#legality}

            合法性正文。

            ### 细则 {#legality-details}

            ## 最小必要 {#minimum}

            # 存储 Storage {#storage}
            """;

    final DraftDocument document = DraftFormat.parse(DRAFT);

    static List<String> outline(DraftDocument d) {
        return d.clauses().stream().map(c -> c.level() + ":" + c.id()).toList();
    }

    static void assertRefused(Runnable operation, String key) {
        assertThatThrownBy(operation::run).isInstanceOfSatisfying(DraftException.class,
                e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void adding_after_a_clause_places_a_sibling_after_its_subclauses() {
        DraftDocument result = Outline.addClause(document, "collection", Outline.Placement.AFTER, "使用 Use", Set.of());

        assertThat(outline(result)).containsExactly("1:scope", "1:collection", "2:legality", "3:legality-details",
                "2:minimum", "1:use", "1:storage");
        assertThat(result.text()).contains("## 最小必要 {#minimum}\n\n# 使用 Use {#use}\n\n# 存储 Storage {#storage}\n");
        assertThat(DraftFormat.parse(result.text())).isEqualTo(result);
    }

    @Test
    void adding_a_child_goes_first_or_last_one_level_deeper() {
        DraftDocument first = Outline.addClause(document, "collection", Outline.Placement.FIRST_CHILD, "总则", Set.of());
        DraftDocument last = Outline.addClause(document, "collection", Outline.Placement.LAST_CHILD, "其他", Set.of());

        assertThat(outline(first)).startsWith("1:scope", "1:collection", "2:c-1", "2:legality");
        assertThat(outline(last)).containsSubsequence("2:minimum", "2:c-1", "1:storage");
    }

    @Test
    void new_ids_are_ascii_slugs_made_unique_or_c_n_for_chinese_titles() {
        DraftDocument once = Outline.addClause(document, "storage", Outline.Placement.AFTER, "Storage", Set.of());
        DraftDocument twice = Outline.addClause(once, "storage", Outline.Placement.AFTER, "数据", Set.of());
        DraftDocument thrice = Outline.addClause(twice, "storage", Outline.Placement.AFTER, "删除", Set.of());

        assertThat(outline(thrice)).endsWith("1:storage", "1:c-2", "1:c-1", "1:storage-2");
        assertThat(ClauseIds.slug("个人信息 personal information")).isEqualTo("personal-information");
        assertThat(ClauseIds.slug("5.1 Data minimisation!")).isEqualTo("data-minimisation");
    }

    @Test
    void an_annex_can_be_added_with_its_classes_at_the_end() {
        DraftDocument result = Outline.addClause(document, null, null, "示例 Examples",
                Set.of(ClauseClass.INFORMATIVE, ClauseClass.ANNEX));

        assertThat(result.clauses().get(result.clauses().size() - 1).headingLine())
                .isEqualTo("# 示例 Examples {#examples .annex .informative}");
    }

    @Test
    void adding_below_level_6_is_refused() {
        DraftDocument deep = DraftFormat.parse("# a {#a}\n## b {#b}\n### c {#c}\n#### d {#d}\n##### e {#e}\n###### f {#f}\n");

        assertRefused(() -> Outline.addClause(deep, "f", Outline.Placement.LAST_CHILD, "g", Set.of()),
                "draft.outline.too-deep");
    }

    @Test
    void deleting_a_clause_deletes_its_subclauses_and_nothing_else() {
        DraftDocument result = Outline.deleteClause(document, "legality");

        assertThat(outline(result)).containsExactly("1:scope", "1:collection", "2:minimum", "1:storage");
        assertThat(result.text()).isEqualTo(DRAFT.replace(
                "## 合法性 Legality {#legality}\n\n合法性正文。\n\n### 细则 {#legality-details}\n\n", ""));
    }

    @Test
    void moving_up_and_down_swaps_with_a_sibling_carrying_subclauses() {
        DraftDocument up = Outline.moveUp(document, "minimum");
        DraftDocument down = Outline.moveDown(document, "scope");

        assertThat(outline(up)).containsExactly("1:scope", "1:collection", "2:minimum", "2:legality",
                "3:legality-details", "1:storage");
        assertThat(outline(down)).containsExactly("1:collection", "2:legality", "3:legality-details", "2:minimum",
                "1:scope", "1:storage");
        assertThat(Outline.moveDown(up, "minimum")).isEqualTo(document);
    }

    @Test
    void moving_the_first_sibling_up_or_the_last_down_is_refused() {
        assertRefused(() -> Outline.moveUp(document, "legality"), "draft.outline.no-previous-sibling");
        assertRefused(() -> Outline.moveUp(document, "scope"), "draft.outline.no-previous-sibling");
        assertRefused(() -> Outline.moveDown(document, "minimum"), "draft.outline.no-next-sibling");
        assertRefused(() -> Outline.moveDown(document, "storage"), "draft.outline.no-next-sibling");
    }

    @Test
    void moving_the_last_clause_of_a_file_without_final_newline_keeps_headings_apart() {
        DraftDocument noEol = DraftFormat.parse("# A {#a}\r\n\r\ntext a\r\n# B {#b}\r\n\r\ntext b");

        DraftDocument result = Outline.moveUp(noEol, "b");

        assertThat(result.text()).isEqualTo("# B {#b}\r\n\r\ntext b\r\n# A {#a}\r\n\r\ntext a\r\n");
    }

    @Test
    void indenting_makes_a_clause_the_last_child_of_its_previous_sibling() {
        DraftDocument result = Outline.indent(document, "minimum");

        assertThat(outline(result)).containsExactly("1:scope", "1:collection", "2:legality", "3:legality-details",
                "3:minimum", "1:storage");
        assertThat(result.require("minimum").headingLine()).isEqualTo("### 最小必要 {#minimum}");
    }

    @Test
    void indenting_carries_subclauses_and_is_refused_without_previous_sibling_or_past_level_6() {
        DraftDocument result = Outline.indent(document, "collection");

        assertThat(outline(result)).containsExactly("1:scope", "2:collection", "3:legality", "4:legality-details",
                "3:minimum", "1:storage");
        assertRefused(() -> Outline.indent(document, "scope"), "draft.outline.cannot-indent");
        assertRefused(() -> Outline.indent(document, "legality"), "draft.outline.cannot-indent");
        DraftDocument deep = DraftFormat.parse("# a {#a}\n# b {#b}\n## c {#c}\n### d {#d}\n#### e {#e}\n##### f {#f}\n###### g {#g}\n");
        assertRefused(() -> Outline.indent(deep, "b"), "draft.outline.too-deep");
    }

    @Test
    void outdenting_moves_the_clause_after_its_parent_and_leaves_later_siblings_with_the_parent() {
        DraftDocument result = Outline.outdent(document, "legality");

        assertThat(outline(result)).containsExactly("1:scope", "1:collection", "2:minimum", "1:legality",
                "2:legality-details", "1:storage");
        assertRefused(() -> Outline.outdent(document, "scope"), "draft.outline.cannot-outdent");
    }

    @Test
    void retitling_rewrites_only_that_heading() {
        DraftDocument result = Outline.retitle(document, "minimum", "  最小必要原则 Minimum necessary ");

        assertThat(result.require("minimum").headingLine()).isEqualTo("## 最小必要原则 Minimum necessary {#minimum}");
        assertThat(result.text()).isEqualTo(DRAFT.replace("## 最小必要 {#minimum}",
                "## 最小必要原则 Minimum necessary {#minimum}"));
        assertRefused(() -> Outline.retitle(document, "minimum", "two\nlines"), "draft.outline.invalid-title");
        assertRefused(() -> Outline.retitle(document, "minimum", "  "), "draft.outline.invalid-title");
        assertRefused(() -> Outline.retitle(document, "minimum", "ends with #"), "draft.outline.invalid-title");
    }

    @Test
    void replacing_a_body_keeps_everything_else() {
        DraftDocument result = Outline.replaceBody(document, "scope", "\n新的范围正文。\n\n");

        assertThat(result.text()).isEqualTo(DRAFT.replace("范围正文。", "新的范围正文。"));
    }

    @Test
    void a_body_that_would_change_the_outline_is_refused() {
        assertRefused(() -> Outline.replaceBody(document, "scope", "text\n## sneaky {#sneaky}\n"),
                "draft.outline.text-changes-outline");
        assertRefused(() -> Outline.replaceBody(document, "scope", "```\nunclosed fence\n"),
                "draft.outline.text-changes-outline");
    }

    @Test
    void setting_classes_marks_an_annex_and_keeps_unknown_classes() {
        DraftDocument annex = DraftFormat.parse("# 示例 {#annex-a .annex .custom}\n");

        DraftDocument result = Outline.setClasses(annex, "annex-a", Set.of(ClauseClass.ANNEX, ClauseClass.NORMATIVE));

        assertThat(result.require("annex-a").headingLine()).isEqualTo("# 示例 {#annex-a .annex .normative .custom}");
    }

    @Test
    void the_hanging_paragraph_fix_moves_the_text_into_a_general_subclause() {
        DraftDocument hanging = DraftFormat.parse("# 收集 {#collection}\n\n悬置段。\n\n## 合法性 {#legality}\n");

        DraftDocument fixed = Outline.insertGeneralSubclause(hanging, "collection");

        assertThat(fixed.text()).isEqualTo(
                "# 收集 {#collection}\n\n## 总则 General {#collection-general}\n\n悬置段。\n\n## 合法性 {#legality}\n");
        assertThat(StructureChecks.hangingParagraphs(NumberedOutline.of(fixed))).isEmpty();
        assertRefused(() -> Outline.insertGeneralSubclause(fixed, "collection"), "draft.outline.nothing-to-move");
    }

    @Test
    void operations_on_unknown_ids_are_refused() {
        assertRefused(() -> Outline.deleteClause(document, "nope"), "draft.outline.clause-not-found");
    }

    @Test
    void operations_leave_the_original_document_unchanged() {
        String before = document.text();

        Outline.deleteClause(document, "collection");
        Outline.indent(document, "storage");

        assertThat(document.text()).isEqualTo(before);
    }
}
