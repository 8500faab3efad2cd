package org.draftroom.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** Reading the sheets organisations send, built with POI here the way Word and Excel users fill them. */
class SheetReaderTest {

    @Test
    void the_blank_iso_template_is_recognised_by_the_captions_of_its_page_header() throws IOException {
        byte[] blank = SheetReaderTest.class.getResourceAsStream(IsoTemplateWriter.TEMPLATE).readAllBytes();
        SheetReadResult result = SheetReader.read("template.docx", blank);
        assertThat(result.format()).isEqualTo(SheetFormat.ISO_DOCX);
        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).extracting(SheetProblem::key).containsExactly("sheet.empty");
    }

    @Test
    void a_filled_iso_template_gives_its_rows_with_types_normalised_and_problems_per_row() throws IOException {
        byte[] file = TestSheets.isoDocx(new String[][] {
                {"CN", "17", "3.1", "", "Technical", "个人信息的定义过宽。", "改为“以电子方式记录的……”", ""},
                {"", "", "", "", "", "", "", ""},
                {"CN", "", "General", "", "ed", "", "Use \"shall\".", ""},
                {"CN", "", "5.2", "Table 1", "xx", "Wrong unit.", "", ""}});
        SheetReadResult result = SheetReader.read("cn.docx", file);
        assertThat(result.format()).isEqualTo(SheetFormat.ISO_DOCX);
        assertThat(result.rows()).containsExactly(
                new SheetRow(1, "CN", "3.1", "", "te", "个人信息的定义过宽。", "改为“以电子方式记录的……”", "", "17"),
                new SheetRow(3, "CN", "General", "", "ed", "", "Use \"shall\".", ""),
                new SheetRow(4, "CN", "5.2", "Table 1", "xx", "Wrong unit.", "", ""));
        assertThat(result.problems()).as("rows as Word shows them, the blank row counted").containsExactly(
                new SheetProblem(3, "sheet.comment.missing", List.of()),
                new SheetProblem(4, "sheet.type.invalid", List.of("xx")));
    }

    @Test
    void a_spreadsheet_problem_names_the_row_excel_shows_blank_rows_included() throws IOException {
        byte[] file = TestSheets.xlsx(new String[][] {
                {"MB/NC", "Line number", "Clause/Subclause", "Paragraph/Figure/Table", "Type of comment", "Comments",
                        "Proposed change", "Observations of the secretariat"},
                {"CN", "12", "3.1", "", "te", "Too wide.", "", ""},
                null,
                {"", "", "", "", "", "", "", ""},
                null,
                {"CN", "40", "5.2", "Table 1", "xx", "Wrong unit.", "", ""}});
        SheetReadResult result = SheetReader.read("blank-rows.xlsx", file);
        assertThat(result.rows()).extracting(SheetRow::rowNumber).containsExactly(2, 6);
        assertThat(result.problems()).containsExactly(new SheetProblem(6, "sheet.type.invalid", List.of("xx")));
    }

    @Test
    void a_word_table_problem_names_the_table_row_header_and_blank_rows_included() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("标准征求意见反馈表");
            String[][] rows = {
                    {"序号", "章节号", "意见类型", "意见", "修改建议"},
                    {"1", "5.1", "技术", "过严", "宜"},
                    {"", "", "", "", ""},
                    {"", "", "", "", ""},
                    {"4", "6.2", "未知类", "笔误", ""}};
            XWPFTable table = doc.createTable(rows.length, rows[0].length);
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    table.getRow(r).getCell(c).setText(rows[r][c]);
                }
            }
            doc.write(out);
            SheetReadResult result = SheetReader.read("反馈表.docx", out.toByteArray());
            assertThat(result.format()).isEqualTo(SheetFormat.CHINESE_DOCX);
            assertThat(result.rows()).extracting(SheetRow::rowNumber).containsExactly(2, 5);
            assertThat(result.problems()).containsExactly(new SheetProblem(5, "sheet.type.invalid", List.of("未知类")));
        }
    }

    @Test
    void a_missing_type_is_a_problem_in_the_iso_template_but_allowed_in_the_chinese_form() throws IOException {
        byte[] iso = TestSheets.isoDocx(new String[][] {{"CN", "", "4", "", "", "Unclear.", "", ""}});
        assertThat(SheetReader.read("iso.docx", iso).problems())
                .containsExactly(new SheetProblem(1, "sheet.type.missing", List.of()));

        byte[] chinese = TestSheets.xlsx(new String[][] {{"序号", "章节号", "原文", "修改后内容", "理由"},
                {"1", "5.1", "应当", "宜", "过严"}});
        SheetReadResult result = SheetReader.read("反馈表.xlsx", chinese);
        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).containsExactly(new SheetRow(2, "", "5.1", "应当", "", "过严", "宜", ""));
    }

    @Test
    void the_chinese_form_is_found_below_its_title_and_instructions_with_merged_and_blank_rows_skipped()
            throws IOException {
        byte[] file = TestSheets.xlsx(new String[][] {
                {"《信息安全技术 个人信息安全规范》征求意见反馈表", null, null, null, null, null},
                {"填表说明：每条意见一行。", null, null, null, null, null},
                null,
                {"序号", "条款号", "原文", "修改建议", "意见/理由", "提出单位"},
                {"一、技术意见", null, null, null, null, null},
                {"1", "5.4", "明示同意", "单独同意", "与法律一致。\n见第十四条。", "CN-ABC"},
                {"2", null, "", "", "第二条意见", "CN-ABC"},
                {"3", "", "", "", "", ""},
                {"4", "", "", "", "", ""},
                {"二、编辑性意见", null, null, null, null, null},
                {"5", "6.1", "", "", "错别字", "CN-ABC"}},
                new CellRangeAddress(0, 0, 0, 5), new CellRangeAddress(4, 4, 0, 5), new CellRangeAddress(9, 9, 0, 5),
                new CellRangeAddress(5, 6, 1, 1));
        SheetReadResult result = SheetReader.read("反馈表.xlsx", file);
        assertThat(result.format()).isEqualTo(SheetFormat.CHINESE_XLSX);
        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).containsExactly(
                new SheetRow(6, "CN-ABC", "5.4", "明示同意", "", "与法律一致。\n见第十四条。", "单独同意", ""),
                new SheetRow(7, "CN-ABC", "5.4", "", "", "第二条意见", "", ""),
                new SheetRow(11, "CN-ABC", "6.1", "", "", "错别字", "", ""));
    }

    @Test
    void chinese_types_are_normalised_and_numbers_read_as_shown() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            Row head = sheet.createRow(0);
            String[] titles = {"序号", "章条编号", "意见类型", "意见内容", "建议修改内容"};
            for (int c = 0; c < titles.length; c++) {
                head.createCell(c).setCellValue(titles[c]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue(5.1);
            row.createCell(2).setCellValue("技术性");
            row.createCell(3).setCellValue("意见");
            Row second = sheet.createRow(2);
            second.createCell(1).setCellValue(7);
            second.createCell(2).setCellValue("编辑");
            second.createCell(3).setCellValue("笔误");
            wb.write(out);
            SheetReadResult result = SheetReader.read("form.xlsx", out.toByteArray());
            assertThat(result.rows()).extracting(SheetRow::clause, SheetRow::type)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("5.1", "te"),
                            org.assertj.core.groups.Tuple.tuple("7", "ed"));
        }
    }

    @Test
    void an_iso_spreadsheet_keeping_the_example_line_of_the_captions_reads_only_the_comments() throws IOException {
        byte[] file = TestSheets.xlsx(new String[][] {
                {"Template for comments and secretariat observations"},
                {"MB/NC¹", "Line number", "Clause/ Subclause", "Paragraph/ Figure/ Table/", "Type of comment²",
                        "Comments", "Proposed change", "Observations of the secretariat"},
                {"", "(e.g. 17)", "(e.g. 3.1)", "(e.g. Table 1)", "", "", "", ""},
                {"JP", "120", "4.2", "", "GE", "Scope unclear.", "Reword.", ""}});
        SheetReadResult result = SheetReader.read("jp.xlsx", file);
        assertThat(result.format()).isEqualTo(SheetFormat.ISO_XLSX);
        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).containsExactly(
                new SheetRow(4, "JP", "4.2", "", "ge", "Scope unclear.", "Reword.", "", "120"));
    }

    @Test
    void a_sheet_with_a_changed_column_is_rejected_naming_the_column() throws IOException {
        byte[] file = TestSheets.xlsx(new String[][] {
                {"MB/NC", "Line number", "Section", "Paragraph/Figure/Table", "Type of comment", "Comments",
                        "Proposed change", "Observations of the secretariat"},
                {"CN", "", "3.1", "", "te", "Too wide.", "", ""}});
        SheetReadResult result = SheetReader.read("changed.xlsx", file);
        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).containsExactly(
                new SheetProblem(0, "sheet.column.missing", List.of("Clause/Subclause")),
                new SheetProblem(0, "sheet.column.unexpected", List.of("Section")));
    }

    @Test
    void files_that_are_not_sheets_are_refused_with_a_message_not_an_exception() throws IOException {
        byte[] noise = new byte[5000];
        new Random(1).nextBytes(noise);
        byte[] docx = TestSheets.isoDocx(new String[][] {{"CN", "", "1", "", "ge", "x", "", ""}});
        byte[] truncated = Arrays.copyOf(docx, docx.length / 2);
        byte[] otherZip = zip("readme.txt", "hello".getBytes());
        for (byte[] bad : List.of(noise, truncated, otherZip, new byte[0], "序号,章节号\n1,5".getBytes(),
                "%PDF-1.7 ...".getBytes())) {
            SheetReadResult result = SheetReader.read("bad.xlsx", bad);
            assertThat(result.rows()).isEmpty();
            assertThat(result.format()).isEqualTo(SheetFormat.UNKNOWN);
            assertThat(result.problems()).extracting(SheetProblem::key).containsExactly("sheet.unreadable");
        }
    }

    @Test
    void an_old_excel_file_is_read_like_a_new_one() throws IOException {
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            String[][] rows = {{"序号", "章节号", "原文", "修改后内容", "理由"}, {"1", "附录A", "", "补充示例", "便于理解"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            SheetReadResult result = SheetReader.read("反馈表.xls", out.toByteArray());
            assertThat(result.format()).isEqualTo(SheetFormat.CHINESE_XLSX);
            assertThat(result.rows()).containsExactly(new SheetRow(2, "", "附录A", "", "", "便于理解", "补充示例", ""));
        }
    }

    @Test
    void a_password_protected_sheet_is_refused_with_its_own_message() throws Exception {
        byte[] plain = TestSheets.xlsx(new String[][] {{"序号", "章节号", "理由"}, {"1", "5", "x"}});
        var info = new org.apache.poi.poifs.crypt.EncryptionInfo(org.apache.poi.poifs.crypt.EncryptionMode.agile);
        var encryptor = info.getEncryptor();
        encryptor.confirmPassword("secret");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            try (var data = encryptor.getDataStream(fs)) {
                data.write(plain);
            }
            fs.writeFilesystem(out);
        }
        assertThat(SheetReader.read("locked.xlsx", out.toByteArray()).problems()).containsExactly(
                new SheetProblem(0, "sheet.encrypted", List.of("locked.xlsx")));
    }

    @Test
    void a_spreadsheet_without_known_titles_is_an_unknown_format() throws IOException {
        byte[] file = TestSheets.xlsx(new String[][] {{"Name", "Price"}, {"apple", "3"}});
        assertThat(SheetReader.read("prices.xlsx", file).problems()).containsExactly(
                new SheetProblem(0, "sheet.format.unknown", List.of("prices.xlsx")));
    }

    @Test
    void too_large_files_and_zip_bombs_are_refused_before_poi_reads_them() throws IOException {
        byte[] big = new byte[(int) SheetReader.MAX_BYTES + 1];
        assertThat(SheetReader.read("big.xlsx", new java.io.ByteArrayInputStream(big)).problems())
                .extracting(SheetProblem::key).containsExactly("sheet.too-large");
        byte[] bomb = zip("xl/worksheets/sheet1.xml", new byte[(int) SheetReader.MAX_UNPACKED_BYTES + 1024]);
        assertThat(bomb.length).isLessThan(1_000_000);
        assertThat(SheetReader.read("bomb.xlsx", bomb).problems()).extracting(SheetProblem::key)
                .containsExactly("sheet.too-large");
    }

    @Test
    void more_rows_than_the_limit_refuse_the_whole_sheet() throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"序号", "章节号", "修改后内容", "理由"});
        for (int i = 1; i <= SheetReader.MAX_ROWS + 1; i++) {
            rows.add(new String[] {String.valueOf(i), "5." + i, "x", "理由" + i});
        }
        SheetReadResult result = SheetReader.read("many.xlsx", TestSheets.xlsx(rows.toArray(String[][]::new)));
        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).containsExactly(
                new SheetProblem(0, "sheet.too-many-rows", List.of("many.xlsx", SheetReader.MAX_ROWS)));
    }

    @Test
    void type_codes_words_and_chinese_are_normalised() {
        assertThat(List.of("ge", "GE", "Ge", "general", "一般", "一般性", "技术", "te", "Technical", "编辑性", "ed", "E"))
                .map(t -> SheetReader.normaliseType(t).orElse("?"))
                .containsExactly("ge", "ge", "ge", "ge", "ge", "ge", "te", "te", "te", "ed", "ed", "ed");
        assertThat(SheetReader.normaliseType("urgent")).isEmpty();
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
