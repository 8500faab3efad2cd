package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClauseMergeTest {

    private static final String BASE = """
            # 范围 {#scope}

            本文件规定了个人信息处理的原则。

            # 术语和定义 {#terms}

            ## 个人信息 personal information {#t-pi .term}

            以电子或者其他方式记录的各种信息。

            # 收集 {#collection}

            ## 合法性 {#c-legal}

            不应欺诈收集。

            ## 最小必要 {#c-min}

            收集的信息应与目的直接相关。
            """;

    private static DraftDocument doc(String text) {
        return DraftFormat.parse(text);
    }

    @Test
    void edits_of_different_clauses_are_both_kept() {
        DraftDocument base = doc(BASE);
        DraftDocument ours = Outline.replaceBody(base, "scope", "\n本文件规定了个人信息处理活动应遵循的原则。\n\n");
        DraftDocument theirs = Outline.replaceBody(base, "c-min", "\n收集的个人信息的类型应与实现业务功能直接相关。\n");

        ClauseMerge.Result result = ClauseMerge.merge(base, ours, theirs);

        assertThat(result.clean()).isTrue();
        String merged = result.merged().orElseThrow().text();
        assertThat(merged).contains("处理活动应遵循的原则").contains("与实现业务功能直接相关");
    }

    @Test
    void different_edits_of_the_same_clause_are_a_conflict_with_both_texts() {
        DraftDocument base = doc(BASE);
        DraftDocument ours = Outline.replaceBody(base, "c-legal", "\n不得以欺诈、诱骗方式收集。\n\n");
        DraftDocument theirs = Outline.replaceBody(base, "c-legal", "\n不应隐瞒产品的收集功能。\n\n");

        ClauseMerge.Result result = ClauseMerge.merge(base, ours, theirs);

        assertThat(result.clean()).isFalse();
        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.clauseId()).isEqualTo("c-legal");
            assertThat(c.oursText()).contains("诱骗");
            assertThat(c.theirsText()).contains("隐瞒");
        });
    }

    @Test
    void a_move_on_one_side_and_a_text_edit_on_the_other_are_combined() {
        DraftDocument base = doc(BASE);
        DraftDocument ours = Outline.moveUp(base, "c-min");
        DraftDocument theirs = Outline.replaceBody(base, "c-min", "\n收集应最少化。\n");

        ClauseMerge.Result result = ClauseMerge.merge(base, ours, theirs);

        DraftDocument merged = result.merged().orElseThrow();
        assertThat(merged.clauses()).extracting(Clause::id).containsExactly("scope", "terms", "t-pi", "collection",
                "c-min", "c-legal");
        assertThat(merged.require("c-min").body()).contains("收集应最少化");
    }

    @Test
    void deleting_a_clause_that_the_other_side_edited_is_a_conflict() {
        DraftDocument base = doc(BASE);
        DraftDocument ours = Outline.deleteClause(base, "c-legal");
        DraftDocument theirs = Outline.replaceBody(base, "c-legal", "\n不得欺诈。\n\n");

        assertThat(ClauseMerge.merge(base, ours, theirs).conflicts()).extracting(ClauseMerge.Conflict::clauseId)
                .containsExactly("c-legal");
    }

    @Test
    void identical_edits_on_both_sides_merge_cleanly() {
        DraftDocument base = doc(BASE);
        DraftDocument edit = Outline.retitle(base, "c-min", "最小必要原则");

        ClauseMerge.Result result = ClauseMerge.merge(base, edit, edit);

        assertThat(result.merged()).contains(edit);
    }
}
