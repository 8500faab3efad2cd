package org.draftroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Uploading a new version as plain Markdown in the browser: before anything is saved the dialog shows how its
 * clauses match the latest version's (kept, new, deleted, moved with old and new numbers) and which typed numbers
 * differ from GB/T 1.1's. Matched against a copy of the sample's 2020 text of its own: other tests change the sample.
 */
class ImportMatchingBrowserIT extends BrowserTestBase {

    /** The sample's latest text as another body would type it: numbers typed, no ids; 8.2 deleted, one clause new. */
    private static Path plainUpload() throws Exception {
        DraftDocument document = DraftFormat.parse(Files.readAllBytes(Path.of("drafts-repo/seed/gbt-35273/v2020.md")));
        StringBuilder sb = new StringBuilder(document.preamble());
        for (NumberedClause c : NumberedOutline.of(document).clauses()) {
            if (c.id().equals("c-right-correction")) {
                continue;
            }
            String label = c.label(Language.ZH);
            sb.append("#".repeat(c.clause().level())).append(' ').append(label.isEmpty() ? "" : label + " ")
                    .append(c.clause().title()).append('\n').append(c.clause().body());
            if (c.id().equals("c-complaints")) {
                sb.append("## 8.8 个人信息主体权利的行使期限\n\n个人信息控制者应在30天内答复个人信息主体的请求。\n\n");
            }
        }
        Path file = Files.createTempFile("plain-version-", ".md");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired UserDetailsService users;

    /** The project the upload is matched against: a copy of the sample's 2020 text (tag cd-1), this test's own. */
    private String project;

    private String project() {
        if (project == null) {
            SignedIn.as(users, "secretariat");
            try {
                project = TestProjects.consultationCopy(projects, drafts, "GB/T IM" + (System.nanoTime() % 100_000),
                        "导入对应测试", "Import matching test");
            } finally {
                SignedIn.nobody();
            }
        }
        return project;
    }

    /**
     * Signs in and chooses the interface language: a person's remembered choice (left by any earlier test that
     * switched it) wins over the browser's language, so the language is chosen, not assumed.
     */
    private void preview(Browser browser, Path file, String screenshot, Locale language) {
        AppShell shell = LoginPage.open(browser).signInAs("editor2", DEMO_PASSWORD);
        if (!shell.currentLanguage().getLanguage().equals(language.getLanguage())) {
            shell.switchTo(language);
        }
        DraftPage.open(browser, project());
        browser.$("vaadin-button").id("import-version").click();
        VaadinElement upload = browser.$("vaadin-upload").first();
        WebElement input = upload.webElement().getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.waitUntil("the matching to be shown", () -> Boolean.TRUE.equals(browser.js(
                "return !!document.querySelector('#match-summary')")));
        browser.waitForVaadin();
        browser.js("document.querySelector('#match-grid').scrollToIndex(40)");
        browser.waitForVaadin();
        browser.screenshot(screenshot);
    }

    @Test
    void the_upload_dialog_shows_kept_new_and_deleted_clauses_with_their_numbers_before_saving() throws Exception {
        Path file = plainUpload();
        preview(browser(), file, "import-matching-en-1400", ENGLISH);
        String summary = browser().$("p").id("match-summary").webElement().getText();
        assertThat(summary).endsWith(" kept, 0 moved, 1 new, 1 deleted");
        // The grid draws only the rows in sight: read it ten rows at a time to its end (where deleted clauses are).
        StringBuilder text = new StringBuilder();
        long rows = ((Number) browser().js("return document.querySelector('#match-grid').size")).longValue();
        for (long i = 0; i <= rows; i += 10) {
            browser().js("document.querySelector('#match-grid').scrollToIndex(arguments[0])", i);
            browser().waitForVaadin();
            text.append(browser().js("return document.querySelector('#import-preview').innerText")).append('\n');
        }
        String page = text.toString();
        assertThat(page).contains("old 8.2 个人信息更正 deleted", "8.8 new", "Typed “8.3 个人信息删除”, numbered 8.2");
        assertNoMissingTexts(browser());

        Browser chinese = anotherBrowser(Locale.SIMPLIFIED_CHINESE);
        preview(chinese, file, "import-matching-zh-1400", CHINESE);
        assertThat(chinese.$("p").id("match-summary").webElement().getText()).startsWith("保留");
        assertNoMissingTexts(chinese);
    }
}
