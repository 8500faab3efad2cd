package org.draftroom.comments.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Deeply nested Markdown is measured without recursion and never rendered. */
class CommentMarkdownNestingTest {

    @Test
    void ten_thousand_nested_quotes_and_deep_lists_or_emphasis_are_measured_and_not_rendered() {
        String quotes = ">".repeat(10_000) + " deep";
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            list.append("  ".repeat(i)).append("- x\n");
        }
        String emphasis = "*a ".repeat(3_000) + "b" + " c*".repeat(3_000);
        for (String deep : new String[] {quotes, list.toString(), emphasis}) {
            assertThat(CommentMarkdown.nesting(deep)).isGreaterThan(CommentMarkdown.MAX_NESTING);
            assertThat(CommentMarkdown.safeHtml(deep)).isEmpty();
        }
    }

    @Test
    void ordinary_nesting_renders() {
        String text = "> quote\n>\n> - item\n>   - *sub **item***\n";
        assertThat(CommentMarkdown.nesting(text)).isBetween(4, CommentMarkdown.MAX_NESTING);
        assertThat(CommentMarkdown.safeHtml(text)).hasValueSatisfying(html -> assertThat(html).contains("<em>sub"));
    }
}
