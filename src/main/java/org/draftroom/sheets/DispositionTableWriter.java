package org.draftroom.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The disposition table of a consultation round as XLSX: one row per comment with its id, organisation, clause as it
 * was (consultation draft) and as it is now, type, comment, proposed change, disposition, reason and the version that
 * applied it, then the line number and the Paragraph/Figure/Table the reviewer's sheet gave (the ISO template's
 * columns, last so that the columns before keep their places). Header row frozen and filterable, fixed column widths,
 * wrapped text.
 *
 * <p>Streams through POI's SXSSF: at most {@value #WINDOW} rows are held in memory, the rest goes to a compressed
 * temporary file that is deleted before {@code write} returns (also when it fails), so memory stays bounded for any
 * number of rows. Stateless and thread-safe.
 */
public final class DispositionTableWriter {

    /** Rows kept in memory while writing. */
    public static final int WINDOW = 200;
    /** The most characters an Excel cell holds; longer texts are cut and end with "…". */
    public static final int MAX_CELL = 32_767;

    private static final List<String> TITLES_EN = List.of("Comment ID", "Organisation", "Clause (consultation draft)",
            "Clause (current draft)", "Type", "Comment", "Proposed change", "Disposition", "Reason",
            "Applied in version", "Line number", "Paragraph/Figure/Table");
    private static final List<String> TITLES_ZH = List.of("意见编号", "提出单位", "章节号（征求意见稿）", "章节号（当前版本）", "意见类型",
            "意见内容", "修改建议", "处理意见", "理由", "采纳版本", "行号", "段落/图/表");
    private static final int[] WIDTHS = {14, 14, 12, 12, 8, 60, 50, 16, 40, 14, 9, 16};

    private DispositionTableWriter() {
    }

    /** The column titles in the table's language: Chinese for any Chinese locale, English otherwise. */
    public static List<String> titles(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? TITLES_ZH : TITLES_EN;
    }

    /** Writes the table with titles in the locale's language; {@code rows} is iterated once. */
    public static void write(Iterable<DispositionTableRow> rows, Locale locale, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        wb.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = wb.createSheet(locale != null && "zh".equals(locale.getLanguage()) ? "意见汇总处理表"
                    : "Dispositions");
            CellStyle header = headerStyle(wb);
            CellStyle body = bodyStyle(wb);
            List<String> titles = titles(locale);
            Row top = sheet.createRow(0);
            for (int c = 0; c < titles.size(); c++) {
                top.createCell(c).setCellValue(titles.get(c));
                top.getCell(c).setCellStyle(header);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (DispositionTableRow d : rows) {
                Row row = sheet.createRow(r++);
                String[] values = {d.id(), d.organisation(), d.clauseThen(), d.clauseNow(), d.type(), d.comment(),
                        d.proposedChange(), d.disposition(), d.reason(), d.appliedVersion(), d.lineNumber(),
                        d.location()};
                for (int c = 0; c < values.length; c++) {
                    row.createCell(c).setCellValue(cellText(values[c]));
                    row.getCell(c).setCellStyle(body);
                }
            }
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, titles.size() - 1));
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    static CellStyle headerStyle(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle style = wb.createCellStyle();
        style.setFont(bold);
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        borders(style);
        return style;
    }

    static CellStyle bodyStyle(Workbook wb) {
        CellStyle style = wb.createCellStyle();
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        borders(style);
        return style;
    }

    private static void borders(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
    }

    /** Text an Excel cell can hold: no XML-illegal characters, at most {@link #MAX_CELL} characters. */
    static String cellText(String text) {
        String s = IsoTemplateWriter.sanitise(text);
        return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL - 1) + "…";
    }
}
