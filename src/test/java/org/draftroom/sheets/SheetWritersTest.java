package org.draftroom.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/** The files the writers produce open with POI, keep the template's layout, and read back to the same rows. */
class SheetWritersTest {

    private static final List<SheetRow> ROWS = List.of(
            new SheetRow(1, "CN", "3.1", "", "te", "“个人信息”的定义过宽，\n应排除匿名化信息。", "删除“或间接”。", "", "17"),
            new SheetRow(2, "CN-ABC", "General", "", "ge", "Use the terms of GB/T 25069 throughout.", "", ""),
            new SheetRow(3, "CN", "5.2.1", "Table 1", "ed", "Line one\n\nline three after an empty line", "见附件",
                    "Accepted.", ""));

    @Test
    void the_filled_iso_template_reads_back_to_the_same_rows_and_fields() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetHeader header = new SheetHeader("2026-11-28", "GB/T 35273 征求意见稿", "gbt-35273");
        IsoTemplateWriter.write(header, ROWS, out);
        SheetReadResult result = SheetReader.read("filled.docx", out.toByteArray());
        assertThat(result.format()).isEqualTo(SheetFormat.ISO_DOCX);
        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).isEqualTo(ROWS);
        assertThat(result.header()).isEqualTo(header);
    }

    @Test
    void the_filled_iso_template_keeps_the_blank_templates_columns_exactly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IsoTemplateWriter.write(ROWS, out);
        try (XWPFDocument blank = IsoTemplateWriter.template();
                XWPFDocument filled = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(headerCells(filled)).isEqualTo(headerCells(blank)).contains("Observations of the secretariat");
            XWPFTable blankTable = blank.getTables().get(0);
            XWPFTable table = filled.getTables().get(0);
            assertThat(table.getCTTbl().getTblGrid().xmlText()).isEqualTo(blankTable.getCTTbl().getTblGrid().xmlText());
            assertThat(table.getRows()).hasSize(ROWS.size());
            for (XWPFTableRow row : table.getRows()) {
                assertThat(row.getTableCells()).hasSize(8);
                for (int c = 0; c < 8; c++) {
                    assertThat(row.getCell(c).getParagraphs().get(0).getStyle())
                            .isEqualTo(blankTable.getRow(0).getCell(c).getParagraphs().get(0).getStyle());
                }
            }
            assertThat(table.getRow(0).getCell(5).getText()).contains("个人信息");
            assertThat(filled.getBodyElements().stream().filter(e -> e instanceof XWPFTable)).hasSize(1);
        }
    }

    @Test
    void an_empty_list_gives_the_blank_template() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IsoTemplateWriter.write(List.of(), out);
        try (XWPFDocument filled = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(filled.getTables().get(0).getRows()).hasSize(2);
        }
    }

    @Test
    void the_iso_spreadsheet_has_the_template_captions_and_reads_back_to_the_same_rows() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetHeader header = new SheetHeader("2026-11-28", "N 123", "ISO 9999");
        IsoXlsxWriter.write(header, ROWS, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row captions = wb.getSheetAt(0).getRow(IsoXlsxWriter.HEADER_ROW);
            assertThat(IntStream.range(0, 8).mapToObj(c -> captions.getCell(c).getStringCellValue()))
                    .containsExactly("MB/NC", "Line number", "Clause/Subclause", "Paragraph/Figure/Table",
                            "Type of comment", "Comments", "Proposed change", "Observations of the secretariat");
        }
        SheetReadResult result = SheetReader.read("comments.xlsx", out.toByteArray());
        assertThat(result.format()).isEqualTo(SheetFormat.ISO_XLSX);
        assertThat(result.problems()).isEmpty();
        int firstRow = IsoXlsxWriter.HEADER_ROW + 2; // spreadsheet row numbers, 1-based
        assertThat(result.rows()).isEqualTo(
                IntStream.range(0, ROWS.size()).mapToObj(i -> ROWS.get(i).withRowNumber(firstRow + i)).toList());
        assertThat(result.header()).isEqualTo(header);
    }

    @Test
    void the_disposition_table_has_a_frozen_titled_header_wrapped_text_and_one_row_per_comment() throws IOException {
        List<DispositionTableRow> rows = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            rows.add(new DispositionTableRow("CN-ABC-%03d".formatted(i), "CN-ABC", "5." + i, i % 10 == 0 ? "" : "6." + i,
                    "te", "意见 " + i + "\n第二行", "建议 " + i, "部分采纳", "理由 " + i, i % 2 == 0 ? "a1b2c3d" : ""));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DispositionTableWriter.write(rows, Locale.SIMPLIFIED_CHINESE, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(IntStream.range(0, 12).mapToObj(c -> sheet.getRow(0).getCell(c).getStringCellValue()))
                    .containsExactlyElementsOf(DispositionTableWriter.titles(Locale.CHINA));
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getLastRowNum()).isEqualTo(250);
            Row r = sheet.getRow(10);
            assertThat(r.getCell(0).getStringCellValue()).isEqualTo("CN-ABC-010");
            assertThat(r.getCell(3).getStringCellValue()).isEmpty();
            assertThat(r.getCell(5).getStringCellValue()).isEqualTo("意见 10\n第二行");
            assertThat(r.getCell(5).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getColumnWidth(5)).isGreaterThan(sheet.getColumnWidth(0) * 3);
        }
        // The Chinese table reads as a Chinese form: the reason right of 处理意见 is the secretariat's.
        SheetReadResult back = SheetReader.read("dispositions.xlsx", out.toByteArray());
        assertThat(back.problems()).isEmpty();
        assertThat(back.format()).isEqualTo(SheetFormat.CHINESE_XLSX);
        assertThat(back.rows()).hasSize(250);
        assertThat(back.rows().get(0)).isEqualTo(
                new SheetRow(2, "CN-ABC", "5.1", "", "te", "意见 1\n第二行", "建议 1", "部分采纳\n理由 1"));
    }

    @Test
    void the_disposition_table_in_english_cuts_texts_longer_than_a_cell_holds() throws IOException {
        String huge = "x".repeat(DispositionTableWriter.MAX_CELL + 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DispositionTableWriter.write(List.of(new DispositionTableRow("CN-001", "CN", "1", "1", "ge", huge, null, "Noted",
                "Out of scope\u0007", null)), Locale.ENGLISH, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("Applied in version");
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).hasSize(DispositionTableWriter.MAX_CELL)
                    .endsWith("…");
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("Out of scope");
        }
    }

    @Test
    void the_chinese_disposition_docx_is_a_landscape_table_with_a_repeated_header() throws IOException {
        List<DispositionTableRow> rows = List.of(
                new DispositionTableRow("CN-ABC-001", "CN-ABC", "5.4", "5.4", "te", "明示同意不够明确。", "改为“单独同意”。",
                        "采纳", "", "a1b2c3d"),
                new DispositionTableRow("CN-XYZ-001", "CN-XYZ", "General", "General", "ed", "术语不统一。\n见3.1与3.5。", "",
                        "未采纳", "与GB/T 25069一致。", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChineseDispositionDocx.write("GB/T 35273 信息安全技术 个人信息安全规范", rows, out);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).contains("意见汇总处理表", "标准名称：GB/T 35273 信息安全技术 个人信息安全规范");
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRow(0).getTableCells()).extracting(XWPFTableCell::getText)
                    .containsExactly("序号", "章节号", "提出单位", "意见内容", "处理意见", "理由");
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            assertThat(table.getRows()).hasSize(3);
            assertThat(table.getRow(1).getTableCells()).extracting(DocxSheet::text)
                    .containsExactly("1", "5.4", "CN-ABC", "明示同意不够明确。\n建议：改为“单独同意”。", "采纳", "");
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getOrient())
                    .isEqualTo(STPageOrientation.LANDSCAPE);
        }
        SheetReadResult back = SheetReader.read("处理表.docx", out.toByteArray());
        assertThat(back.format()).isEqualTo(SheetFormat.CHINESE_DOCX);
        assertThat(back.rows()).as("the Word table's rows, its header row counted").containsExactly(
                new SheetRow(2, "CN-ABC", "5.4", "", "", "明示同意不够明确。\n建议：改为“单独同意”。", "", "采纳"),
                new SheetRow(3, "CN-XYZ", "General", "", "", "术语不统一。\n见3.1与3.5。", "", "未采纳\n与GB/T 25069一致。"));
    }

    private static List<String> headerCells(XWPFDocument doc) {
        List<String> cells = new ArrayList<>();
        for (XWPFHeader h : doc.getHeaderList()) {
            for (IBodyElement e : h.getBodyElements()) {
                if (e instanceof XWPFTable t) {
                    t.getRows().forEach(r -> r.getTableCells().forEach(c -> cells.add(c.getText())));
                }
            }
        }
        return cells;
    }
}
