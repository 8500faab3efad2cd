package org.draftroom.sheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Comment sheets built with POI the way Word and Excel users fill them, for the tests and benchmarks. */
public final class TestSheets {

    private TestSheets() {
    }

    /** A spreadsheet whose rows hold these texts (null = no cell). */
    public static byte[] xlsx(String[][] rows, CellRangeAddress... merges) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("意见");
            for (int r = 0; r < rows.length; r++) {
                if (rows[r] == null) {
                    continue;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            Arrays.stream(merges).forEach(sheet::addMergedRegion);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The blank ISO template with these rows typed into its table (8 cells each), as a national body fills it. */
    public static byte[] isoDocx(String[][] rows) throws IOException {
        try (XWPFDocument doc = IsoTemplateWriter.template(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable table = doc.getTables().get(0);
            List<XWPFTableRow> typed = new ArrayList<>(table.getRows());
            while (typed.size() < rows.length) {
                var live = table.getCTTbl().addNewTr();
                live.set(table.getRow(0).getCtRow());
                typed.add(new XWPFTableRow(live, table));
            }
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < 8; c++) {
                    typed.get(r).getCell(c).getParagraphs().get(0).createRun().setText(rows[r][c]);
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** A Chinese feedback form (反馈意见表) as committees circulate it: these rows under 序号, 章节号, 原文, 修改后内容, 理由. */
    public static byte[] chineseForm(String[][] rows) throws IOException {
        String[][] sheet = new String[rows.length + 1][];
        sheet[0] = new String[] {"序号", "章节号", "原文", "修改后内容", "理由"};
        System.arraycopy(rows, 0, sheet, 1, rows.length);
        return xlsx(sheet);
    }
}
