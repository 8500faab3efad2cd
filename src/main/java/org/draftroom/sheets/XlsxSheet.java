package org.draftroom.sheets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/** A comment sheet that is a spreadsheet (XLSX or XLS): the ISO columns or the Chinese feedback form. */
final class XlsxSheet {

    private static final int HEADER_SEARCH_ROWS = 40;

    private XlsxSheet() {
    }

    static SheetReadResult read(String fileName, Workbook workbook) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            if (workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s)) {
                continue;
            }
            Sheet sheet = workbook.getSheetAt(s);
            Merges merges = new Merges(sheet);
            int firstRow = Math.max(0, sheet.getFirstRowNum());
            for (int r = firstRow; r < firstRow + HEADER_SEARCH_ROWS && r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                List<String> titles = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    titles.add(value(row.getCell(c), formatter));
                }
                Optional<SheetReader.Header> header = SheetReader.header(r, titles);
                if (header.isPresent()) {
                    int width = titles.size();
                    List<Grid.Row> body = new ArrayList<>();
                    for (int b = r + 1; b <= sheet.getLastRowNum(); b++) {
                        body.add(row(sheet, b, width, merges, formatter));
                    }
                    SheetHeader fields = fields(sheet, r, formatter);
                    return SheetReader.rows(fileName, header.get(), body,
                            header.get().chinese() ? SheetFormat.CHINESE_XLSX : SheetFormat.ISO_XLSX, fields);
                }
            }
        }
        return SheetReadResult.refused(SheetProblem.ofFile("sheet.format.unknown", fileName));
    }

    private static Grid.Row row(Sheet sheet, int r, int width, Merges merges, DataFormatter formatter) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>(width);
        boolean spanning = false;
        for (int c = 0; c < width; c++) {
            CellRangeAddress merged = merges.at(r, c);
            if (merged == null) {
                cells.add(row == null ? "" : value(row.getCell(c), formatter));
                continue;
            }
            if (merged.getLastColumn() - merged.getFirstColumn() >= 2) {
                spanning = true;
            }
            if (c != merged.getFirstColumn()) {
                cells.add(""); // the text stands once, in the first column of the merge
                continue;
            }
            Row first = sheet.getRow(merged.getFirstRow());
            cells.add(first == null ? "" : value(first.getCell(c), formatter));
        }
        return new Grid.Row(r + 1, cells, spanning);
    }

    /** Date, Document and Project from the rows above the header ("Date:" with the value in it or beside it). */
    private static SheetHeader fields(Sheet sheet, int headerRow, DataFormatter formatter) {
        String[] labels = {"date:", "document:", "project:"};
        String[] values = {"", "", ""};
        for (int r = Math.max(0, sheet.getFirstRowNum()); r < headerRow; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                String text = value(row.getCell(c), formatter);
                for (int i = 0; i < labels.length; i++) {
                    if (values[i].isEmpty() && text.toLowerCase(Locale.ROOT).startsWith(labels[i])) {
                        String rest = text.substring(labels[i].length()).strip();
                        values[i] = rest.isEmpty() ? value(row.getCell(c + 1), formatter) : rest;
                    }
                }
            }
        }
        return new SheetHeader(values[0], values[1], values[2]);
    }

    /** The text a cell shows: numbers as formatted ("5.1", not "5.1000001"), formulas by their last result. */
    static String value(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
            return Grid.clean(switch (type) {
                case STRING -> cell.getRichStringCellValue().getString();
                case NUMERIC -> formatter.formatRawCellContents(cell.getNumericCellValue(),
                        cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
                case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                default -> "";
            });
        }
        return Grid.clean(formatter.formatCellValue(cell));
    }

    /** The merged regions of a sheet by cell, for constant-time look-up. */
    private static final class Merges {
        private final Map<Long, CellRangeAddress> byCell = new HashMap<>();

        Merges(Sheet sheet) {
            for (CellRangeAddress region : sheet.getMergedRegions()) {
                long cells = (long) (region.getLastRow() - region.getFirstRow() + 1)
                        * (region.getLastColumn() - region.getFirstColumn() + 1);
                if (cells > 100_000) {
                    continue; // a merge over whole columns: formatting, not content
                }
                for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                    for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                        byCell.put(((long) r << 16) | c, region);
                    }
                }
            }
        }

        CellRangeAddress at(int row, int column) {
            return byCell.get(((long) row << 16) | column);
        }
    }
}
