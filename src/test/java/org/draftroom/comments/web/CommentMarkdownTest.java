package org.draftroom.comments.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Comment text is untrusted: whatever a commenter types, the rendered HTML runs nothing and fetches nothing. */
class CommentMarkdownTest {

    @Test
    void markdown_formatting_is_rendered() {
        String html = CommentMarkdown.toSafeHtml("**必须** 改为 *应*：\n\n- one\n- two\n\n`code`");

        assertThat(html).contains("<strong>必须</strong>", "<em>应</em>", "<li>one</li>", "<code>code</code>");
    }

    @Test
    void script_tags_are_shown_as_text_and_never_as_elements() {
        String html = CommentMarkdown.toSafeHtml("Look <script>alert('x')</script> here\n\n<script>\nalert(1)\n</script>");

        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.text()).contains("<script>alert('x')</script>");
    }

    @Test
    void event_handler_attributes_are_removed() {
        String html = CommentMarkdown.toSafeHtml("<div onclick=\"steal()\">x</div> <b onmouseover=alert(1)>y</b>\n\n"
                + "[link](https://example.org \"t\")");

        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.body().select("*")).allSatisfy(element -> assertThat(element.attributes().asList())
                .noneMatch(a -> a.getKey().toLowerCase().startsWith("on")));
        assertThat(page.select("div")).isEmpty();
        assertThat(page.text()).as("the typed text is still readable").contains("x", "y");
    }

    @Test
    void javascript_links_lose_their_target_and_safe_links_get_nofollow_noopener() {
        String html = CommentMarkdown.toSafeHtml("[click](javascript:alert(1)) [also](JaVaScRiPt:alert(2)) "
                + "<a href=\"javascript:alert(3)\">raw</a> [ok](https://example.org/x)");

        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("a[href]")).extracting(a -> a.attr("href")).containsExactly("https://example.org/x");
        assertThat(html).contains("<a href=\"https://example.org/x\" rel=\"nofollow noopener\">ok</a>");
        assertThat(html).contains("click").contains("also");
    }

    @Test
    void remote_images_are_replaced_by_their_alt_text() {
        String html = CommentMarkdown.toSafeHtml("See ![the tracking pixel](https://evil.example/p.png) and "
                + "<img src=\"https://evil.example/q.png\" onerror=\"x()\">");

        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("[src]")).isEmpty();
        assertThat(page.text()).contains("the tracking pixel");
    }

    @Test
    void blank_text_renders_as_nothing() {
        assertThat(CommentMarkdown.toSafeHtml(null)).isEmpty();
        assertThat(CommentMarkdown.toSafeHtml("  \n")).isEmpty();
    }
}
