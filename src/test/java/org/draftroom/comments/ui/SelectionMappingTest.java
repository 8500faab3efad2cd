package org.draftroom.comments.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.Language;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class SelectionMappingTest {

    private static final String DRAFT = """
            # 范围 {#scope}

            本文件规定了处理**个人信息**时应遵循的*基本原则*，以及在收集、保存等环节的安全要求。

            # 术语 {#terms}

            下列术语适用于本文件，见[](#scope)的规定。

            ## 收集 collection {#t-collect .term}

            取得个人信息并能够对其进行处理的行为。

            注：组织仅向用户提供本地运行的工具，不视为收集。

            # 要求 {#req}

            The controller shall **not** collect _more_ data than needed:

            - a) data the user gave explicitly;
            - b) data needed for the `core` service.

            | 类别 | 举例 |
            |---|---|
            | 身份信息 | 身份证件号码、护照 |
            | 位置信息 | 行踪轨迹 |

            表1 个人信息举例

            Emoji 😀 and text after it.
            """;

    private final DraftDocument document = DraftFormat.parse(DRAFT);

    /** Selects the words in the clause's rendered text, maps them, and checks the highlight covers exactly them. */
    private SelectionMapping.Quote selectAndHighlight(String clauseId, String words) {
        String html = DraftMarks.render(document, Language.ZH, List.of());
        String rendered = DraftMarks.clauseText(html, clauseId);
        int start = rendered.indexOf(words);
        assertThat(start).as("the words are in the rendered text %s", rendered).isGreaterThanOrEqualTo(0);
        String body = document.require(clauseId).body();
        SelectionMapping.Quote quote = SelectionMapping.map(body, rendered, start, start + words.length(), words);
        assertThat(body.substring(quote.start(), quote.end())).isEqualTo(quote.text());

        String marked = DraftMarks.render(document, Language.ZH,
                List.of(new DraftMarks.Mark(clauseId, quote.start(), quote.end(), 42)));
        String highlighted = Jsoup.parseBodyFragment(marked).select("mark.dr-cmark[data-comments=42]").stream()
                .map(m -> m.text()).collect(Collectors.joining());
        assertThat(highlighted.replaceAll("\\s+", "")).isEqualTo(words.replaceAll("\\s+", ""));
        assertThat(marked).doesNotContainPattern("[\\uE000-\\uE01F]");
        assertThat(DraftMarks.clauseText(marked, clauseId).replaceAll("\\s+", ""))
                .isEqualTo(rendered.replaceAll("\\s+", ""));
        return quote;
    }

    @Test
    void chinese_words_map_to_the_same_words_in_the_source() {
        SelectionMapping.Quote quote = selectAndHighlight("t-collect", "能够对其进行处理");
        assertThat(quote.text()).isEqualTo("能够对其进行处理");
    }

    @Test
    void words_across_bold_and_italic_keep_the_markup_inside_the_quote() {
        SelectionMapping.Quote quote = selectAndHighlight("scope", "个人信息时应遵循的基本原则");
        assertThat(quote.text()).isEqualTo("个人信息**时应遵循的*基本原则");
        assertThat(selectAndHighlight("scope", "个人信息").text()).isEqualTo("个人信息");
    }

    @Test
    void words_in_a_list_item_and_across_items_map_without_list_markers_at_the_edges() {
        assertThat(selectAndHighlight("req", "data needed for the core service").text())
                .isEqualTo("data needed for the `core` service");
        SelectionMapping.Quote across = selectAndHighlight("req", "explicitly;b) data");
        assertThat(across.text()).startsWith("explicitly;").endsWith("data");
    }

    @Test
    void words_in_a_table_cell_map_to_the_cell_text() {
        assertThat(selectAndHighlight("req", "身份证件号码").text()).isEqualTo("身份证件号码");
        assertThat(selectAndHighlight("req", "行踪轨迹").text()).isEqualTo("行踪轨迹");
    }

    @Test
    void a_note_label_and_a_cross_reference_number_are_not_quoted_as_text() {
        assertThat(selectAndHighlight("t-collect", "组织仅向用户提供").text()).isEqualTo("组织仅向用户提供");
        String html = DraftMarks.render(document, Language.ZH, List.of());
        String rendered = DraftMarks.clauseText(html, "terms");
        assertThat(rendered).contains("见1的规定");
        int start = rendered.indexOf("见1的");
        SelectionMapping.Quote quote = SelectionMapping.map(document.require("terms").body(), rendered, start,
                start + 3, "见1的");
        assertThat(quote.text()).isEqualTo("见[](#scope)的");
    }

    @Test
    void characters_outside_the_basic_plane_are_never_split() {
        SelectionMapping.Quote quote = selectAndHighlight("req", "😀 and text");
        assertThat(quote.text()).isEqualTo("😀 and text");
    }

    @Test
    void repeated_words_are_mapped_to_the_occurrence_selected() {
        DraftDocument twice = DraftFormat.parse("# A {#a}\n\n**收集**个人信息，再次收集个人信息。\n");
        String rendered = DraftMarks.clauseText(DraftMarks.render(twice, Language.ZH, List.of()), "a");
        int second = rendered.lastIndexOf("收集个人信息");
        SelectionMapping.Quote quote = SelectionMapping.map(twice.require("a").body(), rendered, second,
                second + 6, "收集个人信息");
        assertThat(quote.start()).isEqualTo(twice.require("a").body().lastIndexOf("收集个人信息"));
    }

    @Test
    void a_selection_that_is_not_in_the_clause_is_refused() {
        assertThatThrownBy(() -> SelectionMapping.map("abc", "abc", 0, 3, "xyz"))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(((UserFacingException) e).messageKey()).isEqualTo("comment.ui.selection-unmapped"));
        assertThatThrownBy(() -> SelectionMapping.map("abc", "abc", 1, 1, ""))
                .isInstanceOf(UserFacingException.class);
    }

    @Test
    void markers_never_break_link_or_list_syntax() {
        String body = "\n- 见[](#scope)的规定\n";
        int inLink = body.indexOf("#scope");
        assertThat(DraftMarks.safeStart(body, inLink, body.length())).isEqualTo(body.indexOf("[]"));
        assertThat(DraftMarks.safeEnd(body, inLink, 0)).isEqualTo(body.indexOf(")") + 1);
        assertThat(DraftMarks.safeStart(body, 1, body.length())).isEqualTo(3);
    }
}
