package org.draftroom.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;

/**
 * Fills the ISO/IEC/CEN/CENELEC commenting template, version 2012-03 (the very file ISO distributes, shipped in
 * {@code sheets/iso_comment_template_2012-03.docx}): one row of its table per comment, each cell in the template's
 * paragraph style, lines of a multi-line text as paragraphs; Date, Document and Project in the page header. Nothing
 * else of the template changes, so its columns and captions stay exactly as ISO made them. Stateless and thread-safe.
 */
public final class IsoTemplateWriter {

    /** Where the blank template lies on the class path. */
    public static final String TEMPLATE = "/sheets/iso_comment_template_2012-03.docx";

    private IsoTemplateWriter() {
    }

    /** Writes the rows into the template, without Date, Document and Project. */
    public static void write(List<SheetRow> rows, OutputStream out) throws IOException {
        write(SheetHeader.EMPTY, rows, out);
    }

    /** Writes the rows into the template, with the header's Date, Document and Project. */
    public static void write(SheetHeader header, List<SheetRow> rows, OutputStream out) throws IOException {
        try (XWPFDocument doc = template()) {
            fillHeader(doc, header);
            XWPFTable table = doc.getTables().get(0);
            Map<Column, Integer> at = columns(doc, table.getRow(0).getTableCells().size());
            int blankRows = table.getNumberOfRows();
            XWPFTableRow model = table.getRow(0);
            for (SheetRow row : rows) {
                // XWPFTable.addRow stores a copy of the row it is given; build the row on the live XML instead.
                CTRow live = table.getCTTbl().addNewTr();
                live.set(model.getCtRow());
                XWPFTableRow added = new XWPFTableRow(live, table);
                set(added, at.get(Column.MEMBER_BODY), row.memberBody());
                set(added, at.get(Column.LINE), row.lineNumber());
                set(added, at.get(Column.CLAUSE), row.clause());
                set(added, at.get(Column.PARAGRAPH), row.paragraph());
                set(added, at.get(Column.TYPE), row.type());
                set(added, at.get(Column.COMMENT), row.comment());
                set(added, at.get(Column.PROPOSED), row.proposedChange());
                set(added, at.get(Column.OBSERVATIONS), row.observations());
            }
            if (!rows.isEmpty()) {
                for (int i = 0; i < blankRows; i++) {
                    table.removeRow(0);
                }
            }
            doc.write(out);
        }
    }

    /** The blank template, as ISO distributes it. */
    public static XWPFDocument template() throws IOException {
        try (InputStream in = IsoTemplateWriter.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the class path");
            }
            return new XWPFDocument(in);
        }
    }

    /** Which column of the body's table holds what, read from the template's own captions. */
    private static Map<Column, Integer> columns(XWPFDocument doc, int width) {
        return new EnumMap<>(DocxSheet.pageHeaderCaptions(doc, width).orElseThrow(
                () -> new IllegalStateException("the template's page header has no column captions")).columns());
    }

    private static void set(XWPFTableRow row, Integer column, String text) {
        if (column == null) {
            return;
        }
        XWPFTableCell cell = row.getCell(column);
        XWPFParagraph first = cell.getParagraphs().get(0);
        String[] lines = sanitise(text).split("\n", -1);
        first.createRun().setText(lines[0]);
        CTPPr style = first.getCTP().getPPr();
        for (int i = 1; i < lines.length; i++) {
            XWPFParagraph p = cell.addParagraph();
            if (style != null) {
                p.getCTP().setPPr((CTPPr) style.copy());
            }
            p.createRun().setText(lines[i]);
        }
    }

    /** Appends the values to the page header's "Date:", "Document:" and "Project:" captions. */
    private static void fillHeader(XWPFDocument doc, SheetHeader header) {
        for (XWPFHeader h : doc.getHeaderList()) {
            for (XWPFTable t : h.getTables()) {
                for (XWPFTableRow r : t.getRows()) {
                    for (XWPFTableCell c : r.getTableCells()) {
                        for (XWPFParagraph p : c.getParagraphs()) {
                            String caption = p.getText().strip();
                            String value = switch (caption) {
                                case "Date:" -> header.date();
                                case "Document:" -> header.document();
                                case "Project:" -> header.project();
                                default -> "";
                            };
                            if (!value.isEmpty()) {
                                XWPFRun run = p.createRun();
                                run.setText((p.getText().endsWith(" ") ? "" : " ") + sanitise(value));
                            }
                        }
                    }
                }
            }
        }
    }

    /** Drops characters XML 1.0 cannot hold (control characters other than line end and tab). */
    static String sanitise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
