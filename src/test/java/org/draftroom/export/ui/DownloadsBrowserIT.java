package org.draftroom.export.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.draftroom.browser.Browser;
import org.draftroom.browser.BrowserTestBase;
import org.draftroom.browser.DraftPage;
import org.draftroom.browser.LoginPage;
import org.draftroom.browser.MenuBarElement;
import org.draftroom.browser.VaadinElement;
import org.junit.jupiter.api.Test;

/**
 * A download in a real browser: choosing PDF shows progress, the page stays usable, and the finished file is offered;
 * fetched with the person's session, it is a PDF with the draft's Chinese title.
 */
class DownloadsBrowserIT extends BrowserTestBase {

    @Test
    void choosing_pdf_shows_progress_then_offers_a_pdf_of_the_draft() throws Exception {
        Browser browser = browser();
        LoginPage.open(browser).signInAs("editor2", DEMO_PASSWORD);
        DraftPage draft = DraftPage.open(browser, "gbt-35273");

        browser.$(MenuBarElement.class).id("download-menu").choose("download-pdf");
        browser.waitUntil("progress or the finished file to show", () -> browser.pageText().contains("Preparing PDF")
                || browser.$("a").attribute("id", "export-ready-download").exists());
        browser.screenshot("export-progress-en");
        assertThat(draft.documentText()).contains("范围"); // the page still works while the file is made

        VaadinElement link = browser.$("a").id("export-ready-download");
        assertThat(browser.pageText()).contains("is ready");
        browser.screenshot("export-ready-en");
        assertNoMissingTexts(browser);

        try (PDDocument pdf = Loader.loadPDF(fetch(browser, (String) link.property("href")))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("个人信息安全规范");
        }
    }

    @Test
    void in_chinese_the_progress_and_the_offered_file_are_told_in_chinese() throws Exception {
        Browser browser = anotherBrowser(CHINESE);
        LoginPage.open(browser).signInAs("secretariat", DEMO_PASSWORD);
        DraftPage.open(browser, "gbt-35273");

        browser.$(MenuBarElement.class).id("download-menu").choose("download-docx");

        VaadinElement link = browser.$("a").id("export-ready-download");
        assertThat(browser.pageText()).contains("已生成");
        assertThat((String) link.property("textContent")).contains("下载");
        browser.screenshot("export-ready-zh");
        assertNoMissingTexts(browser);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(fetch(browser, (String) link.property("href"))))) {
            assertThat(doc.getParagraphs()).anyMatch(p -> p.getText().contains("个人信息安全规范"));
        }
    }

    /** Fetches what a link points to with the browser's session, as clicking it would. */
    private static byte[] fetch(Browser browser, String href) throws IOException, InterruptedException {
        URI uri = URI.create(href); // the property: resolved by the browser against the page's base
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri).header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
