package org.draftroom.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.draftroom.IntegrationTest;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.security.SignedIn;
import org.draftroom.sheets.ChineseDispositionDocx;
import org.draftroom.sheets.IsoTemplateWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The disposition table and the submission package of a round, on a fresh copy of the GB/T 35273 sample per test:
 * every produced file is opened with POI or PDFBox and its content checked as the secretariat would read it.
 */
@IntegrationTest
class RoundExportServiceIT {

    private static final String SAMPLE = "gbt-35273";
    private static final AtomicInteger CODES = new AtomicInteger((int) (System.nanoTime() % 100_000) + 500_000);

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired DispositionService dispositions;
    @Autowired CommentService comments;
    @Autowired RoundRepository repository;
    @Autowired UserDetailsService users;
    @Autowired RoundExportService exports;

    private String project;
    private String code;
    private Round round;
    /** readable id of the comment on 5.2, 5.5 (deleted later), 5.6 (5.5 later), general */
    private Comment minimisation;
    private Comment privacyPolicy;
    private Comment exceptions;
    private Comment general;

    @BeforeEach
    void roundWithComments() {
        SignedIn.as(users, "secretariat");
        DraftDocument text = drafts.open(SAMPLE, "cd-1").document();
        code = "GB/T E" + CODES.incrementAndGet();
        project = projects.create(new ProjectForm(code, "个人信息安全规范导出测试", "Export test",
                DocumentType.GB_T, "WG7", Stage.CONSULTATION, "30.20", "CN-BCL"), text).id();
        round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                Instant.now().plus(Duration.ofDays(30)), "", Audience.INVITED,
                Set.of(org("CN-ABC"), org("CN-XYZ")), true));
        minimisation = comment("reviewer1", "c-minimisation", CommentType.TE, "最小必要缺少判断标准。");
        privacyPolicy = comment("reviewer1", "c-privacy-policy", CommentType.ED, "隐私政策一节与附录重复。");
        exceptions = comment("reviewer2", "c-consent-exceptions", CommentType.TE, "例外情形过宽。");
        general = comment("reviewer2", "", CommentType.GE, "术语应与《个人信息保护法》一致。");
        SignedIn.as(users, "secretariat");
        roundLifecycle.closeEarly(round.id(), "Closing for the export test");
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private long org(String orgCode) {
        return repository.organisationByCode(orgCode).orElseThrow().id();
    }

    private Comment comment(String username, String clauseId, CommentType type, String body) {
        SignedIn.as(users, username);
        return comments.create(project, round.commitId(), new CommentForm(round.id(), type, clauseId, 0, 0, "", body,
                "修改：" + body));
    }

    /** Records every disposition, then saves a version without 5.5 (隐私政策), so 5.6 becomes 5.5. */
    private void decideAllAndRevise() {
        SignedIn.as(users, "secretariat");
        dispositions.record(minimisation.id(), Disposition.PARTLY_ACCEPTED, "已在5.2增加判断要求。", null);
        dispositions.record(privacyPolicy.id(), Disposition.ACCEPTED, "", null);
        dispositions.record(exceptions.id(), Disposition.NOT_ACCEPTED, "与上位法一致，不作修改。", null);
        dispositions.record(general.id(), Disposition.NOTED, "在编制说明中说明。", null);
        DraftService.DraftSnapshot latest = drafts.open(project, null);
        String md = new String(drafts.rawDraft(project, null), StandardCharsets.UTF_8);
        int from = md.indexOf("## 隐私政策 {#c-privacy-policy}");
        int to = md.indexOf("## 征得授权同意的例外");
        assertThat(from).isPositive().isLessThan(to);
        drafts.save(project, latest.version().commitId(), md.substring(0, from) + md.substring(to),
                "Delete 5.5 as accepted");
    }

    private static String key(Throwable e) {
        assertThat(e).isInstanceOf(UserFacingException.class);
        return ((UserFacingException) e).messageKey();
    }

    @Test
    void open_comments_refuse_every_export_and_are_named() {
        SignedIn.as(users, "secretariat");
        dispositions.record(minimisation.id(), Disposition.ACCEPTED, "", null);
        dispositions.record(privacyPolicy.id(), Disposition.ACCEPTED, "", null);
        for (RoundExportService.TableFormat format : RoundExportService.TableFormat.values()) {
            assertThatThrownBy(() -> exports.dispositionTable(round.id(), format, Locale.ENGLISH))
                    .satisfies(e -> {
                        assertThat(key(e)).isEqualTo("export.dispositions.open");
                        UserFacingException u = (UserFacingException) e;
                        assertThat(u.args()[0]).isEqualTo(2);
                        assertThat(String.valueOf(u.args()[1])).contains(exceptions.readableId(),
                                general.readableId()).doesNotContain(minimisation.readableId());
                    });
        }
        assertThatThrownBy(() -> exports.submissionPackage(round.id(), null, Locale.CHINA))
                .satisfies(e -> assertThat(key(e)).isEqualTo("export.dispositions.open"));
        assertThatThrownBy(() -> RoundExportService.TableFormat.parse("pdf"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("export.format.unknown"));
    }

    @Test
    void the_xlsx_has_one_row_per_comment_with_the_clause_then_and_now() throws Exception {
        decideAllAndRevise();
        SignedIn.as(users, "editor2");
        ExportService.ExportFile file = exports.dispositionTable(round.id(), RoundExportService.TableFormat.XLSX,
                Locale.ENGLISH);
        assertThat(file.fileName()).startsWith(code.replace("/", "_").replace(" ", "_") + "_dispositions-round-")
                .endsWith(".xlsx");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).containsExactly("Comment ID", "Organisation",
                    "Clause (consultation draft)", "Clause (current draft)", "Type", "Comment", "Proposed change",
                    "Disposition", "Reason", "Applied in version", "Line number", "Paragraph/Figure/Table");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                List<String> cells = cells(sheet.getRow(r));
                rows.put(cells.get(0), cells);
            }
        }
        assertThat(rows.keySet()).containsExactly(general.readableId(), minimisation.readableId(),
                privacyPolicy.readableId(), exceptions.readableId());
        assertThat(rows.get(general.readableId()).subList(1, 5)).containsExactly("CN-XYZ", "General", "General",
                "ge");
        assertThat(rows.get(minimisation.readableId())).containsExactly(minimisation.readableId(), "CN-ABC", "5.2",
                "5.2", "te", "最小必要缺少判断标准。", "修改：最小必要缺少判断标准。", "Partly accepted", "已在5.2增加判断要求。", "", "",
                "");
        assertThat(rows.get(privacyPolicy.readableId()).subList(2, 4)).containsExactly("5.5", "deleted");
        assertThat(rows.get(privacyPolicy.readableId()).get(7)).isEqualTo("Accepted");
        assertThat(rows.get(exceptions.readableId()).subList(2, 4)).containsExactly("5.6", "5.5");
        assertThat(rows.get(exceptions.readableId()).subList(7, 9)).containsExactly("Not accepted",
                "与上位法一致，不作修改。");

        ExportService.ExportFile chinese = exports.dispositionTable(round.id(), RoundExportService.TableFormat.XLSX,
                Locale.CHINA);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(chinese.content()))) {
            assertThat(cells(wb.getSheetAt(0).getRow(0)).get(7)).isEqualTo("处理意见");
            assertThat(cells(wb.getSheetAt(0).getRow(1)).get(2)).isEqualTo("总体");
            assertThat(cells(wb.getSheetAt(0).getRow(2)).get(7)).isEqualTo("部分采纳");
            assertThat(cells(wb.getSheetAt(0).getRow(3)).get(3)).isEqualTo("已删除");
        }
    }

    @Test
    void the_iso_template_keeps_its_columns_and_the_chinese_table_has_a_row_per_comment() throws Exception {
        decideAllAndRevise();
        SignedIn.as(users, "secretariat");
        ExportService.ExportFile iso = exports.dispositionTable(round.id(), RoundExportService.TableFormat.ISO_DOCX,
                Locale.ENGLISH);
        List<String> blankHeader;
        int blankColumns;
        try (InputStream in = IsoTemplateWriter.class.getResourceAsStream(IsoTemplateWriter.TEMPLATE);
             XWPFDocument blank = new XWPFDocument(in)) {
            blankHeader = captionCells(blank);
            blankColumns = blank.getTables().get(0).getRow(0).getTableCells().size();
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(iso.content()))) {
            XWPFTable table = doc.getTables().get(0);
            assertThat(captionCells(doc)).isEqualTo(blankHeader).contains("Observations of the secretariat");
            String all = table.getRows().stream().map(r -> String.join("|", texts(r)))
                    .reduce("", (a, b) -> a + "\n" + b);
            for (XWPFTableRow row : table.getRows()) {
                assertThat(row.getTableCells()).hasSize(blankColumns);
            }
            assertThat(all).contains(minimisation.readableId() + "|", "|5.2|", "|te|", "最小必要缺少判断标准。",
                    "Partly accepted\n已在5.2增加判断要求。", "Not accepted\n与上位法一致，不作修改。", "|General|");
        }

        ExportService.ExportFile cn = exports.dispositionTable(round.id(), RoundExportService.TableFormat.CN_DOCX,
                Locale.ENGLISH);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(cn.content()))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("意见汇总处理表");
            assertThat(doc.getParagraphs().get(1).getText()).isEqualTo("标准名称：" + code + " 个人信息安全规范导出测试");
            XWPFTable table = doc.getTables().get(0);
            assertThat(texts(table.getRow(0))).isEqualTo(ChineseDispositionDocx.TITLES);
            assertThat(table.getRows()).hasSize(5);
            assertThat(texts(table.getRow(1))).containsExactly("1", "总体", "CN-XYZ",
                    "术语应与《个人信息保护法》一致。\n建议：修改：术语应与《个人信息保护法》一致。", "留作参考 (noted)", "在编制说明中说明。");
            assertThat(texts(table.getRow(2)).subList(0, 3)).containsExactly("2", "5.2", "CN-ABC");
            assertThat(texts(table.getRow(2)).subList(4, 6)).containsExactly("部分采纳", "已在5.2增加判断要求。");
            assertThat(texts(table.getRow(4)).get(4)).isEqualTo("未采纳");
        }
    }

    @Test
    void the_submission_package_holds_the_draft_for_review_the_tables_and_the_redline() throws Exception {
        decideAllAndRevise();
        SignedIn.as(users, "secretariat");
        ExportService.ExportFile zip = exports.submissionPackage(round.id(), null, Locale.CHINA);
        String stem = code.replace("/", "_").replace(" ", "_") + "_";
        assertThat(zip.fileName()).startsWith(stem + "submission-package_").endsWith(".zip");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.content()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        List<String> names = new ArrayList<>(entries.keySet());
        assertThat(names).hasSize(6).allMatch(n -> n.startsWith(stem));
        assertThat(names).anyMatch(n -> n.matches(".*_draft-for-review_\\d{4}-\\d\\d-\\d\\d\\.docx"))
                .anyMatch(n -> n.matches(".*_draft-for-review_\\d{4}-\\d\\d-\\d\\d\\.pdf"))
                .anyMatch(n -> n.contains("_dispositions-round-") && n.endsWith(".xlsx"))
                .anyMatch(n -> n.contains("_disposition-table-cn-round-") && n.endsWith(".docx"))
                .anyMatch(n -> n.contains("_redline-") && n.endsWith(".docx"))
                .anyMatch(n -> n.contains("_redline-") && n.endsWith(".html"));

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(entry(entries, "_draft-for-review_",
                ".docx")))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", String::concat);
            assertThat(text).contains("送审稿", "个人信息安全规范导出测试");
            assertThat(doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())
                    || "1".equals(p.getStyle())).map(XWPFParagraph::getText)).anyMatch(t -> t.contains("范围"));
        }
        try (PDDocument pdf = Loader.loadPDF(entry(entries, "_draft-for-review_", ".pdf"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("送审稿", "个人信息安全规范导出测试", "5.2", "收集个人信息的最小必要");
            assertThat(text).doesNotContain("隐私政策 {#");
        }
        String redline = new String(entry(entries, "_redline-", ".docx"), StandardCharsets.ISO_8859_1);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(entry(entries, "_redline-", ".docx")))) {
            String xml = doc.getDocument().xmlText();
            assertThat(xml).contains("<w:del ").contains("隐私政策");
        }
        assertThat(redline).isNotEmpty();
        // No draft-format source syntax in any part a reader opens (cross-references read as numbers).
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(entry(entries, "_redline-", ".docx")))) {
            assertNoDraftSyntax(doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", String::concat),
                    "redline DOCX");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(entry(entries, "_draft-for-review_",
                ".docx")))) {
            assertNoDraftSyntax(doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", String::concat),
                    "draft for review DOCX");
        }
        try (PDDocument pdf = Loader.loadPDF(entry(entries, "_draft-for-review_", ".pdf"))) {
            assertNoDraftSyntax(new PDFTextStripper().getText(pdf), "draft for review PDF");
        }
        assertNoDraftSyntax(org.jsoup.Jsoup.parse(new String(entry(entries, "_redline-", ".html"),
                StandardCharsets.UTF_8)).text(), "redline HTML");
        assertThat(new String(entry(entries, "_redline-", ".html"), StandardCharsets.UTF_8)).contains("<del", "隐私政策");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(entry(entries, "_dispositions-round-",
                ".xlsx")))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(4);
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(entry(entries,
                "_disposition-table-cn-round-", ".docx")))) {
            assertThat(doc.getTables().get(0).getRows()).hasSize(5);
        }
    }

    @Test
    void a_round_with_more_comments_than_one_page_of_the_comments_module_is_exported_whole() throws Exception {
        int more = org.draftroom.comments.service.CommentReader.MAX_PAGE + 20 - 4;
        SignedIn.as(users, "secretariat");
        roundLifecycle.extend(round.id(), Instant.now().plus(Duration.ofDays(10)), "More comments for the paging test");
        List<Comment> extra = new ArrayList<>();
        for (int i = 0; i < more; i++) {
            extra.add(comment(i % 2 == 0 ? "reviewer1" : "reviewer2", i % 3 == 0 ? "" : "c-rights", CommentType.ED,
                    "第" + i + "条补充意见。"));
        }
        SignedIn.as(users, "secretariat");
        roundLifecycle.closeEarly(round.id(), "Closing again");
        decideAllAndRevise();
        for (Comment c : extra) {
            dispositions.record(c.id(), Disposition.NOTED, "记录。", null);
        }
        ExportService.ExportFile file = exports.dispositionTable(round.id(), RoundExportService.TableFormat.XLSX,
                Locale.ENGLISH);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(more + 4);
        }
    }

    @Test
    void access_follows_the_rounds_rules() {
        decideAllAndRevise();
        SignedIn.as(users, "reviewer1");
        assertThat(exports.mayDownloadTable(round.id())).isFalse();
        assertThatThrownBy(() -> exports.dispositionTable(round.id(), RoundExportService.TableFormat.XLSX,
                Locale.ENGLISH)).satisfies(e -> assertThat(key(e)).isEqualTo("dispositions.not-published"));
        assertThatThrownBy(() -> exports.submissionPackage(round.id(), null, Locale.ENGLISH))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.as(users, "editor1");
        assertThatThrownBy(() -> exports.mayDownloadPackage(round.id()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("round.not-found"));
        assertThatThrownBy(() -> exports.dispositionTable(round.id(), RoundExportService.TableFormat.XLSX,
                Locale.ENGLISH)).isInstanceOfAny(AccessDeniedException.class, UserFacingException.class);
        SignedIn.as(users, "editor2");
        assertThat(exports.mayDownloadPackage(round.id())).isTrue();
        assertThat(exports.dispositionTable(round.id(), RoundExportService.TableFormat.CN_DOCX, Locale.ENGLISH)
                .content()).isNotEmpty();

        SignedIn.as(users, "secretariat");
        dispositions.publish(round.id());
        SignedIn.as(users, "reviewer1");
        assertThat(exports.mayDownloadTable(round.id())).isTrue();
        assertThat(exports.mayDownloadPackage(round.id())).isFalse();
        assertThat(exports.dispositionTable(round.id(), RoundExportService.TableFormat.XLSX, Locale.ENGLISH)
                .content()).isNotEmpty();
        assertThatThrownBy(() -> exports.submissionPackage(round.id(), null, Locale.ENGLISH))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.nobody();
        assertThatThrownBy(() -> exports.dispositionTable(round.id(), RoundExportService.TableFormat.XLSX,
                Locale.ENGLISH)).isInstanceOf(RuntimeException.class);
    }

    private static byte[] entry(Map<String, byte[]> entries, String part, String extension) {
        return entries.entrySet().stream().filter(e -> e.getKey().contains(part) && e.getKey().endsWith(extension))
                .findFirst().orElseThrow().getValue();
    }

    private static List<String> cells(Row row) {
        DataFormatter f = new DataFormatter();
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            out.add(row.getCell(c) == null ? "" : f.formatCellValue(row.getCell(c)));
        }
        return out;
    }

    /** The column captions of the ISO template: the row of the page header's table that names the columns. */
    private static List<String> captionCells(XWPFDocument doc) {
        List<String> cells = new ArrayList<>();
        for (org.apache.poi.xwpf.usermodel.XWPFHeader h : doc.getHeaderList()) {
            for (org.apache.poi.xwpf.usermodel.IBodyElement e : h.getBodyElements()) {
                if (e instanceof XWPFTable t) {
                    t.getRows().stream().filter(r -> r.getTableCells().stream()
                                    .anyMatch(c -> c.getText().contains("Observations of the secretariat")))
                            .forEach(r -> r.getTableCells().forEach(c -> cells.add(c.getText())));
                }
            }
        }
        return cells;
    }

    private static List<String> texts(XWPFTableRow row) {
        List<String> out = new ArrayList<>();
        for (XWPFTableCell cell : row.getTableCells()) {
            List<String> lines = cell.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            out.add(String.join("\n", lines).strip());
        }
        return out;
    }

    private static void assertNoDraftSyntax(String text, String where) {
        for (String syntax : List.of("](#", "{#", "{.", "**")) {
            assertThat(text).as("%s shows draft syntax %s", where, syntax).doesNotContain(syntax);
        }
    }
}
