package org.draftroom.sheets;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** A comment sheet that is a Word document: the ISO template, or a Chinese form typed as a Word table. */
final class DocxSheet {

    private DocxSheet() {
    }

    static SheetReadResult read(String fileName, XWPFDocument doc) {
        SheetHeader fields = fields(doc);
        SheetReader.Header header = null;
        int columns = 0;
        List<Grid.Row> body = new ArrayList<>();
        // Rows are numbered as the reader counts them in Word: the table's rows from its first (header rows and
        // blank rows included); a table continuing the sheet after a page break or a paragraph goes on counting.
        int rowsBefore = 0;
        for (XWPFTable table : doc.getTables()) {
            List<Grid.Row> grid = grid(table);
            int width = grid.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
            if (header == null) {
                for (int i = 0; i < grid.size() && header == null; i++) {
                    Optional<SheetReader.Header> own = SheetReader.header(i, grid.get(i).cells());
                    if (own.isPresent()) {
                        header = own.get();
                        columns = width;
                        body.addAll(grid.subList(i + 1, grid.size()));
                        rowsBefore = grid.size();
                    }
                }
                Optional<SheetReader.Header> pageHeader = header == null ? pageHeaderCaptions(doc, width)
                        : Optional.empty();
                if (pageHeader.isPresent()) {
                    header = pageHeader.get();
                    columns = width;
                    body.addAll(grid);
                    rowsBefore = grid.size();
                }
            } else if (width == columns) {
                for (Grid.Row r : grid) { // the table continues after a page break or a paragraph
                    body.add(new Grid.Row(rowsBefore + r.number(), r.cells(), r.spanning()));
                }
                rowsBefore += grid.size();
            }
        }
        if (header == null) {
            return new SheetReadResult(List.of(), List.of(SheetProblem.ofFile("sheet.format.unknown", fileName)),
                    SheetFormat.UNKNOWN, fields);
        }
        return SheetReader.rows(fileName, header, body,
                header.chinese() ? SheetFormat.CHINESE_DOCX : SheetFormat.ISO_DOCX, fields);
    }

    /**
     * The column captions the ISO template prints in its page header, above the body's table, for a table of that
     * many columns. The default header comes first; the template's first-page header still has the 2001 form's seven
     * columns, which only a seven-column table matches.
     */
    static Optional<SheetReader.Header> pageHeaderCaptions(XWPFDocument doc, int width) {
        for (XWPFHeader h : headers(doc)) {
            for (XWPFTable t : h.getTables()) {
                List<Grid.Row> grid = grid(t);
                for (int i = 0; i < grid.size(); i++) {
                    Optional<SheetReader.Header> header = SheetReader.header(i, grid.get(i).cells());
                    if (header.isPresent() && grid.get(i).cells().size() == width) {
                        return header;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The page headers, the one of ordinary pages first. */
    private static List<XWPFHeader> headers(XWPFDocument doc) {
        List<XWPFHeader> headers = new ArrayList<>();
        var policy = doc.getHeaderFooterPolicy();
        if (policy != null && policy.getDefaultHeader() != null) {
            headers.add(policy.getDefaultHeader());
        }
        doc.getHeaderList().stream().filter(h -> !headers.contains(h)).forEach(headers::add);
        return headers;
    }

    /** Date, Document and Project as the page header (or a table of the body) gives them. */
    private static SheetHeader fields(XWPFDocument doc) {
        String[] values = {"", "", ""};
        String[] labels = {"date:", "document:", "project:"};
        List<XWPFTable> tables = new ArrayList<>();
        headers(doc).forEach(h -> tables.addAll(h.getTables()));
        for (XWPFTable t : tables) {
            for (XWPFTableRow row : t.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    String text = text(cell);
                    for (int i = 0; i < labels.length; i++) {
                        if (values[i].isEmpty() && text.toLowerCase(java.util.Locale.ROOT).startsWith(labels[i])) {
                            values[i] = text.substring(labels[i].length()).strip();
                        }
                    }
                }
            }
        }
        return new SheetHeader(values[0], values[1], values[2]);
    }

    /** A Word table as a grid: horizontal spans widen a cell, vertical merges repeat the first cell's text. */
    static List<Grid.Row> grid(XWPFTable table) {
        List<Grid.Row> rows = new ArrayList<>();
        List<String> previous = List.of();
        int number = 0;
        for (XWPFTableRow row : table.getRows()) {
            number++;
            List<String> cells = new ArrayList<>();
            boolean spanning = false;
            int filled = 0;
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                int span = pr != null && pr.isSetGridSpan() ? ((BigInteger) pr.getGridSpan().getVal()).intValue() : 1;
                boolean continued = pr != null && pr.isSetVMerge()
                        && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
                int at = cells.size();
                String text = continued ? (at < previous.size() ? previous.get(at) : "") : text(cell);
                if (!text.isEmpty()) {
                    filled++;
                    spanning |= span >= 3;
                }
                cells.add(text);
                for (int i = 1; i < span; i++) {
                    cells.add("");
                }
            }
            rows.add(new Grid.Row(number, cells, spanning && filled == 1));
            previous = cells;
        }
        return rows;
    }

    /** A cell's text: its paragraphs as lines (line breaks inside a paragraph kept). */
    static String text(XWPFTableCell cell) {
        StringBuilder b = new StringBuilder();
        List<XWPFParagraph> paragraphs = cell.getParagraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(paragraphs.get(i).getText());
        }
        return Grid.clean(b.toString());
    }
}
