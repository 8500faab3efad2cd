package org.draftroom.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A spreadsheet (XLSX) with the columns of the ISO commenting template 2012-03, captions as the template prints them:
 * the title, Date / Document / Project, the caption row (frozen, filterable), then one row per comment with wrapped
 * text. The type column offers ge, te, ed. {@link SheetReader} reads it back. Stateless and thread-safe.
 */
public final class IsoXlsxWriter {

    /** The captions of the template's columns, in its order. */
    public static final List<String> CAPTIONS = Column.ISO_COLUMNS.stream().map(Column::isoCaption).toList();

    /** Row index (0-based) of the caption row. */
    static final int HEADER_ROW = 3;
    private static final int[] WIDTHS = {8, 9, 12, 14, 10, 50, 50, 30};

    private IsoXlsxWriter() {
    }

    public static void write(List<SheetRow> rows, OutputStream out) throws IOException {
        write(SheetHeader.EMPTY, rows, out);
    }

    public static void write(SheetHeader header, List<SheetRow> rows, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("Comments");
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle title = wb.createCellStyle();
            title.setFont(bold);
            CellStyle caption = DispositionTableWriter.headerStyle(wb);
            CellStyle body = DispositionTableWriter.bodyStyle(wb);
            sheet.createRow(0).createCell(0).setCellValue("Template for comments and secretariat observations");
            sheet.getRow(0).getCell(0).setCellStyle(title);
            Row fields = sheet.createRow(1);
            fields.createCell(0).setCellValue("Date:");
            fields.createCell(1).setCellValue(header.date());
            fields.createCell(2).setCellValue("Document:");
            fields.createCell(3).setCellValue(header.document());
            fields.createCell(5).setCellValue("Project:");
            fields.createCell(6).setCellValue(header.project());
            Row captions = sheet.createRow(HEADER_ROW);
            for (int c = 0; c < CAPTIONS.size(); c++) {
                captions.createCell(c).setCellValue(CAPTIONS.get(c));
                captions.getCell(c).setCellStyle(caption);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            int r = HEADER_ROW + 1;
            for (SheetRow row : rows) {
                Row x = sheet.createRow(r++);
                String[] values = {row.memberBody(), row.lineNumber(), row.clause(), row.paragraph(), row.type(),
                        row.comment(), row.proposedChange(), row.observations()};
                for (int c = 0; c < values.length; c++) {
                    x.createCell(c).setCellValue(DispositionTableWriter.cellText(values[c]));
                    x.getCell(c).setCellStyle(body);
                }
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            DataValidationHelper helper = sheet.getDataValidationHelper();
            DataValidation types = helper.createValidation(helper.createExplicitListConstraint(
                    new String[] {"ge", "te", "ed"}), new CellRangeAddressList(HEADER_ROW + 1,
                            HEADER_ROW + SheetReader.MAX_ROWS, 4, 4));
            types.setShowErrorBox(false);
            sheet.addValidationData(types);
            wb.write(out);
        }
    }
}
