package org.draftroom.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.draftroom.IntegrationTest;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.domain.SheetPreview;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.rounds.service.SheetService;
import org.draftroom.security.SignedIn;
import org.draftroom.sheets.SheetReader;
import org.draftroom.sheets.SheetRow;
import org.draftroom.sheets.TestSheets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every column of the ISO template survives: a sheet's line numbers and Paragraph/Figure/Table references are kept
 * with the imported comments, written back into the reviewer's downloaded sheet, and out into the disposition tables
 * (XLSX, the ISO template, the Chinese 意见汇总处理表).
 */
@IntegrationTest
class SheetColumnsExportIT {

    private static final AtomicInteger CODES = new AtomicInteger((int) (System.nanoTime() % 100_000) + 700_000);

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired SheetService sheets;
    @Autowired DispositionService dispositions;
    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired RoundRepository repository;
    @Autowired UserDetailsService users;
    @Autowired RoundExportService exports;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void line_numbers_and_paragraph_figure_table_go_from_the_sheet_into_the_comment_and_out_into_every_table()
            throws Exception {
        SignedIn.as(users, "secretariat");
        String project = projects.create(new ProjectForm("GB/T L" + CODES.incrementAndGet(), "列保留测试",
                "Columns test", DocumentType.GB_T, "WG7", Stage.CONSULTATION, "30.20", "CN-BCL"),
                drafts.open("gbt-35273", "cd-1").document()).id();
        Round round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                Instant.now().plus(Duration.ofDays(30)), "", Audience.INVITED,
                Set.of(repository.organisationByCode("CN-ABC").orElseThrow().id()), true));

        SignedIn.as(users, "reviewer1");
        byte[] sheet = TestSheets.xlsx(new String[][] {
                {"MB/NC", "Line number", "Clause/Subclause", "Paragraph/Figure/Table", "Type of comment", "Comments",
                        "Proposed change", "Observations of the secretariat"},
                {"CN-ABC", "12", "5.2", "Table 3", "te", "The threshold is missing.", "Add a threshold.", ""},
                {"CN-ABC", "40", "General", "", "ge", "Align the terms.", "", ""},
                {"CN-ABC", "", "5.4", "Paragraph 2", "ed", "Typo.", "", ""}});
        SheetPreview preview = sheets.preview(round.id(), "abc.xlsx", sheet);
        assertThat(sheets.importSheet(round.id(), preview)).isEqualTo(3);

        Map<String, Comment> byText = new LinkedHashMap<>();
        for (PlacedComment p : commentReader.findAll(project, round.commitId(), CommentFilter.all()
                .withRoundId(round.id()).withTypes(Set.of(CommentType.values())), 100)) {
            byText.put(p.comment().body(), p.comment());
        }
        assertThat(byText.keySet()).as("the paragraph is a field of its own, not part of the text")
                .containsExactlyInAnyOrder("The threshold is missing.", "Align the terms.", "Typo.");
        assertThat(byText.get("The threshold is missing.")).extracting(Comment::lineNumber, Comment::location)
                .containsExactly("12", "Table 3");
        assertThat(byText.get("Typo.")).extracting(Comment::lineNumber, Comment::location)
                .containsExactly("", "Paragraph 2");

        // The reviewer's own sheet carries them back, and uploading it again changes nothing.
        byte[] ours = sheets.organisationSheet(round.id());
        List<SheetRow> back = SheetReader.read("ours.docx", ours).rows();
        assertThat(back).extracting(SheetRow::comment, SheetRow::lineNumber, SheetRow::paragraph)
                .contains(org.assertj.core.groups.Tuple.tuple("The threshold is missing.", "12", "Table 3"),
                        org.assertj.core.groups.Tuple.tuple("Align the terms.", "40", ""),
                        org.assertj.core.groups.Tuple.tuple("Typo.", "", "Paragraph 2"));
        assertThat(sheets.preview(round.id(), "ours.docx", ours).count(SheetPreview.Change.UNCHANGED)).isEqualTo(3);

        SignedIn.as(users, "secretariat");
        roundLifecycle.closeEarly(round.id(), "Closing for the columns test");
        for (Comment c : byText.values()) {
            dispositions.record(c.id(), Disposition.ACCEPTED, "", null);
        }

        var xlsx = exports.dispositionTable(round.id(), RoundExportService.TableFormat.XLSX, Locale.ENGLISH);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            Sheet table = wb.getSheetAt(0);
            List<String> titles = cells(table.getRow(0));
            int line = titles.indexOf("Line number");
            int where = titles.indexOf("Paragraph/Figure/Table");
            int comment = titles.indexOf("Comment");
            assertThat(line).isPositive();
            assertThat(where).isPositive();
            for (int r = 1; r <= table.getLastRowNum(); r++) {
                List<String> cells = cells(table.getRow(r));
                rows.put(cells.get(comment), List.of(at(cells, line), at(cells, where)));
            }
        }
        assertThat(rows).containsEntry("The threshold is missing.", List.of("12", "Table 3"))
                .containsEntry("Align the terms.", List.of("40", "")).containsEntry("Typo.", List.of("", "Paragraph 2"));

        var iso = exports.dispositionTable(round.id(), RoundExportService.TableFormat.ISO_DOCX, Locale.ENGLISH);
        assertThat(SheetReader.read("iso.docx", iso.content()).rows())
                .extracting(SheetRow::comment, SheetRow::lineNumber, SheetRow::paragraph)
                .contains(org.assertj.core.groups.Tuple.tuple("The threshold is missing.", "12", "Table 3"));

        var chinese = exports.dispositionTable(round.id(), RoundExportService.TableFormat.CN_DOCX, Locale.CHINA);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(chinese.content()))) {
            XWPFTable table = doc.getTables().get(0);
            List<String> clauses = new ArrayList<>();
            for (int r = 1; r < table.getNumberOfRows(); r++) {
                clauses.add(table.getRow(r).getCell(1).getText());
            }
            assertThat(clauses).anyMatch(c -> c.contains("5.2") && c.contains("第12行") && c.contains("Table 3"));
        }
    }

    private static String at(List<String> cells, int i) {
        return i < cells.size() ? cells.get(i) : "";
    }

    private static List<String> cells(Row row) {
        DataFormatter f = new DataFormatter();
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            out.add(row.getCell(c) == null ? "" : f.formatCellValue(row.getCell(c)));
        }
        return out;
    }
}
