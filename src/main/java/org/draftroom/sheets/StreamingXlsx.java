package org.draftroom.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A spreadsheet comment sheet (XLSX) read as a stream of rows with POI's event API, so that memory stays bounded
 * whatever the file holds: no workbook object is built, the sheet XML is read by SAX straight from the zip, and the
 * limits are checked while reading, stopping at the first row or cell over them (more than twice {@link
 * SheetReader#MAX_ROWS} filled rows below the header, a cell of more than {@link SheetReader#MAX_CELL} characters,
 * or more than {@link SheetReader#MAX_SHEET_TEXT} characters in all). The shared strings are held in memory; their
 * part was checked to be small before ({@link SheetReader#MAX_SHARED_STRINGS_BYTES}).
 *
 * <p>Merged cells are listed after the rows in the sheet XML, so a first cheap pass collects them.
 */
final class StreamingXlsx {

    private static final int HEADER_SEARCH_ROWS = 40;
    private static final int MAX_MERGES = 20_000;

    private StreamingXlsx() {
    }

    /** Why reading stopped before the end: a limit was reached, with the problem to report. */
    static final class Stop extends SAXException {
        final transient SheetProblem problem;

        Stop(SheetProblem problem) {
            super(problem == null ? "done" : problem.key());
            this.problem = problem;
        }
    }

    static SheetReadResult read(String fileName, OPCPackage pkg) throws IOException, OpenXML4JException,
            SAXException {
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable styles = reader.getStylesTable();
        List<String[]> sheets = visibleSheets(reader);
        for (String[] sheet : sheets) {
            List<CellRangeAddress> merges;
            try (InputStream in = reader.getSheet(sheet[1])) {
                merges = merges(in);
            }
            RowCollector rows = new RowCollector(fileName, merges);
            try (InputStream in = reader.getSheet(sheet[1])) {
                XMLReader xml = xmlReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows,
                        new DataFormatter(Locale.ROOT), false));
                xml.parse(new InputSource(in));
            } catch (StopUnchecked stop) {
                if (stop.problem != null) {
                    return SheetReadResult.refused(stop.problem);
                }
            }
            if (rows.header != null) {
                return SheetReader.rows(fileName, rows.header, rows.body, rows.header.chinese()
                        ? SheetFormat.CHINESE_XLSX : SheetFormat.ISO_XLSX, rows.fields());
            }
        }
        return SheetReadResult.refused(SheetProblem.ofFile("sheet.format.unknown", fileName));
    }

    /** POI's SAX reader: no document type declarations, so no external entities (XXE). */
    private static XMLReader xmlReader() throws SAXException {
        try {
            return XMLHelper.newXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }

    /** The relation ids of the sheets not hidden, in the workbook's order. */
    private static List<String[]> visibleSheets(XSSFReader reader) throws IOException, OpenXML4JException,
            SAXException {
        List<String[]> sheets = new ArrayList<>();
        try (InputStream in = reader.getWorkbookData()) {
            XMLReader xml = xmlReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes a) {
                    if (localName.equals("sheet")) {
                        String state = a.getValue("state");
                        String id = a.getValue("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                "id");
                        if (id != null && (state == null || state.equals("visible"))) {
                            sheets.add(new String[] {a.getValue("name"), id});
                        }
                    }
                }
            });
            xml.parse(new InputSource(in));
        }
        return sheets;
    }

    /** The merged regions of a sheet (those over whole columns are formatting, not content, and are left out). */
    private static List<CellRangeAddress> merges(InputStream sheet) throws IOException, SAXException {
        List<CellRangeAddress> merges = new ArrayList<>();
        XMLReader xml = xmlReader();
        xml.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes a) throws Stop {
                if (localName.equals("mergeCell") && a.getValue("ref") != null) {
                    CellRangeAddress region = CellRangeAddress.valueOf(a.getValue("ref"));
                    long cells = (long) (region.getLastRow() - region.getFirstRow() + 1)
                            * (region.getLastColumn() - region.getFirstColumn() + 1);
                    if (cells <= 100_000) {
                        merges.add(region);
                    }
                    if (merges.size() > MAX_MERGES) {
                        throw new Stop(null);
                    }
                }
            }
        });
        try {
            xml.parse(new InputSource(sheet));
        } catch (Stop enough) {
            // the first merges are kept; a sheet with that many merges is not a comment sheet anyway
        }
        return merges;
    }

    /** Takes the rows as the SAX handler reports them, finds the header and keeps the body within the limits. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String fileName;
        private final Map<Long, CellRangeAddress> mergeAt = new HashMap<>();
        private final Map<Long, String> mergeValues = new HashMap<>();
        private final List<List<String>> above = new ArrayList<>();
        private final List<Grid.Row> body = new ArrayList<>();
        private TreeMap<Integer, String> cells = new TreeMap<>();
        private SheetReader.Header header;
        private int width;
        private int firstRow = -1;
        private int filledBodyRows;
        private long text;

        RowCollector(String fileName, List<CellRangeAddress> merges) {
            this.fileName = fileName;
            for (CellRangeAddress region : merges) {
                for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                    for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                        mergeAt.put(key(r, c), region);
                    }
                }
            }
        }

        private static long key(int row, int column) {
            return ((long) row << 16) | column;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new TreeMap<>();
        }

        @Override
        public void cell(String ref, String formattedValue, XSSFComment comment) {
            if (ref == null || formattedValue == null || formattedValue.isEmpty()) {
                return;
            }
            CellReference at = new CellReference(ref);
            int column = at.getCol();
            if (column > 255) {
                return; // far right of anything a comment sheet uses
            }
            if (formattedValue.length() > SheetReader.MAX_CELL) {
                throw new StopUnchecked(SheetProblem.ofFile("sheet.cell.too-large", fileName, at.getRow() + 1,
                        SheetReader.MAX_CELL));
            }
            String value = Grid.clean(formattedValue);
            text += value.length();
            if (text > SheetReader.MAX_SHEET_TEXT) {
                throw new StopUnchecked(SheetProblem.ofFile("sheet.text.too-much", fileName,
                        SheetReader.MAX_SHEET_TEXT));
            }
            cells.put(column, value);
            CellRangeAddress merge = mergeAt.get(key(at.getRow(), column));
            if (merge != null && merge.getFirstRow() == at.getRow() && merge.getFirstColumn() == column) {
                mergeValues.put(key(at.getRow(), column), value);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (firstRow < 0) {
                firstRow = rowNum;
            }
            if (header == null) {
                if (rowNum >= firstRow + HEADER_SEARCH_ROWS) {
                    throw new StopUnchecked(null); // no header near the top: not this sheet
                }
                List<String> titles = new ArrayList<>();
                int last = cells.isEmpty() ? -1 : cells.lastKey();
                for (int c = 0; c <= last; c++) {
                    titles.add(cells.getOrDefault(c, ""));
                }
                Optional<SheetReader.Header> found = SheetReader.header(rowNum, titles);
                if (found.isPresent()) {
                    header = found.get();
                    width = titles.size();
                } else {
                    above.add(titles);
                }
                return;
            }
            Grid.Row row = row(rowNum);
            if (!row.blank()) {
                filledBodyRows++;
                if (filledBodyRows > 2 * SheetReader.MAX_ROWS) {
                    throw new StopUnchecked(SheetProblem.ofFile("sheet.too-many-rows", fileName,
                            SheetReader.MAX_ROWS));
                }
                body.add(row);
            }
        }

        private Grid.Row row(int r) {
            List<String> values = new ArrayList<>(width);
            boolean spanning = false;
            for (int c = 0; c < width; c++) {
                CellRangeAddress merged = mergeAt.get(key(r, c));
                if (merged == null) {
                    values.add(cells.getOrDefault(c, ""));
                    continue;
                }
                if (merged.getLastColumn() - merged.getFirstColumn() >= 2) {
                    spanning = true;
                }
                if (c != merged.getFirstColumn()) {
                    values.add(""); // the text stands once, in the first column of the merge
                    continue;
                }
                values.add(mergeValues.getOrDefault(key(merged.getFirstRow(), c), ""));
            }
            return new Grid.Row(r + 1, values, spanning);
        }

        /** Date, Document and Project from the rows above the header ("Date:" with the value in it or beside it). */
        SheetHeader fields() {
            String[] labels = {"date:", "document:", "project:"};
            String[] values = {"", "", ""};
            for (List<String> row : above) {
                for (int c = 0; c < row.size(); c++) {
                    String cellText = row.get(c);
                    for (int i = 0; i < labels.length; i++) {
                        if (values[i].isEmpty() && cellText.toLowerCase(Locale.ROOT).startsWith(labels[i])) {
                            String rest = cellText.substring(labels[i].length()).strip();
                            values[i] = rest.isEmpty() ? (c + 1 < row.size() ? row.get(c + 1) : "") : rest;
                        }
                    }
                }
            }
            return new SheetHeader(values[0], values[1], values[2]);
        }
    }

    /**
     * Thrown from the row callbacks (which may not throw checked exceptions) to stop the SAX parse; {@link #read}
     * turns it into the result.
     */
    static final class StopUnchecked extends RuntimeException {
        final transient SheetProblem problem;

        StopUnchecked(SheetProblem problem) {
            super(problem == null ? "done" : problem.key(), null, false, false);
            this.problem = problem;
        }
    }
}
