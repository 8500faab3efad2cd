package org.draftroom.export.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.Language;
import org.junit.jupiter.api.Test;

/** The GB/T cover from the project's document details, in the document's language, in Word, PDF, HTML and STS. */
class CoverTest {

    static final DocumentInfo DRAFT = new DocumentInfo(Language.ZH, "35.030", "L80", "", "20241234-T-469",
            "GB/T 35273—2017", "", "", null, null);
    static final DocumentInfo PUBLISHED = new DocumentInfo(Language.EN, "35.030", "L80", "2020", "",
            "GB/T 35273—2017", "", "", LocalDate.of(2020, 3, 6), LocalDate.of(2020, 10, 1));

    static DraftExport export(DocumentInfo info) {
        return new DraftExport(Samples.project(), "3f2a9c1 cd-1", Samples.gbt35273(),
                Optional.of(CoverStage.draftForComments(info.language(), Samples.COMPLETED)), info.language(),
                Samples.EXPORTED, info);
    }

    @Test
    void a_chinese_draft_cover_carries_codes_plan_number_replaced_standard_placeholders_and_issuers() throws Exception {
        String word = paragraphs(DraftExports.docx(export(DRAFT)));
        assertThat(word).contains("ICS 35.030\nCCS L80\n中华人民共和国国家标准\nGB/T 35273\n代替 GB/T 35273—2017\n"
                + "计划号：20241234-T-469\n信息安全技术 个人信息安全规范\n"
                + "Information security technology — Personal information security specification\n（征求意见稿）")
                .contains("XXXX-XX-XX 发布\tXXXX-XX-XX 实施\n国家市场监督管理总局\n国家标准化管理委员会\u3000发布");

        String pdf = pdfText(DraftExports.pdf(export(DRAFT)));
        assertThat(pdf).contains("ICS 35.030", "CCS L80", "代替 GB/T 35273—2017", "计划号：20241234-T-469",
                "XXXX-XX-XX 发布", "国家标准化管理委员会", "征求意见稿", "在提交反馈意见时");

        String html = new String(DraftExports.html(export(DRAFT)), StandardCharsets.UTF_8);
        assertThat(html).contains("<p class=\"dr-cover-ics\">ICS 35.030</p>", "<p class=\"dr-cover-code\">GB/T 35273</p>",
                "<p class=\"dr-cover-replaces\">代替 GB/T 35273—2017</p>");
    }

    @Test
    void an_english_document_has_an_english_cover_with_its_number_and_dates_and_english_labels() throws Exception {
        String word = paragraphs(DraftExports.docx(export(PUBLISHED)));
        assertThat(word).contains("National Standard of the People's Republic of China\nGB/T 35273—2020\n"
                        + "Replacing GB/T 35273—2017\n"
                        + "Information security technology — Personal information security specification\n"
                        + "信息安全技术 个人信息安全规范\n(Draft for comments)")
                .contains("Issued on 2020-03-06\tImplemented on 2020-10-01\nIssued by\n"
                        + "State Administration for Market Regulation")
                .contains("Contents", "Annex A", "(informative)")
                .doesNotContain("附录A", "（资料性）", "计划号");

        String pdf = pdfText(DraftExports.pdf(export(PUBLISHED)));
        assertThat(pdf).contains("GB/T 35273—2020", "Issued on 2020-03-06", "Contents", "Annex A")
                .doesNotContain("附录A", "征求意见稿");
    }

    private static String paragraphs(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
