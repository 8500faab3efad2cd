package org.draftroom.drafts.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.draftroom.drafts.domain.DraftHtml;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.MarkdownNesting;
import org.junit.jupiter.api.Test;

class LiveEditNestingTest {

    @Test
    void a_clause_typed_ten_thousand_quotes_deep_is_kept_whole_as_flat_text_that_renders() {
        String deep = "个人信息\n\n" + ">".repeat(10_000) + " ``` 引用\n\n" + "- ".repeat(5_000) + "列表\n";

        String kept = DraftService.flattenDeepNesting(deep);

        assertThat(MarkdownNesting.of(kept)).isLessThanOrEqualTo(MarkdownNesting.MAX);
        assertThat(kept).contains(deep.stripTrailing());
        String html = DraftHtml.render(DraftFormat.parse("# 范围 {#scope}\n\n" + kept), java.util.Locale.CHINA);
        assertThat(html).contains("个人信息").contains("列表");
    }

    @Test
    void ordinary_clause_text_is_left_as_it_is() {
        String body = "> 注：引用\n\n- a) 第一项\n  - 1) 下一层\n";
        assertThat(DraftService.flattenDeepNesting(body)).isEqualTo(body);
    }
}
