package org.draftroom.rounds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.draftroom.IntegrationTest;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.domain.SheetPreview;
import org.draftroom.security.SignedIn;
import org.draftroom.sheets.IsoTemplateWriter;
import org.draftroom.sheets.IsoXlsxWriter;
import org.draftroom.sheets.SheetReader;
import org.draftroom.sheets.SheetRow;
import org.draftroom.sheets.TestSheets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Comment sheets in a round: preview with row problems, all-or-nothing import, no double import, download. */
@IntegrationTest
class SheetServiceIT {

    @Autowired SheetService sheets;
    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired RoundRepository repository;
    @Autowired UserDetailsService users;
    private Round round;

    @BeforeEach
    void openRound() {
        SignedIn.as(users, "secretariat");
        String project = TestProjects.consultationCopy(projects, drafts, "GB/T S" + (System.nanoTime() % 100_000), "意见表测试", "Sheet test");
        round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                Instant.now().plus(Duration.ofDays(20)), "", Audience.INVITED,
                Set.of(repository.organisationByCode("CN-ABC").orElseThrow().id()), true));
        SignedIn.as(users, "reviewer1");
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private static byte[] xlsx(List<SheetRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IsoXlsxWriter.write(rows, out);
        return out.toByteArray();
    }

    @Test
    void every_row_is_previewed_with_its_problems_and_nothing_is_imported_while_one_has_any() throws IOException {
        byte[] sheet = xlsx(List.of(
                new SheetRow(1, "CN", "8", "", "te", "Set a time limit.", "15 working days", ""),
                new SheetRow(2, "CN", "99.9", "", "ed", "No such clause.", "", ""),
                new SheetRow(3, "CN", "General", "", "xx", "Bad type.", "", "")));
        SheetPreview preview = sheets.preview(round.id(), "abc.xlsx", sheet);

        assertThat(preview.rows()).hasSize(3);
        assertThat(preview.rows().get(0).ok()).isTrue();
        assertThat(preview.rows().get(0).clauseId()).isEqualTo("c-rights");
        assertThat(preview.rows().get(1).problems()).extracting(SheetPreview.Problem::key)
                .contains("rounds.sheet.unknown-clause");
        assertThat(preview.rows().get(2).problems()).extracting(SheetPreview.Problem::key)
                .contains("sheet.type.invalid");
        assertThat(preview.rows().get(2).type()).as("a refused type is not shown as general").isNull();
        assertThat(preview.importable()).isFalse();
        assertThatThrownBy(() -> sheets.importSheet(round.id(), preview))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("rounds.sheet.has-problems"));
        assertThat(commentReader.count(round.projectId(), CommentFilter.all().withRoundId(round.id()))).isZero();
    }

    @Test
    void a_clean_sheet_is_imported_once_and_comes_back_as_the_filled_iso_template() throws IOException {
        byte[] sheet = xlsx(List.of(
                new SheetRow(1, "CN", "8", "", "te", "Set a time limit.", "15 working days", ""),
                new SheetRow(2, "CN", "General", "", "ge", "Align terms with the PIPL.", "", "")));
        SheetPreview preview = sheets.preview(round.id(), "abc.xlsx", sheet);
        assertThat(preview.importable()).isTrue();
        assertThat(sheets.importSheet(round.id(), preview)).isEqualTo(2);
        assertThat(commentReader.count(round.projectId(), CommentFilter.all().withRoundId(round.id()))).isEqualTo(2);

        SheetPreview again = sheets.preview(round.id(), "copy-of-abc.xlsx", sheet);
        assertThat(again.alreadyImported()).isTrue();
        assertThatThrownBy(() -> sheets.importSheet(round.id(), again))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("rounds.sheet.already-imported"));

        byte[] docx = sheets.organisationSheet(round.id());
        var back = SheetReader.read("ours.docx", docx);
        assertThat(back.problems()).isEmpty();
        assertThat(back.rows()).extracting(SheetRow::comment)
                .containsExactlyInAnyOrder("Set a time limit.", "Align terms with the PIPL.");
        assertThat(back.rows()).extracting(SheetRow::type).containsOnly(CommentType.TE.code(), CommentType.GE.code());
        assertThat(IsoTemplateWriter.TEMPLATE).isNotBlank();
    }

    @Test
    void the_chinese_feedback_form_has_no_type_column_and_its_comments_come_in_as_general() throws IOException {
        byte[] form = TestSheets.chineseForm(new String[][] {
                {"1", "8", "个人信息主体", "个人信息主体（用户）", "术语与第3章不一致。"}});
        SheetPreview preview = sheets.preview(round.id(), "反馈意见表.xlsx", form);

        assertThat(preview.rows()).singleElement().satisfies(row -> {
            assertThat(row.problems()).isEmpty();
            assertThat(row.type()).isEqualTo(CommentType.GE);
            assertThat(row.clauseId()).isEqualTo("c-rights");
        });
        assertThat(sheets.importSheet(round.id(), preview)).isEqualTo(1);
        assertThat(commentReader.find(round.projectId(), round.commitId(), CommentFilter.all().withRoundId(round.id()),
                0, 10)).singleElement().satisfies(p -> assertThat(p.comment().type()).isEqualTo(CommentType.GE));
    }

    @Test
    void the_valid_rows_of_a_sheet_with_problems_are_imported_and_the_problem_rows_come_back_as_a_sheet_to_correct()
            throws IOException {
        byte[] sheet = TestSheets.xlsx(new String[][] {
                {"MB/NC", "Line number", "Clause/Subclause", "Paragraph/Figure/Table", "Type of comment", "Comments",
                        "Proposed change", "Observations of the secretariat"},
                {"CN-ABC", "12", "8", "", "te", "Set a time limit.", "15 working days", ""},
                {"CN-ABC", "", "99.9", "", "ed", "No such clause.", "", ""},
                null,
                {"CN-ABC", "", "General", "", "ge", "Align terms with the PIPL.", "", ""},
                {"CN-ABC", "40", "8", "", "xx", "Bad type.", "Use te", ""},
                {"CN-ABC", "", "5", "", "ed", "Typo.", "", ""}});
        SheetPreview preview = sheets.preview(round.id(), "abc.xlsx", sheet);
        var offer = sheets.offer(preview);
        assertThat(offer.toImport()).isEqualTo(3);
        assertThat(offer.withProblems()).isEqualTo(2);
        assertThat(offer.possible()).isTrue();
        assertThat(offer.partial()).isTrue();
        assertThat(preview.rows()).filteredOn(r -> !r.ok()).extracting(SheetPreview.Row::rowNumber)
                .as("rows as Excel shows them, the blank row counted").containsExactly(3, 6);

        assertThatThrownBy(() -> sheets.importSheet(round.id(), preview))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("rounds.sheet.has-problems"));
        assertThat(commentReader.count(round.projectId(), CommentFilter.all().withRoundId(round.id()))).isZero();

        byte[] problems = sheets.problemRowsSheet(round.id(), preview, java.util.Locale.ENGLISH);
        assertThat(commentReader.count(round.projectId(), CommentFilter.all().withRoundId(round.id())))
                .as("downloading the problem rows writes nothing").isZero();
        var back = SheetReader.read(SheetService.problemRowsFileName(preview), problems);
        assertThat(SheetService.problemRowsFileName(preview)).isEqualTo("abc-problem-rows.xlsx");
        assertThat(back.format()).isEqualTo(org.draftroom.sheets.SheetFormat.ISO_XLSX);
        assertThat(back.rows()).extracting(SheetRow::comment).containsExactly("No such clause.", "Bad type.");
        assertThat(back.rows()).extracting(SheetRow::lineNumber).containsExactly("", "40");
        assertThat(back.rows().get(0).observations()).startsWith("Row 3: There is no clause \"99.9\"");
        assertThat(back.rows().get(1).observations()).startsWith("Row 6: ");
        assertThat(back.rows().get(1).type()).as("the type as written, for the reviewer to correct").isEqualTo("xx");

        assertThat(sheets.importSheet(round.id(), preview, true)).isEqualTo(3);
        assertThat(commentReader.count(round.projectId(), CommentFilter.all().withRoundId(round.id()))).isEqualTo(3);

        // The reviewer corrects the two rows in the downloaded file and uploads it: both come in, nothing twice.
        List<SheetRow> corrected = List.of(
                new SheetRow(1, "CN-ABC", "9", "", "ed", "No such clause.", "", back.rows().get(0).observations()),
                new SheetRow(2, "CN-ABC", "8", "", "te", "Bad type.", "Use te", "", "40"));
        SheetPreview second = sheets.preview(round.id(), "abc-problem-rows.xlsx", xlsx(corrected));
        assertThat(sheets.offer(second).partial()).isFalse();
        assertThat(sheets.importSheet(round.id(), second)).isEqualTo(2);
        assertThat(commentReader.count(round.projectId(), CommentFilter.all().withRoundId(round.id()))).isEqualTo(5);

        // The whole sheet corrected instead: the rows imported before are recognised and left as they are.
        assertThat(sheets.offer(sheets.preview(round.id(), "abc-v2.xlsx", xlsx(List.of(
                new SheetRow(2, "CN-ABC", "8", "", "te", "Set a time limit.", "15 working days", "", "12"),
                new SheetRow(5, "CN-ABC", "General", "", "ge", "Align terms with the PIPL.", "", "")))))
                .unchanged()).isEqualTo(2);
    }

    @Test
    void a_sheet_whose_every_row_has_a_problem_offers_nothing_to_import() throws IOException {
        SheetPreview preview = sheets.preview(round.id(), "bad.xlsx", xlsx(List.of(
                new SheetRow(1, "CN", "99.9", "", "ed", "No such clause.", "", ""))));
        var offer = sheets.offer(preview);
        assertThat(offer.possible()).isFalse();
        assertThat(offer.refusalKey()).isEqualTo("rounds.sheet.has-problems");
        assertThatThrownBy(() -> sheets.importSheet(round.id(), preview, true))
                .isInstanceOf(UserFacingException.class);
        assertThat(commentReader.count(round.projectId(), CommentFilter.all().withRoundId(round.id()))).isZero();
    }
}
