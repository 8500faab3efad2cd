package org.draftroom.comments.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.draftroom.comments.anchoring.Placement.Span;
import org.draftroom.comments.anchoring.Placement.Status;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.Outline;
import org.junit.jupiter.api.Test;

/** How a comment follows edits of its clause and moves of the clause through the outline. */
class ReanchoringTest {

    private static final String COMMIT = "1111111111111111111111111111111111111111";

    private static final DraftDocument V1 = DraftFormat.parse("""
            # 范围 {#scope}

            本文件规定了数据处理者应遵循的安全要求。

            # 收集 {#collection}

            ## 合法性 {#lawful}

            数据处理者不应以欺诈、诱骗等方式收集个人信息。

            第二段：应记录收集的目的。

            ## 最小必要 {#minimum}

            收集的个人信息应与实现产品功能直接相关 🔒。
            """);

    private static Anchor commentOn(DraftDocument document, String clauseId, String quote) {
        int start = document.require(clauseId).body().indexOf(quote);
        return Anchor.create(document, clauseId, start, start + quote.length(), quote, COMMIT);
    }

    private static String highlighted(DraftDocument document, Placement placement) {
        Span span = placement.highlight().orElseThrow();
        return document.require(placement.clauseId()).body().substring(span.start(), span.end());
    }

    private static String body(DraftDocument document, String id) {
        return document.require(id).body();
    }

    @Test
    void comment_stays_on_its_words_when_text_is_inserted_before_them() {
        Anchor anchor = commentOn(V1, "lawful", "欺诈、诱骗");
        DraftDocument v2 = Outline.replaceBody(V1, "lawful", body(V1, "lawful").replace("数据处理者", "任何数据处理者"));

        Placement placement = Reanchoring.reanchor(anchor, V1, v2);

        assertThat(placement.status()).isEqualTo(Status.ANCHORED);
        assertThat(placement.highlight()).contains(new Span(anchor.start() + 2, anchor.end() + 2));
        assertThat(highlighted(v2, placement)).isEqualTo("欺诈、诱骗");
        assertThat(placement.renumbered()).isFalse();
    }

    @Test
    void comment_becomes_outdated_when_a_quoted_word_is_rewritten_and_offers_a_candidate() {
        Anchor anchor = commentOn(V1, "lawful", "欺诈、诱骗等方式");
        DraftDocument v2 = Outline.replaceBody(V1, "lawful", body(V1, "lawful").replace("诱骗", "误导"));

        Placement placement = Reanchoring.reanchor(anchor, V1, v2);

        assertThat(placement.status()).isEqualTo(Status.OUTDATED);
        assertThat(placement.highlight()).isEmpty();
        assertThat(placement.anchor().quote()).isEqualTo("欺诈、诱骗等方式");
        Span candidate = placement.candidate().orElseThrow();
        assertThat(body(v2, "lawful").substring(candidate.start(), candidate.end())).isEqualTo("欺诈、误导等方式");
    }

    @Test
    void comment_on_a_paragraph_moved_within_its_clause_stays_anchored() {
        Anchor anchor = commentOn(V1, "lawful", "应记录收集的目的");
        DraftDocument v2 = Outline.replaceBody(V1, "lawful",
                "\n第二段：应记录收集的目的。\n\n数据处理者不应以欺诈、诱骗等方式收集个人信息。\n\n");

        Placement placement = Reanchoring.reanchor(anchor, V1, v2);

        assertThat(placement.status()).isEqualTo(Status.ANCHORED);
        assertThat(highlighted(v2, placement)).isEqualTo("应记录收集的目的");
    }

