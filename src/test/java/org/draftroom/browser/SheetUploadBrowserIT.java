package org.draftroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.security.SignedIn;
import org.draftroom.sheets.TestSheets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The sheet upload dialog in Chromium with a sheet of which two rows have problems, in both languages at 1400 and
 * 800 px: the summary, the import button and the download of the problem rows say the same counts; screenshots in
 * {@code target/screenshots/sheet-partial-*}.
 */
class SheetUploadBrowserIT extends BrowserTestBase {

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired RoundRepository repository;
    @Autowired UserDetailsService users;

    private Round freshRound() {
        Round round;
        SignedIn.as(users, "secretariat");
        try {
            String project = TestProjects.consultationCopy(projects, drafts, "GB/T P" + (System.nanoTime() % 100_000),
                    "部分导入", "Partial import");
            round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                    Instant.now().plus(Duration.ofDays(10)), "", Audience.INVITED,
                    Set.of(repository.organisationByCode("CN-ABC").orElseThrow().id()), true));
        } finally {
            SignedIn.nobody();
        }
        return round;
    }

    @Test
    void the_preview_of_a_sheet_with_problems_offers_its_valid_rows_in_both_languages_and_widths() throws Exception {
        Round round = freshRound();
        Path sheet = Path.of("target", "it-sheets").toAbsolutePath();
        Files.createDirectories(sheet);
        Path file = Files.write(sheet.resolve("abc-" + UUID.randomUUID() + ".xlsx"),
                TestSheets.xlsx(new String[][] {
                        {"MB/NC", "Line number", "Clause/Subclause", "Paragraph/Figure/Table", "Type of comment",
                                "Comments", "Proposed change", "Observations of the secretariat"},
                        {"CN-ABC", "12", "8", "", "te", "Set a time limit.", "15 working days", ""},
                        {"CN-ABC", "", "General", "", "ge", "Align terms with the PIPL.", "", ""},
                        {"CN-ABC", "", "5", "", "ed", "Typo in the heading.", "", ""},
                        {"CN-ABC", "", "99.9", "", "ed", "No such clause.", "", ""},
                        null,
                        {"CN-ABC", "", "6", "", "te", "Storage limits are vague.", "", ""},
                        {"CN-ABC", "", "7", "", "te", "Use needs a purpose.", "", ""},
                        {"CN-ABC", "30", "8", "", "xx", "Bad type.", "", ""},
                        {"CN-ABC", "", "9", "", "ed", "Sharing wording.", "", ""},
                        {"CN-ABC", "", "10", "", "te", "Incidents need a deadline.", "", ""}}));
        for (Locale language : new Locale[] {ENGLISH, CHINESE}) {
            Browser browser = anotherBrowser(language);
            LoginPage.open(browser).signInAs("reviewer1", DEMO_PASSWORD);
            for (int width : new int[] {1400, 800}) {
                DispositionWorkspaceBrowserIT.viewport(browser, width, 900);
                RoundPage page = RoundPage.open(browser, round.id()).uploadSheet(file);
                assertThat(page.importButtonText()).isEqualTo(text("rounds.sheet.import-valid", language, 7));
                assertThat(page.sheetPreview()).contains(text("rounds.sheet.summary.partial", language, 7, 2));
                assertThat(browser.$("a").id("sheet-problem-rows").text())
                        .isEqualTo(text("rounds.sheet.problem-rows", language, 2));
                assertNoMissingTexts(browser);
                browser.screenshot("sheet-partial-" + language.getLanguage() + "-" + width);
            }
        }
    }

    @Test
    void the_valid_rows_come_in_with_their_line_number_and_table_shown_on_the_comment() throws Exception {
        Round round = freshRound();
        Path dir = Files.createDirectories(Path.of("target", "it-sheets").toAbsolutePath());
        Path file = Files.write(dir.resolve("abc-" + UUID.randomUUID() + ".xlsx"), TestSheets.xlsx(new String[][] {
                {"MB/NC", "Line number", "Clause/Subclause", "Paragraph/Figure/Table", "Type of comment", "Comments",
                        "Proposed change", "Observations of the secretariat"},
                {"CN-ABC", "12", "8", "Table 3", "te", "Set a time limit.", "15 working days", ""},
                {"CN-ABC", "", "99.9", "", "ed", "No such clause.", "", ""}}));
        Browser english = anotherBrowser(ENGLISH);
        LoginPage.open(english).signInAs("reviewer1", DEMO_PASSWORD);
        RoundPage page = RoundPage.open(english, round.id()).uploadSheet(file);
        assertThat(page.importButtonText()).isEqualTo("Import the valid row");
        page.importSheet();
        for (Locale language : new Locale[] {ENGLISH, CHINESE}) {
            Browser browser = language == ENGLISH ? english : anotherBrowser(language);
            if (language != ENGLISH) {
                LoginPage.open(browser).signInAs("reviewer1", DEMO_PASSWORD);
            }
            for (int width : new int[] {1400, 800}) {
                DispositionWorkspaceBrowserIT.viewport(browser, width, 900);
                String card = RoundPage.open(browser, round.id()).draft().card("CN-ABC-001");
                assertThat(card).contains(text("comment.place.line", language, "12") + " · Table 3");
                browser.js("document.getElementById('comment-CN-ABC-001').scrollIntoView({block: 'center'})");
                browser.screenshot("sheet-place-" + language.getLanguage() + "-" + width);
            }
        }
    }
}
