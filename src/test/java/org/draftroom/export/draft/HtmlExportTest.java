package org.draftroom.export.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.Stage;
import org.junit.jupiter.api.Test;

class HtmlExportTest {

    private static String html(DraftExport export) {
        return new String(DraftExports.html(export), StandardCharsets.UTF_8);
    }

    @Test
    void the_file_is_a_complete_utf8_html5_document_in_the_export_language() {
        String html = html(Samples.forComments());

        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")
                .contains("<meta charset=\"utf-8\">", "@page { size: A4;", "SimSun", "page-break-before: always")
                .endsWith("</html>\n");
    }

    @Test
    void the_cover_shows_code_titles_type_stage_completion_date_and_the_call_to_disclose_patents() {
        String html = html(Samples.forComments());

        assertThat(html).contains("GB/T 35273", "信息安全技术 个人信息安全规范",
                "Information security technology — Personal information security specification", "中华人民共和国国家标准",
                "征求意见稿", "（本稿完成日期：2024-08-01）",
                "在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。", "版本 3f2a9c1 cd-1");
    }

    @Test
    void a_cover_without_stage_has_no_call_to_disclose_patents() {
        String html = html(Samples.of(Samples.project(), "# 范围 {#scope}\n\n文本。\n", Language.ZH));

        assertThat(html).doesNotContain("专利", "本稿完成日期");
    }

    @Test
    void the_table_of_contents_and_the_text_carry_the_computed_numbers() {
        String html = html(Samples.forComments());

        assertThat(html).contains("<nav class=\"dr-toc\">", "目次")
                .contains("<a href=\"#scope\"><span class=\"dr-number\">1</span>\u3000范围</a>")
                .contains("附录A（资料性）")
                .contains("<h1 id=\"scope\" class=\"dr-clause\"><span class=\"dr-number\">1</span>")
                .contains("<h2 id=\"c-consent\" class=\"dr-clause\"><span class=\"dr-number\">5.4</span>");
        assertThat(html.indexOf("dr-toc")).isLessThan(html.indexOf("id=\"scope\""));
    }

    @Test
    void metadata_and_draft_text_cannot_inject_markup() {
        Project hostile = new Project("x", "GB/T <1>", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                DocumentType.GB_T, "WG1", Stage.DRAFTING, "20.20", null, null);

        String html = html(Samples.of(hostile, "# 范围 {#scope}\n\n<script>alert(2)</script>\n", Language.EN));

        assertThat(html).doesNotContain("<script", "<img", "onerror=alert(1)>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "GB/T &lt;1&gt;");
        assertThat(html(Samples.forComments())).doesNotContain("<script");
    }
}
