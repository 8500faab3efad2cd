package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    private static final String PARAGRAPH = "见 *第* `一`\n条和[](#a)与[文字](#b)，  \n完。\n";

    private static Node paragraph() {
        return DraftFormat.parseMarkdown(PARAGRAPH).getFirstChild();
    }

    @Test
    void literals_drop_markup_and_line_breaks() {
        assertThat(PlainText.LITERALS.of(paragraph())).isEqualTo("见 第 一条和与文字，完。");
    }

    @Test
    void soft_breaks_keep_soft_line_breaks_only() {
        assertThat(PlainText.SOFT_BREAKS.of(paragraph())).isEqualTo("见 第 一\n条和与文字，完。");
    }

    @Test
    void reading_keeps_every_line_break_and_reads_empty_links_as_told() {
        PlainText reading = PlainText.reading(link -> "[" + link.getDestination() + "]");

        assertThat(reading.of(paragraph())).isEqualTo("见 第 一\n条和[#a]与文字，\n完。");
    }
}