    @Test
    void comment_stays_anchored_with_the_new_number_when_its_clause_moves() {
        Anchor anchor = commentOn(V1, "minimum", "直接相关 🔒");
        DraftDocument v2 = Outline.moveUp(V1, "minimum");
        DraftDocument v3 = Outline.outdent(v2, "minimum");

        Placement inV2 = Reanchoring.reanchor(anchor, V1, v2);
        Placement inV3 = Reanchoring.reanchor(anchor, V1, v3);

        assertThat(anchor.clauseNumber()).isEqualTo("2.2");
        assertThat(inV2.status()).isEqualTo(Status.ANCHORED);
        assertThat(inV2.clauseNumber()).isEqualTo("2.1");
        assertThat(inV2.renumbered()).isTrue();
        assertThat(highlighted(v2, inV2)).isEqualTo("直接相关 🔒");
        assertThat(inV3.status()).isEqualTo(Status.ANCHORED);
        assertThat(inV3.clauseNumber()).isEqualTo("3");
        assertThat(highlighted(v3, inV3)).isEqualTo("直接相关 🔒");
    }

    @Test
    void comment_on_a_deleted_clause_is_orphaned_and_stays_at_document_level_afterwards() {
        Anchor anchor = commentOn(V1, "lawful", "收集个人信息");
        DraftDocument v2 = Outline.deleteClause(V1, "collection");
        DraftDocument v3 = Outline.addClause(v2, "scope", Outline.Placement.AFTER, "合法性", Set.of());

        Placement placement = Reanchoring.reanchorThrough(anchor, List.of(V1, v2, v3));

        assertThat(placement.status()).isEqualTo(Status.ORPHANED);
        assertThat(placement.isGeneral()).isTrue();
        assertThat(placement.noteArgs()).containsExactly("2.1", "合法性");
    }

    @Test
    void comment_follows_a_chain_of_versions_and_an_outdated_one_stays_outdated() {
        Anchor kept = commentOn(V1, "scope", "安全要求");
        Anchor rewritten = commentOn(V1, "scope", "数据处理者");
        DraftDocument v2 = Outline.replaceBody(V1, "scope", "\n本文件规定了个人信息处理者应遵循的安全要求。\n\n");
        DraftDocument v3 = Outline.moveDown(Outline.replaceBody(v2, "scope",
                "\n前言文字。本文件规定了个人信息处理者应遵循的安全要求和数据处理者的义务。\n\n"), "scope");

        List<Placement> inV2 = Reanchoring.reanchorAll(List.of(kept, rewritten), V1, v2);
        List<Placement> inV3 = Reanchoring.carryForwardAll(inV2, v2, v3);

        assertThat(inV3.get(0).status()).isEqualTo(Status.ANCHORED);
        assertThat(highlighted(v3, inV3.get(0))).isEqualTo("安全要求");
        assertThat(inV3.get(0).clauseNumber()).isEqualTo("2");
        assertThat(inV3.get(1).status()).as("rewritten in v2, even though the words reappear in v3")
                .isEqualTo(Status.OUTDATED);
        assertThat(Reanchoring.reanchorThrough(kept, List.of(V1, v2, v3))).isEqualTo(inV3.get(0));
    }

    @Test
    void batch_and_single_reanchoring_agree() {
        List<Anchor> anchors = List.of(commentOn(V1, "scope", "安全要求"), commentOn(V1, "lawful", "欺诈"),
                commentOn(V1, "lawful", "目的"), commentOn(V1, "minimum", "🔒"), Anchor.general(COMMIT));
        DraftDocument v2 = Outline.indent(Outline.replaceBody(V1, "lawful", "\n数据处理者不应以欺骗方式收集个人信息。\n\n"
                + "第二段：应记录收集的目的和方式。\n\n"), "collection");

        List<Placement> batch = Reanchoring.reanchorAll(anchors, V1, v2);

        assertThat(batch).containsExactlyElementsOf(anchors.stream().map(a -> Reanchoring.reanchor(a, V1, v2))
                .toList());
        assertThat(batch).extracting(Placement::status).containsExactly(Status.ANCHORED, Status.OUTDATED,
                Status.ANCHORED, Status.ANCHORED, Status.ANCHORED);
    }

    @Test
    void reanchoring_from_a_version_the_anchor_does_not_fit_is_refused() {
        Anchor anchor = commentOn(V1, "lawful", "欺诈");
        DraftDocument other = Outline.replaceBody(V1, "lawful", "\n全新的文字。\n\n");

        assertThatThrownBy(() -> Reanchoring.reanchor(anchor, other, V1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reanchoring.reanchor(anchor, Outline.deleteClause(V1, "lawful"), V1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
