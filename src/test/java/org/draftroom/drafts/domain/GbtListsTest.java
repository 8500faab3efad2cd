package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class GbtListsTest {

    private static Document html(String markdown) {
        return Jsoup.parseBodyFragment(DraftHtml.render(DraftFormat.parse(markdown), Language.ZH));
    }

    @Test
    void letter_items_are_each_their_own_list_item_with_computed_markers() {
        Document doc = html("# 收集 {#c}\n\n个人信息控制者：\n\na) 不应虚假宣传；\nb) 不应强迫同意；\nb) 不应购买。\n");
        assertThat(doc.select("ol.dr-list-letter > li")).hasSize(3);
        assertThat(doc.select("ol.dr-list-letter > li > .dr-list-marker").eachText())
                .containsExactly("a)", "b)", "c)");
        assertThat(doc.select("ol.dr-list-letter > li").get(1).text()).isEqualTo("b) 不应强迫同意；");
    }

    @Test
    void number_items_nest_under_letter_items_and_dots_under_dashes() {
        Document doc = html("# 列项 {#c}\n\na) 字母；\n   1) 数字一；\n   2) 数字二。\nb) 第二项，\n续行。\n\n"
                + "——破折号\n  · 圆点\n——又一项\n");
        assertThat(doc.select("ol.dr-list-letter > li")).hasSize(2);
        assertThat(doc.select("ol.dr-list-letter > li").get(0).select("ol.dr-list-number > li")).hasSize(2);
        assertThat(doc.select("ol.dr-list-letter > li").get(1).text()).isEqualTo("b) 第二项， 续行。");
        assertThat(doc.select("ul.dr-list-dash > li")).hasSize(2);
        assertThat(doc.select("ul.dr-list-dash > li").get(0).select("ul.dr-list-dot > li").text()).isEqualTo("·圆点");
    }

    @Test
    void a_list_may_follow_a_paragraph_line_and_ends_before_a_note() {
        Document doc = html("# 列项 {#c}\n\n控制者：\na) 一；见[](#c)\nb) 二。\n注：说明。\n");
        assertThat(doc.select("p").first().text()).isEqualTo("控制者：");
        assertThat(doc.select("ol.dr-list-letter > li")).hasSize(2);
        assertThat(doc.select("ol.dr-list-letter a.dr-xref").text()).isEqualTo("1");
        assertThat(doc.select("p.dr-note").text()).isEqualTo("注：说明。");
    }

    @Test
    void list_syntax_keeps_the_round_trip_and_the_clause_headings() {
        String text = "# 列项 {#c}\n\na) 一\n# 下一章 {#d}\n——二\n";
        DraftDocument document = DraftFormat.parse(text);
        assertThat(document.clauses()).hasSize(2);
        assertThat(new String(DraftFormat.serialize(document), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(text);
    }
}
