package org.draftroom.export.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedOutline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfExportTest {

    private static byte[] pdf;

    @BeforeAll
    static void renderTheSampleOnce() {
        pdf = DraftExports.pdf(Samples.forComments());
    }

    private static PDDocument open() throws IOException {
        return Loader.loadPDF(pdf);
    }

    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replaceAll("[\\s\u3000]+", "");
    }

    @Test
    void the_file_is_a_pdf_of_several_pages() throws IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = open()) {
            assertThat(document.getNumberOfPages()).isGreaterThan(5);
        }
    }

    @Test
    void the_text_holds_the_chinese_title_and_the_numbered_clauses() throws IOException {
        try (PDDocument document = open()) {
            String text = text(document);
            for (String expected : List.of("个人信息安全规范", "GB/T35273", "征求意见稿", "目次", "1范围",
                    "8个人信息主体的权利", "5.4收集个人信息时的授权同意", "附录A（资料性）")) {
                assertThat(text.contains(expected)).as("the text contains %s", expected).isTrue();
            }
        }
    }

    @Test
    void the_title_is_in_the_document_metadata() throws IOException {
        try (PDDocument document = open()) {
            assertThat(document.getDocumentInformation().getTitle()).contains("GB/T 35273", "个人信息安全规范");
        }
    }

    @Test
    void the_outline_has_a_bookmark_for_every_top_level_clause_with_subclauses_nested() throws IOException {
        NumberedOutline outline = NumberedOutline.of(Samples.gbt35273());
        List<String> expected = outline.clauses().stream().filter(c -> c.parentIndex() < 0)
                .map(c -> PdfExport.bookmarkName(c, Language.ZH)).toList();
        try (PDDocument document = open()) {
            assertThat(document.getDocumentCatalog().getDocumentOutline()).isNotNull();
            List<String> top = titles(document.getDocumentCatalog().getDocumentOutline());
            assertThat(top).containsExactlyElementsOf(expected).contains("8 个人信息主体的权利");
            PDOutlineItem clause5 = find(document.getDocumentCatalog().getDocumentOutline(), "5 个人信息的收集");
            assertThat(titles(clause5)).contains("5.4 收集个人信息时的授权同意");
        }
    }

    @Test
    void every_font_is_embedded_so_the_file_prints_the_same_everywhere() throws IOException {
        try (PDDocument document = open()) {
            int fonts = 0;
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        }
    }

    @Test
    void pages_are_numbered_at_the_foot_except_the_cover() throws IOException {
        try (PDDocument document = open()) {
            assertThat(lines(document, 2)).last().isEqualTo("2");
            assertThat(lines(document, 10)).last().isEqualTo("10");
            assertThat(lines(document, 1)).doesNotContain("1");
        }
    }

    @Test
    void a_draft_with_local_and_remote_images_renders_without_loading_them() throws IOException {
        byte[] file = DraftExports.pdf(Samples.of(Samples.project(),
                "# 范围 {#scope}\n\n![图](images/a.png)\n\n![远程](https://example.com/x.png)\n\n文本 text。\n",
                Language.EN));

        try (PDDocument document = Loader.loadPDF(file)) {
            assertThat(text(document)).contains("范围", "文本text。");
        }
    }

    private static List<String> lines(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> titles(PDOutlineNode node) {
        List<String> titles = new ArrayList<>();
        for (PDOutlineItem item : node.children()) {
            titles.add(item.getTitle());
        }
        return titles;
    }

    private static PDOutlineItem find(PDOutlineNode node, String title) {
        for (PDOutlineItem item : node.children()) {
            if (title.equals(item.getTitle())) {
                return item;
            }
        }
        throw new AssertionError("No bookmark " + title + " in " + titles(node));
    }
}
