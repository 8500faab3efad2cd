package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class DraftHtmlTest {

    static String render(String markdown, Language language) {
        return DraftHtml.render(DraftFormat.parse(markdown), language);
    }

    @Test
    void headings_show_their_number_and_use_the_id_as_anchor() {
        String html = render("# 收集 Collection {#collection}\n\n## 总则 General {#c-general}\n\n正文\n", Language.ZH);

        assertThat(html).contains("<h1 id=\"collection\" class=\"dr-clause\"><span class=\"dr-number\">1</span>"
                + "\u3000<span class=\"dr-title\">收集 Collection</span></h1>");
        assertThat(html).contains("<h2 id=\"c-general\" class=\"dr-clause\"><span class=\"dr-number\">1.1</span>");
        assertThat(html).doesNotContain("{#");
    }

    @Test
    void annex_headings_carry_letter_and_mark_in_the_readers_language() {
        String markdown = "# 示例 {#annex-a .annex .informative}\n\n# 要求 {#annex-b .annex .normative}\n";

        assertThat(DraftHtml.render(DraftFormat.parse(markdown), Locale.SIMPLIFIED_CHINESE))
                .contains("<span class=\"dr-number\">附录A</span><span class=\"dr-annex-mark\">（资料性）</span>")
                .contains("<span class=\"dr-number\">附录B</span><span class=\"dr-annex-mark\">（规范性）</span>");
        assertThat(DraftHtml.render(DraftFormat.parse(markdown), Locale.ENGLISH))
                .contains("<span class=\"dr-number\">Annex A</span><span class=\"dr-annex-mark\">(informative)</span>");
    }

    @Test
    void notes_and_examples_get_their_numbered_labels() {
        String html = render("# A {#a}\n\n注：第一。\n\n注：第二。\n\n示例：唯一。\n", Language.ZH);

        assertThat(html).contains("<p class=\"dr-note\"><span class=\"dr-label\">注1：</span>第一。</p>")
                .contains("<p class=\"dr-note\"><span class=\"dr-label\">注2：</span>第二。</p>")
                .contains("<p class=\"dr-example\"><span class=\"dr-label\">示例：</span>唯一。</p>");
    }

    @Test
    void tables_and_figures_get_numbered_captions() {
        String html = render("""
                # A {#a}

                表：主要参数
                | a | b |
                |---|---|
                | 1 | 2 |

                ![流程](figures/flow.png)
                """, Language.ZH);

        assertThat(html).contains("<figure class=\"dr-table\"><figcaption><span class=\"dr-label\">表1</span>"
                + "\u3000主要参数</figcaption><table>");
        assertThat(html).doesNotContain("表：主要参数");
        assertThat(html).contains("<figure class=\"dr-figure\"><img src=\"figures/flow.png\" alt=\"流程\">"
                + "<figcaption><span class=\"dr-label\">图1</span>\u3000流程</figcaption></figure>");
    }

    @Test
    void empty_links_to_ids_render_as_the_targets_current_number() {
        String html = render("""
                # A {#a}

                ## B {#b}

                见[](#b)和[](#annex-x)，另见[](#gone)。

                # X {#annex-x .annex .normative}
                """, Language.ZH);

        assertThat(html).contains("见<a href=\"#b\" class=\"dr-xref\">1.1</a>和"
                + "<a href=\"#annex-x\" class=\"dr-xref\">附录A</a>");
        assertThat(html).contains("<span class=\"dr-xref-broken\">#gone</span>");
    }

    @Test
    void dash_lists_are_marked_for_the_gb_dash_style() {
        assertThat(render("# A {#a}\n\n- 一\n- 二\n", Language.ZH)).contains("<ul class=\"dr-dash\">");
        assertThat(render("# A {#a}\n\n* 一\n* 二\n", Language.ZH)).contains("<ul>");
    }

    @Test
    void raw_html_script_tags_and_event_handlers_never_reach_the_output() {
        String html = render("""
                # A {#a}

                <script>alert(1)</script>

                Inline <img src=x onerror="alert(2)"> and <b onclick="x()">bold</b>.

                <div style="background:url(javascript:alert(3))">block</div>
                """, Language.EN);

        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b ")
                .doesNotContain("<div");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Jsoupless.attributesNamed(html, "onerror")).isZero();
        assertThat(Jsoupless.attributesNamed(html, "onclick")).isZero();
    }

    @Test
    void javascript_and_data_links_lose_their_target_but_keep_their_text() {
        String html = render("""
                # A {#a}

                [click](javascript:alert(1)) [c2](JaVaScRiPt:alert(1)) [c3](data:text/html;base64,PHNjcmlwdD4=)
                [c4](vbscript:x) <javascript:alert(5)> [ref]

                [ref]: javascript:alert(6)
                [ok](https://example.org/a?b=1&c=2) [mail](mailto:a@example.org) [here](#a)
                """, Language.EN);

        assertThat(org.jsoup.Jsoup.parseBodyFragment(html).select("a[href]").eachAttr("href"))
                .containsExactly("https://example.org/a?b=1&c=2", "mailto:a@example.org", "#a");
        assertThat(html).contains("click").contains("c2").contains("c3").contains("c4");
        assertThat(html).contains("<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer\">ok</a>")
                .contains("<a href=\"mailto:a@example.org\"").contains("<a href=\"#a\">here</a>");
    }

    @Test
    void remote_images_become_links_and_are_never_loaded() {
        String html = render("""
                # A {#a}

                ![tracker](https://evil.example/pixel.gif)

                Inline ![p2](//evil.example/p.gif) and ![p3](javascript:alert(1)) and ![local](img/a.png)
                """, Language.EN);

        assertThat(html).doesNotContain("src=\"https:").doesNotContain("src=\"//").doesNotContain("javascript");
        assertThat(html).contains("<a href=\"https://evil.example/pixel.gif\" class=\"dr-remote-image\"");
        assertThat(html).contains("<img src=\"img/a.png\" alt=\"local\">");
    }

    @Test
    void the_second_net_strips_what_the_first_might_let_through() {
        String cleaned = DraftHtml.clean("<p onclick=\"x()\">a<script>alert(1)</script>"
                + "<img src=\"https://evil.example/x.gif\"><img src=\"ok.png\">"
                + "<a href=\"javascript:alert(1)\">j</a><iframe src=\"x\"></iframe></p>");

        assertThat(cleaned).isEqualTo("<p>a<img src=\"ok.png\"><a>j</a></p>");
    }

    @Test
    void headings_that_are_not_clauses_are_shown_as_bold_paragraphs() {
        String html = render("# A {#a}\n\nSetext\n======\n\n> # quoted\n", Language.EN);

        assertThat(html).contains("<p class=\"dr-heading-text\"><strong>Setext</strong></p>");
        assertThat(html).doesNotContain("<h1>Setext");
    }

    @Test
    void the_table_of_contents_links_to_clause_anchors() {
        NumberedOutline outline = NumberedOutline.of(DraftFormat.parse(
                "# 前言 {#foreword .unnumbered}\n# 范围 {#scope}\n# 示例 {#annex-a .annex .informative}\n"));

        String html = DraftHtml.renderTableOfContents(outline, 2, Language.ZH);

        assertThat(html).startsWith("<nav class=\"dr-toc\"><p class=\"dr-toc-title\">目次</p><ul>")
                .contains("<a href=\"#foreword\">前言</a>")
                .contains("<a href=\"#scope\"><span class=\"dr-number\">1</span>\u3000范围</a>")
                .contains("<span class=\"dr-number\">附录A（资料性）</span>");
    }

    /** Counts attributes without trusting the renderer's own parser. */
    static final class Jsoupless {
        static int attributesNamed(String html, String name) {
            int count = 0;
            for (org.jsoup.nodes.Element e : org.jsoup.Jsoup.parseBodyFragment(html).getAllElements()) {
                if (e.hasAttr(name)) {
                    count++;
                }
            }
            return count;
        }
    }
}
