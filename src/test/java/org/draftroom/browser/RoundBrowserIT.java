package org.draftroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.draftroom.AdjustableClock;
import org.draftroom.comments.domain.Comment;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.domain.DispositionRow;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.security.SignedIn;
import org.draftroom.sheets.TestSheets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A full consultation round in Chromium, as the people of the demo profile live it:
 * <ol>
 * <li>the secretariat schedules the round through the "New round" dialog on a fresh project (created at service level:
 *     that is the test's setup, not the round), invited to CN-ABC and CN-XYZ, opening now;</li>
 * <li>reviewer1 (CN-ABC) selects words of a clause of the frozen draft and comments on them (CN-ABC-001), then uploads
 *     a Chinese feedback form (XLSX: 序号, 章节号, 原文, 修改后内容, 理由), sees its preview and imports it
 *     (CN-ABC-002);</li>
 * <li>reviewer2 (CN-XYZ) comments on another clause (CN-XYZ-001) and uploads an ISO comment sheet filled in here with
 *     Apache POI from the real blank template, sees the preview of its rows and imports them (CN-XYZ-002, -003);</li>
 * <li>the deadline passes: the application's clock (an {@link AdjustableClock}) is moved past the closing time;</li>
 * <li>reviewer1 comments again: the comment dialog refuses it with the message shown under the text;</li>
 * <li>the secretariat accepts late comments from CN-ABC (history tab); reviewer1's comment is then saved as
 *     CN-ABC-003 and the dispositions grid marks it late;</li>
 * <li>the secretariat records a disposition of every comment through the disposition dialog (a reason is demanded for
 *     all but plain acceptance, and the dialog says so when it is missing) and publishes;</li>
 * <li>reviewer1 sees the published dispositions of CN-ABC's comments and marks satisfaction.</li>
 * </ol>
 */
class RoundBrowserIT extends BrowserTestBase {

    private static final Path SHEETS = Path.of("target", "it-sheets").toAbsolutePath();

    @Autowired
    private ProjectService projects;

    @Autowired
    private DraftService drafts;

    @Autowired
    private DispositionService dispositions;

    @Autowired
    private RoundService rounds;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private AdjustableClock clock;

    @AfterEach
    void signOutOfServicesAndResetTheClock() {
        SignedIn.nobody();
        clock.reset();
    }

    @Test
    void a_round_from_opening_to_the_reviewers_satisfaction() throws IOException {
        String code = "GB/T R" + (System.nanoTime() % 100_000);
        String projectId = freshProject(code);

        // The secretariat schedules the round through the dialog.
        Browser secretariat = browser();
        LoginPage.open(secretariat).signInAs("secretariat", DEMO_PASSWORD);
        secretariat.open("rounds");
        secretariat.$(ComboBoxElement.class).id("rounds-project").selectByText(code);
        secretariat.$(ButtonElement.class).id("new-round").click();
        secretariat.$(DialogElement.class).first();
        MultiSelectComboBoxElement invited = secretariat.$(MultiSelectComboBoxElement.class).id("round-organisations");
        invited.selectByText("CN-ABC");
        invited.selectByText("CN-XYZ");
        secretariat.screenshot("round-1-new-round-dialog");
        secretariat.$(ButtonElement.class).id("round-save").click();
        secretariat.$(DialogElement.class).waitUntilGone();
        RoundPage staffView = RoundPage.shown(secretariat);
        long roundId = staffView.id();
        assertThat(staffView.head()).contains("Open", "CN-ABC", "CN-XYZ");

        // reviewer1 (CN-ABC) comments on selected words of the frozen draft.
        Browser reviewer1 = anotherBrowser(ENGLISH);
        LoginPage.open(reviewer1).signInAs("reviewer1", DEMO_PASSWORD);
        RoundPage abc = RoundPage.open(reviewer1, roundId);
        CommentsPage abcDraft = abc.draft();
        String words = abc.selectWordsOf("c-right-access", 6);
        String first = "Set a time limit for answering. " + UUID.randomUUID();
        abc.commentOnSelection("te", first);
        reviewer1.$(DialogElement.class).waitUntilGone();
        reviewer1.waitForVaadin();
        assertThat(abcDraft.card("CN-ABC-001")).contains("CN-ABC-001", "te", words);
        reviewer1.screenshot("round-2-reviewer-commented");

        // reviewer1 also uploads the Chinese feedback form, sees its row and imports it.
        Path form = chineseForm(new String[][] {
                {"1", "8.1", "个人信息主体", "个人信息主体（用户）", "术语应与第3章一致。"}});
        abc.uploadSheet(form);
        assertThat(abc.sheetPreview()).contains("1 row read, no problems.", "术语应与第3章一致。");
        reviewer1.screenshot("round-2b-chinese-form-preview");
        abc.importSheet();
        assertThat(abc.notifications()).contains("1 comment imported.");

        // reviewer2 (CN-XYZ) comments on another clause, then uploads a filled ISO sheet and imports its rows.
        Browser reviewer2 = anotherBrowser(ENGLISH);
        LoginPage.open(reviewer2).signInAs("reviewer2", DEMO_PASSWORD);
        RoundPage xyz = RoundPage.open(reviewer2, roundId);
        CommentsPage xyzDraft = xyz.draft();
        xyz.selectWordsOf("c-right-correction", 5);
        xyz.commentOnSelection("ed", "Say who corrects the information. " + UUID.randomUUID());
        reviewer2.$(DialogElement.class).waitUntilGone();
        reviewer2.waitForVaadin();
        assertThat(xyzDraft.card("CN-XYZ-001")).contains("CN-XYZ-001", "ed");
        Path sheet = isoSheet(new String[][] {
                {"CN", "1", "1", "", "ge", "The scope should name small controllers.", "Add \"including small ones\".", ""},
                {"CN", "2", "General", "", "ed", "Use \"shall\" for requirements.", "", ""}});
        xyz.uploadSheet(sheet);
        assertThat(xyz.sheetPreview()).contains("2 rows read, no problems. Check them and import them.",
                "The scope should name small controllers.", "Use \"shall\" for requirements.");
        assertThat(xyz.importButtonText()).contains("2");
        reviewer2.screenshot("round-3-sheet-preview");
        xyz.importSheet();
        assertThat(xyz.notifications()).contains("2 comments imported.");

        // The deadline passes.
        clock.advance(Duration.between(clock.instant(), closingTime(roundId)).plusMinutes(1));
        staffView = RoundPage.open(secretariat, roundId);
        assertThat(staffView.head()).contains("Closed").doesNotContain("Closed early");

        // A late comment is refused, with the message shown.
        abc = RoundPage.open(reviewer1, roundId);
        assertThat(abc.submissionBar()).contains(text("round.write.closed", ENGLISH));
        abc.draft();
        abc.selectWordsOf("c-right-access", 4);
        String late = "Also cover deceased persons. " + UUID.randomUUID();
        abc.commentOnSelection("te", late);
        assertThat(abc.commentRefusal()).isEqualTo(text("round.write.closed", ENGLISH));
        reviewer1.screenshot("round-4-late-comment-refused");
        abc.cancelDialog();

        // The secretariat accepts late comments from CN-ABC; the same comment is now saved, marked late.
        staffView = RoundPage.open(secretariat, roundId).allowLateComments("CN-ABC", "CN-ABC asked for two more days.");
        assertThat(staffView.history()).contains("CN-ABC asked for two more days.");
        abc = RoundPage.open(reviewer1, roundId);
        CommentsPage draftAgain = abc.draft();
        abc.selectWordsOf("c-right-access", 4);
        abc.commentOnSelection("te", late);
        reviewer1.$(DialogElement.class).waitUntilGone();
        assertThat(draftAgain.card("CN-ABC-003")).contains("CN-ABC-003");
        Comment lateComment = find(roundId, late);
        assertThat(lateComment.late()).isTrue();

        // The secretariat records a disposition of every comment and publishes.
        staffView = RoundPage.open(secretariat, roundId);
        GridElement grid = staffView.dispositions();
        assertThat(grid.row("CN-ABC-003").toString()).contains("[late]");
        assertThat(grid.row("CN-ABC-002").toString()).doesNotContain("[late]").contains("术语应与第3章一致。");
        for (String id : List.of("CN-ABC-001", "CN-ABC-002", "CN-ABC-003", "CN-XYZ-001", "CN-XYZ-002", "CN-XYZ-003")) {
            grid.cell(id);
        }
        staffView.recordDisposition("CN-ABC-001", "Accepted", "");
        staffView.waitForDialogToClose();
        staffView.recordDisposition("CN-ABC-002", "Accepted", "");
        staffView.waitForDialogToClose();
        staffView.recordDisposition("CN-ABC-003", "Not accepted", "");
        assertThat(staffView.dispositionReasonError()).isEqualTo(text("dispositions.reason.required", ENGLISH));
        staffView.recordDisposition("CN-ABC-003", "Not accepted", "Out of the scope of this standard.");
        staffView.waitForDialogToClose();
        staffView.recordDisposition("CN-XYZ-001", "Accepted", "");
        staffView.waitForDialogToClose();
        staffView.recordDisposition("CN-XYZ-002", "Partly accepted", "Small controllers are named in 4.2 instead.");
        staffView.waitForDialogToClose();
        staffView.recordDisposition("CN-XYZ-003", "Noted", "The editors review the verbal forms in the next draft.");
        staffView.waitForDialogToClose();
        GridElement decided = staffView.dispositions();
        assertThat(decided.row("CN-ABC-003")).contains("Not accepted");
        assertThat(decided.row("CN-XYZ-002")).contains("Partly accepted");
        secretariat.screenshot("round-5-dispositions");
        staffView.publishDispositions();
        assertThat(staffView.head()).contains("Dispositions published");

        // reviewer1 sees the dispositions of CN-ABC's comments and marks satisfaction.
        abc = RoundPage.open(reviewer1, roundId);
        GridElement published = abc.dispositions();
        assertThat(published.row("CN-ABC-001")).contains("Accepted");
        assertThat(published.row("CN-ABC-003")).contains("Not accepted", "Out of the scope of this standard.");
        Comment firstComment = find(roundId, first);
        abc.markSatisfaction(firstComment.id(), true);
        abc.markSatisfaction(lateComment.id(), false);
        GridElement answered = abc.dispositions();
        assertThat(answered.row("CN-ABC-001")).contains("Satisfied");
        assertThat(answered.row("CN-ABC-003")).contains("Not satisfied");
        reviewer1.screenshot("round-6-reviewer-satisfaction");
        assertNoMissingTexts(reviewer1);
    }

    private String freshProject(String code) {
        SignedIn.as(users, "secretariat");
        try {
            return TestProjects.consultationCopy(projects, drafts, code, "浏览器测试", "Browser round test");
        } finally {
            SignedIn.nobody();
        }
    }

    private Instant closingTime(long roundId) {
        SignedIn.as(users, "secretariat");
        try {
            return rounds.get(roundId).closesAt();
        } finally {
            SignedIn.nobody();
        }
    }

    private Comment find(long roundId, String body) {
        SignedIn.as(users, "secretariat");
        try {
            return dispositions.rows(roundId).stream().map(DispositionRow::comment)
                    .filter(c -> c.body().equals(body)).findFirst().orElseThrow();
        } finally {
            SignedIn.nobody();
        }
    }

    private static Path chineseForm(String[][] rows) throws IOException {
        return saved("反馈意见表-" + UUID.randomUUID() + ".xlsx", TestSheets.chineseForm(rows));
    }

    private static Path isoSheet(String[][] rows) throws IOException {
        return saved("cn-xyz-" + UUID.randomUUID() + ".docx", TestSheets.isoDocx(rows));
    }

    private static Path saved(String name, byte[] content) throws IOException {
        Files.createDirectories(SHEETS);
        return Files.write(SHEETS.resolve(name), content);
    }
}
