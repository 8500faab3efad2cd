package org.draftroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.draftroom.search.index.IndexedItem;
import org.draftroom.search.index.Kind;
import org.draftroom.search.index.QueryText;
import org.draftroom.search.index.SearchIndex;
import org.draftroom.search.index.Snippets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The index finds Chinese and English as their readers expect, and no input changes a query's structure. */
class SearchIndexTest {

    private final SearchIndex index = new SearchIndex();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private void clauses(String... texts) {
        List<IndexedItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            items.add(new IndexedItem("c" + i, Kind.CLAUSE, "p", "GB/T 1", "", "", "WG7", 0, "", "x", "c" + i,
                    "5." + i, "", texts[i], null, "", null, "", null, ""));
        }
        index.replaceProject("p", items);
    }

    private List<String> find(String query) {
        return QueryText.parse(query, 200).toQuery(index.analyzer(), SearchIndex.TEXT)
                .map(q -> index.search(q, new MatchAllDocsQuery(), 0, 50).items().stream()
                        .map(IndexedItem::clauseId).sorted().toList())
                .orElse(List.of());
    }

    @Test
    void two_chinese_characters_find_them_inside_longer_words() {
        clauses("个人信息控制者应当明示同意。", "网络安全等级保护");
        assertThat(find("个人信息")).containsExactly("c0");
        assertThat(find("信息控制")).containsExactly("c0");
        assertThat(find("安全等级")).containsExactly("c1");
        assertThat(find("控制者网络")).isEmpty();
    }

    @Test
    void full_width_and_traditional_forms_find_the_simplified_half_width_text() {
        clauses("个人信息控制者 GB/T 35273 consent", "数据");
        assertThat(find("個人資訊")).isEmpty(); // a different word (资讯), not a variant
        assertThat(find("個人信息")).containsExactly("c0");
        assertThat(find("ＣＯＮＳＥＮＴ")).containsExactly("c0");
        assertThat(find("３５２７３")).containsExactly("c0");
    }

    @Test
    void english_is_stemmed_and_quotes_make_phrases() {
        clauses("The controller obtains explicit consent before collecting data.",
                "Consent is explicit when the subject consents actively.");
        assertThat(find("consenting")).containsExactly("c0", "c1");
        assertThat(find("\"explicit consent\"")).containsExactly("c0");
        assertThat(find("explicit consent")).containsExactly("c0", "c1");
        assertThat(find("collect")).containsExactly("c0");
    }

    @Test
    void mixed_chinese_and_english_queries_need_every_part() {
        clauses("个人信息 personal information", "个人信息 only", "personal information only");
        assertThat(find("个人信息 personal")).containsExactly("c0");
    }

    @Test
    void query_syntax_is_text_not_operators() {
        clauses("consent AND choice", "consent", "(x) NOT y");
        assertThat(find("*")).isEmpty();
        assertThat(find("consent OR")).isEmpty();
        assertThat(find("consent AND")).containsExactly("c0");
        assertThat(find("( \" \\ ")).isEmpty();
        assertThat(find(".*[a-z]+ consent~2 con*")).isEmpty();
        assertThat(QueryText.parse("x".repeat(10_000), 200).shortened()).isTrue();
    }

    @Test
    void a_clause_number_or_a_standard_code_is_recognised() {
        assertThat(QueryText.parse("5.4", 200).clauseNumber()).contains("5.4");
        assertThat(QueryText.parse("A.1", 200).clauseNumber()).contains("A.1");
        assertThat(QueryText.parse("GB/T 35273", 200).standardCode()).contains("GB/T 35273");
        assertThat(QueryText.parse("ＧＢ／Ｔ　35273", 200).standardCode()).isPresent();
        assertThat(QueryText.parse("consent 5.4", 200).clauseNumber()).isEmpty();
    }

    @Test
    void snippets_mark_the_words_and_escape_the_text() {
        assertThat(Snippets.snippet("<b>个人信息控制者</b> consents", List.of("个人信息", "consent"), 100))
                .isEqualTo("&lt;b&gt;<mark>个人信息</mark>控制者&lt;/b&gt; <mark>consents</mark>");
    }
}
