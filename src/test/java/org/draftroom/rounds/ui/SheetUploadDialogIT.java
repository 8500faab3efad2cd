package org.draftroom.rounds.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.VaadinSession;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.sheets.SheetReader;
import org.draftroom.sheets.SheetRow;
import org.draftroom.sheets.TestSheets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sheet upload dialog with a sheet of which some rows have problems: the summary and the button say the same
 * thing the service offers, cancelling writes nothing, importing takes the valid rows, and the rows with problems are
 * downloadable as a sheet to correct.
 */
class SheetUploadDialogIT extends KaribuUiTest {

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired JdbcClient jdbc;
    private Round round;

    /** Seven valid rows, two with problems (an unknown clause, an invalid type), a blank row between them. */
    static byte[] sheetWithProblems() throws Exception {
        return TestSheets.xlsx(new String[][] {
                {"MB/NC", "Line number", "Clause/Subclause", "Paragraph/Figure/Table", "Type of comment", "Comments",
                        "Proposed change", "Observations of the secretariat"},
                {"CN-ABC", "12", "8", "", "te", "Set a time limit.", "15 working days", ""},
                {"CN-ABC", "", "General", "", "ge", "Align terms with the PIPL.", "", ""},
                {"CN-ABC", "", "5", "", "ed", "Typo in the heading.", "", ""},
                {"CN-ABC", "", "99.9", "", "ed", "No such clause.", "", ""},
                null,
                {"CN-ABC", "", "6", "", "te", "Storage limits are vague.", "", ""},
                {"CN-ABC", "", "7", "", "te", "Use needs a purpose.", "", ""},
                {"CN-ABC", "30", "8", "", "xx", "Bad type.", "", ""},
                {"CN-ABC", "", "9", "", "ed", "Sharing wording.", "", ""},
                {"CN-ABC", "", "10", "", "te", "Incidents need a deadline.", "", ""}});
    }

    @BeforeEach
    void openRound() {
        long abc = jdbc.sql("select id from organisation where code = 'CN-ABC'").query(Long.class).single();
        asUser("secretariat", () -> {
            String project = TestProjects.consultationCopy(projects, drafts, "GB/T U" + (System.nanoTime() % 100_000),
                    "意见表上传", "Sheet upload");
            round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                    Instant.now().plus(Duration.ofDays(10)), "", Audience.INVITED, Set.of(abc), true));
        });
    }

    private long commentsOfTheRound() {
        long[] n = new long[1];
        asUser("reviewer1", () -> n[0] = commentReader.count(round.projectId(),
                CommentFilter.all().withRoundId(round.id())));
        return n[0];
    }

    private SheetUploadDialog uploadTheSheet() throws Exception {
        UI.getCurrent().navigate("rounds/" + round.id());
        clickAsTheBrowserWould(_get(Button.class, spec -> spec.withId("upload-sheet")));
        SheetUploadDialog dialog = _get(SheetUploadDialog.class);
        _upload(_get(Upload.class, spec -> spec.withId("sheet-upload")), "abc.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheetWithProblems());
        return dialog;
    }

    @Test
    void the_valid_rows_are_imported_and_the_rows_with_problems_are_downloadable_to_correct() throws Exception {
        signInAs("reviewer1", Locale.ENGLISH);
        SheetUploadDialog dialog = uploadTheSheet();
        assertThat(dialog.summary.getText()).isEqualTo("Import 7 valid rows; 2 rows have problems and stay out: "
                + "download them, correct them and upload that file again. 7 new, 0 updated, 0 unchanged.");
        assertThat(dialog.importButton.getText()).isEqualTo("Import the 7 valid rows");
        assertThat(dialog.importButton.isEnabled()).isTrue();
        assertThat(dialog.problemRows.isVisible()).isTrue();
        assertThat(dialog.problemRows.getText()).isEqualTo("Download the 2 rows with problems");
        assertThat(column(dialog.preview, 0)).as("rows as Excel shows them, the blank row counted")
                .containsExactly("2", "3", "4", "5", "7", "8", "9", "10", "11");

        var problemSheet = SheetReader.read("abc-problem-rows.xlsx", download(dialog));
        assertThat(problemSheet.rows()).extracting(SheetRow::comment).containsExactly("No such clause.", "Bad type.");
        assertThat(problemSheet.rows()).extracting(SheetRow::observations)
                .allMatch(note -> note.startsWith("Row 5: ") || note.startsWith("Row 9: "));

        clickAsTheBrowserWould(_get(Button.class, spec -> spec.withText("Cancel")));
        assertThat(dialog.isOpened()).isFalse();
        assertThat(commentsOfTheRound()).as("cancelling writes nothing").isZero();

        SheetUploadDialog again = uploadTheSheet();
        clickAsTheBrowserWould(again.importButton);
        assertThat(commentsOfTheRound()).isEqualTo(7);
        assertThat(notificationTexts()).contains("7 comments imported; 2 rows with problems were left out.");
    }

    @Test
    void in_chinese_the_summary_and_the_button_agree_too() throws Exception {
        signInAs("reviewer1", Locale.SIMPLIFIED_CHINESE);
        SheetUploadDialog dialog = uploadTheSheet();
        assertThat(dialog.summary.getText()).startsWith("可导入 7 行有效意见；2 行有问题");
        assertThat(dialog.importButton.getText()).isEqualTo("导入 7 行有效意见");
        assertThat(dialog.problemRows.getText()).isEqualTo("下载有问题的 2 行");
        assertThat(SheetReader.read("x.xlsx", download(dialog)).rows().get(0).observations()).startsWith("第 5 行：");
    }

    /** The file behind the dialog's download link, as the browser would fetch it. */
    private static byte[] download(SheetUploadDialog dialog) throws Exception {
        String href = dialog.problemRows.getHref();
        VaadinSession session = VaadinSession.getCurrent();
        StreamResource resource = (StreamResource) session.getResourceRegistry().getResource(URI.create(href))
                .orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        resource.getWriter().accept(out, session);
        return out.toByteArray();
    }
}
