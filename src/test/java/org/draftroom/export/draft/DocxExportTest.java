package org.draftroom.export.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DocxExportTest {

    private static XWPFDocument doc;

    @BeforeAll
    static void export() throws IOException {
        doc = new XWPFDocument(new ByteArrayInputStream(DraftExports.docx(Samples.forComments())));
    }

    private static List<String> headings(String styleId) {
        return doc.getParagraphs().stream().filter(p -> styleId.equals(p.getStyle()))
                .map(XWPFParagraph::getText).toList();
    }

    @Test
    void heading_styles_exist_with_outline_levels_for_the_navigation_pane() {
        for (int level = 1; level <= 6; level++) {
            XWPFStyle style = doc.getStyles().getStyle("Heading" + level);
            assertThat(style).as("Heading%d", level).isNotNull();
            assertThat(style.getName()).isEqualTo("heading " + level);
            assertThat(style.getCTStyle().getPPr().getOutlineLvl().getVal().intValue()).isEqualTo(level - 1);
        }
    }

    @Test
    void level_one_clauses_are_heading_1_paragraphs_with_number_two_spaces_and_title_in_order() {
        List<String> h1 = headings("Heading1");

        assertThat(h1).containsSubsequence("前言", "引言", "1  范围", "2  规范性引用文件", "3  术语和定义",
                "4  个人信息安全基本原则", "5  个人信息的收集", "11  组织的个人信息安全管理要求", "参考文献");
        assertThat(h1.stream().filter(t -> t.matches("\\d+  .*"))).hasSize(11);
    }

    @Test
    void subclauses_and_terms_are_heading_2_paragraphs() {
        assertThat(headings("Heading2")).containsSubsequence("3.1  个人信息 personal information",
                "5.1  收集个人信息的合法性要求", "5.4  收集个人信息时的授权同意", "11.3  人员管理与安全审计");
    }

    @Test
    void annex_headings_are_centred_with_their_label_and_mark_above_the_title() {
        List<XWPFParagraph> annexes = doc.getParagraphs().stream()
                .filter(p -> "Heading1".equals(p.getStyle()) && p.getText().startsWith("附录")).toList();

        assertThat(annexes).extracting(XWPFParagraph::getText).containsExactly("附录A（资料性）\n个人信息示例",
                "附录B（资料性）\n个人敏感信息判定", "附录C（资料性）\n保障个人信息主体选择同意权的方法",
                "附录D（资料性）\n隐私政策模板");
        assertThat(annexes).allSatisfy(p -> assertThat(p.getAlignment().name()).isEqualTo("CENTER"));
    }

    @Test
    void the_document_has_a_toc_field_that_word_updates_on_opening() {
        String body = doc.getDocument().getBody().xmlText();

        assertThat(body).contains("TOC \\o \"1-4\" \\h \\z \\u", "w:fldCharType=\"begin\"",
                "w:fldCharType=\"end\"");
        assertThat(doc.getSettings().getCTSettings().isSetUpdateFields()).isTrue();
    }

    @Test
    void the_cover_carries_code_titles_type_stage_date_and_the_patent_call() {
        String cover = doc.getParagraphs().subList(0, 10).stream().map(XWPFParagraph::getText)
                .reduce("", (a, b) -> a + "\n" + b);

        assertThat(cover).contains("GB/T 35273", "中华人民共和国国家标准", "信息安全技术 个人信息安全规范",
                "（征求意见稿）", "（本稿完成日期：2024-08-01）",
                "在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。");
    }

    @Test
    void tables_keep_their_rows_and_get_their_numbered_caption() {
        List<XWPFTable> tables = doc.getTables();

        assertThat(tables).hasSize(3);
        XWPFTable annexTable = tables.get(2);
        assertThat(annexTable.getRows()).hasSize(8);
        assertThat(annexTable.getRow(0).getCell(0).getText()).isEqualTo("类别");
        assertThat(annexTable.getRow(1).getCell(1).getText()).startsWith("姓名");
        assertThat(annexTable.getCTTbl().getTblPr().getTblBorders().getInsideH()).isNotNull();
        assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains("表A.1  个人信息类别举例");
    }

    @Test
    void notes_carry_their_labels_and_cross_references_read_as_numbers() {
        List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();

        assertThat(texts).anyMatch(t -> t.startsWith("注：交互设计的做法见") && t.endsWith("附录C。"));
        assertThat(texts).anyMatch(t -> t.contains("增加了多项业务功能的自主选择的要求（见5.3）"));
    }

    @Test
    void runs_name_a_latin_and_an_east_asian_font() {
        XWPFParagraph scope = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("本文件规定了"))
                .findFirst().orElseThrow();
        XWPFRun run = scope.getRuns().get(0);

        assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
        assertThat(run.getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo("Times New Roman");
    }

    @Test
    void body_elements_come_in_document_order() {
        List<IBodyElement> elements = doc.getBodyElements();
        int scope = -1;
        int annexA = -1;
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof XWPFParagraph p) {
                if (p.getText().equals("1  范围")) {
                    scope = i;
                } else if (p.getText().startsWith("附录A")) {
                    annexA = i;
                }
            }
        }
        assertThat(scope).isPositive().isLessThan(annexA);
    }
}
