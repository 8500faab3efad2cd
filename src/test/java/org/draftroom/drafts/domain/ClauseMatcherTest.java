package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.draftroom.drafts.domain.ClauseMatching.Status;
import org.junit.jupiter.api.Test;

class ClauseMatcherTest {

    private static final String PREVIOUS = """
            # 范围 {#scope}

            本文件规定了个人信息处理活动应遵循的原则和安全要求。

            # 收集 {#collection}

            ## 总则 {#c-general}

            收集个人信息前应明确目的，不得超出目的范围收集。

            ## 总则 {#c-general-2}

            对于间接获取的个人信息，应要求提供方说明来源并确认其合法性。

            ## 最小必要 {#minimum}

            收集的个人信息类型应与产品或服务的业务功能直接关联。

            ## 授权同意 {#consent}

            收集个人信息前应向个人信息主体告知收集规则并获得授权同意。

            # 存储 {#storage}

            ## 存储时间最小化 {#retention}

            个人信息存储期限应为实现目的所必需的最短时间。
            """;

    private static ClauseMatching upload(String plain) {
        ImportResult.Accepted accepted = (ImportResult.Accepted) DraftImporter.importMarkdown(
                plain.getBytes(StandardCharsets.UTF_8));
        return ClauseMatcher.match(DraftFormat.parse(PREVIOUS), accepted.document(), accepted.generatedIds());
    }

    @Test
    void deleting_one_of_two_clauses_with_the_same_title_is_one_deletion_and_nothing_else() {
        ClauseMatching matching = upload("""
                # 1 范围

                本文件规定了个人信息处理活动应遵循的原则和安全要求。

                # 2 收集

                ## 2.1 总则

                对于间接获取的个人信息，应要求提供方说明来源并确认其合法性。

                ## 2.2 最小必要

                收集的个人信息类型应与产品或服务的业务功能直接关联。

                ## 2.3 授权同意

                收集个人信息前应向个人信息主体告知收集规则并获得授权同意。

                # 3 存储

                ## 3.1 存储时间最小化

                个人信息存储期限应为实现目的所必需的最短时间。
                """);

        assertThat(matching.matches()).extracting(ClauseMatching.Match::status, ClauseMatching.Match::id,
                ClauseMatching.Match::oldNumber, ClauseMatching.Match::newNumber).containsExactly(
                tuple(Status.KEPT, "scope", "1", "1"),
                tuple(Status.KEPT, "collection", "2", "2"),
                tuple(Status.KEPT, "c-general-2", "2.2", "2.1"),
                tuple(Status.KEPT, "minimum", "2.3", "2.2"),
                tuple(Status.KEPT, "consent", "2.4", "2.3"),
                tuple(Status.KEPT, "storage", "3", "3"),
                tuple(Status.KEPT, "retention", "3.1", "3.1"),
                tuple(Status.DELETED, "c-general", "2.1", ""));
        assertThat(matching.document().text()).contains("## 总则 {#c-general-2}\n");
    }

    @Test
    void a_moved_retitled_clause_keeps_its_id_and_a_new_clause_gets_an_id_no_old_clause_had() {
        ClauseMatching matching = upload("""
                # 范围

                本文件规定了个人信息处理活动应遵循的原则和安全要求。

                # 收集

                ## 总则

                收集个人信息前应明确目的，不得超出目的范围收集。

                ## 总则

                对于间接获取的个人信息，应要求提供方说明来源并确认其合法性。

                ## 授权同意

                收集个人信息前应向个人信息主体告知收集规则并获得授权同意。

                # 存储

                ## 存储期限

                个人信息存储期限应为实现目的所必需的最短时间。

                ## 最小必要原则

                收集的个人信息类型应与产品或服务的业务功能直接关联。

                ## 总则

                存储个人信息应采取加密等安全措施，定期检查。
                """);

        assertThat(matching.matches()).extracting(ClauseMatching.Match::status, ClauseMatching.Match::id,
                ClauseMatching.Match::oldNumber, ClauseMatching.Match::newNumber).containsExactly(
                tuple(Status.KEPT, "scope", "1", "1"),
                tuple(Status.KEPT, "collection", "2", "2"),
                tuple(Status.KEPT, "c-general", "2.1", "2.1"),
                tuple(Status.KEPT, "c-general-2", "2.2", "2.2"),
                tuple(Status.KEPT, "consent", "2.4", "2.3"),
                tuple(Status.KEPT, "storage", "3", "3"),
                tuple(Status.KEPT, "retention", "3.1", "3.1"),
                tuple(Status.MOVED, "minimum", "2.3", "3.2"),
                tuple(Status.NEW, "c-1", "", "3.3"));
        assertThat(matching.atNewIndex(6).orElseThrow().retitled()).isTrue();
    }

    @Test
    void a_correction_pairs_a_clause_with_the_old_clause_a_person_chose() {
        String plain = "# 范围\n\n完全不同的文字。\n\n# 收集\n\n## 新条款\n\n另一段新的内容。\n";
        ImportResult.Accepted accepted = (ImportResult.Accepted) DraftImporter.importMarkdown(
                plain.getBytes(StandardCharsets.UTF_8));
        DraftDocument previous = DraftFormat.parse(PREVIOUS);

        ClauseMatching computed = ClauseMatcher.match(previous, accepted.document(), accepted.generatedIds());
        ClauseMatching corrected = ClauseMatcher.match(previous, accepted.document(), accepted.generatedIds(),
                Map.of(2, "consent", 0, ""));

        assertThat(computed.atNewIndex(2).orElseThrow().status()).isEqualTo(Status.NEW);
        assertThat(corrected.atNewIndex(2).orElseThrow()).extracting(ClauseMatching.Match::id,
                ClauseMatching.Match::corrected).containsExactly("consent", true);
        assertThat(corrected.atNewIndex(0).orElseThrow().status()).isEqualTo(Status.NEW);
        assertThat(corrected.atNewIndex(0).orElseThrow().id()).isNotEqualTo("scope");
        assertThat(ClauseMatcher.match(previous, accepted.document(), accepted.generatedIds(),
                corrected.pairing()).document()).isEqualTo(corrected.document());
        assertThatThrownBy(() -> ClauseMatcher.match(previous, accepted.document(), accepted.generatedIds(),
                Map.of(1, "consent", 2, "consent"))).hasMessageContaining("draft.match.taken");
    }
}
