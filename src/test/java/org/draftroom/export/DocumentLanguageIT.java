package org.draftroom.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.draftroom.WebIntegrationTest;
import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Exports follow the document's language, not the interface language of the person exporting: a Chinese consultation
 * draft exported over the API with {@code Accept-Language: en} has a Chinese cover and Chinese labels, and the same text
 * set to English as its document language, exported with {@code Accept-Language: zh-CN}, has an English cover and
 * labels. The cover carries the project's document details (ICS, CCS, replaced standard, issuing bodies).
 */
@WebIntegrationTest
class DocumentLanguageIT {

    private static final AtomicInteger CODES = new AtomicInteger((int) (System.nanoTime() % 100_000) + 700_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired UserDetailsService users;

    private final HttpClient http = HttpClient.newHttpClient();
    private String project;

    @BeforeEach
    void consultationDraft() {
        SignedIn.as(users, "secretariat");
        project = projects.create(new ProjectForm("GB/T L" + CODES.incrementAndGet(), "信息安全技术 个人信息安全规范",
                "Information security technology — Personal information security specification", DocumentType.GB_T,
                "WG7", Stage.CONSULTATION, "30.20", "CESI"), drafts.open("gbt-35273", "cd-1").document()).id();
        projects.changeDocumentInfo(project, new DocumentInfo(Language.ZH, "35.030", "L80", "", "20241234-T-469",
                "GB/T 35273—2017", "", "", null, null));
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void a_chinese_document_exported_from_an_english_interface_has_a_chinese_cover_and_labels() throws Exception {
        String token = token();
        HttpResponse<byte[]> docx = get("/api/v1/projects/" + project + "/export?format=docx", token, "en");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(fileName(docx)).matches("GB_T_L\\d+-zh-draft-for-comments-[0-9a-f]{7}\\.docx");
        String word = paragraphs(docx.body());
        assertThat(word).contains("中华人民共和国国家标准", "征求意见稿", "目次", "附录A", "（资料性）",
                "ICS 35.030", "CCS L80", "代替 GB/T 35273—2017", "计划号：20241234-T-469", "XXXX-XX-XX 发布",
                "XXXX-XX-XX 实施", "国家市场监督管理总局", "在提交反馈意见时")
                .doesNotContain("Contents", "Annex A", "(informative)", "Draft for comments", "NOTE");

        HttpResponse<byte[]> pdf = get("/api/v1/projects/" + project + "/export?format=pdf", token, "en");
        assertThat(fileName(pdf)).matches("GB_T_L\\d+-zh-draft-for-comments-[0-9a-f]{7}\\.pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains("中华人民共和国国家标准", "征求意见稿", "附录A", "ICS 35.030", "代替 GB/T 35273—2017")
                .doesNotContain("Contents", "Annex A", "Draft for comments");

        String html = new String(get("/api/v1/projects/" + project + "/export?format=html", token, "en").body(),
                StandardCharsets.UTF_8);
        assertThat(html).contains("lang=\"zh-CN\"", "注", "附录A", "CCS L80").doesNotContain("NOTE", "Annex A");

        String sts = new String(get("/api/v1/projects/" + project + "/export?format=sts", token, "en").body(),
                StandardCharsets.UTF_8);
        assertThat(sts).contains("<proj-id>20241234-T-469</proj-id>", "<release-version>征求意见稿</release-version>",
                "<ics>35.030</ics>", "<content-language>zh</content-language>",
                "<std-xref type=\"replaces\"><std-ref type=\"dated\">GB/T 35273—2017</std-ref></std-xref>",
                "<meta-value>L80</meta-value>");
    }

    @Test
    void an_english_document_exported_from_a_chinese_interface_has_an_english_cover_and_labels() throws Exception {
        SignedIn.as(users, "secretariat");
        projects.changeDocumentInfo(project, new DocumentInfo(Language.EN, "35.030", "L80", "2020", "",
                "GB/T 35273—2017", "", "", LocalDate.of(2020, 3, 6), LocalDate.of(2020, 10, 1)));
        String token = token();
        HttpResponse<byte[]> docx = get("/api/v1/projects/" + project + "/export?format=docx", token, "zh-CN");
        assertThat(fileName(docx)).matches("GB_T_L\\d+-en-draft-for-comments-[0-9a-f]{7}\\.docx");
        String word = paragraphs(docx.body());
        assertThat(word).contains("National Standard of the People's Republic of China", "Draft for comments",
                "Contents", "Annex A", "(informative)", "Replacing GB/T 35273—2017", "Issued on 2020-03-06",
                "Implemented on 2020-10-01", "Issued by", "State Administration for Market Regulation")
                .doesNotContain("附录A", "（资料性）", "征求意见稿", "中华人民共和国国家标准", "本稿完成日期");
        assertThat(word).containsPattern("GB/T L\\d+—2020");

        String text = pdfText(get("/api/v1/projects/" + project + "/export?format=pdf", token, "zh-CN").body());
        assertThat(text).contains("Draft for comments", "Annex A", "Contents").doesNotContain("附录A", "征求意见稿");

        String sts = new String(get("/api/v1/projects/" + project + "/export?format=sts", token, "zh-CN").body(),
                StandardCharsets.UTF_8);
        assertThat(sts).contains("<release-date date-type=\"release\" iso-8601-date=\"2020-03-06\">2020-03-06",
                "<content-language>en</content-language>", "<std-ref type=\"dated\">GB/T L");
    }

    @Test
    void the_document_language_survives_a_change_of_stage() {
        SignedIn.as(users, "secretariat");
        projects.changeDocumentInfo(project, projects.documentInfo(project).withLanguage(Language.EN));
        projects.changeStage(project, Stage.REVIEW, "40.20", "Consultation closed");
        assertThat(projects.documentInfo(project).language()).isEqualTo(Language.EN);
        assertThat(projects.documentInfo(project).ics()).isEqualTo("35.030");
        assertThat(drafts.open(project, null).language()).isEqualTo(Language.EN);
    }

    private String token() throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(uri("/api/v1/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("editor2:draftroom-demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"language test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(201);
        return JSON.readTree(reply.body()).get("token").asText();
    }

    private HttpResponse<byte[]> get(String path, String token, String acceptLanguage) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", acceptLanguage).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String fileName(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Disposition").orElse("")
                .replaceAll("^.*filename=\"([^\"]+)\".*$", "$1");
    }

    private static String paragraphs(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
