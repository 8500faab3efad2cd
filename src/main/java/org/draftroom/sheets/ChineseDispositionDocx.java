package org.draftroom.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * The Chinese comment summary and disposition table (意见汇总处理表) submitted with the 送审稿, as a Word document:
 * the title, the standard's name, and a table 序号 / 章节号 / 提出单位 / 意见内容 / 处理意见 / 理由 on landscape A4, its
 * header row repeated on every page. 章节号 is the clause in the consultation draft, with the line and the
 * paragraph/figure/table the reviewer gave below it ("第12行 表3"); 意见内容 holds the comment and, after "建议：", the
 * proposed change. Stateless and thread-safe.
 */
public final class ChineseDispositionDocx {

    /** The column titles, in order. */
    public static final List<String> TITLES = List.of("序号", "章节号", "提出单位", "意见内容", "处理意见", "理由");
    private static final int[] WIDTHS = {700, 1300, 1800, 5600, 1500, 3000};
    private static final String FONT = "宋体";

    private ChineseDispositionDocx() {
    }

    /**
     * Writes the table.
     *
     * @param standard the standard's code and name printed under the title ("GB/T 35273 信息安全技术 个人信息安全规范"),
     *     or blank for none
     */
    public static void write(String standard, List<DispositionTableRow> rows, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            landscape(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, "意见汇总处理表", true, 16);
            if (standard != null && !standard.isBlank()) {
                XWPFParagraph name = doc.createParagraph();
                run(name, "标准名称：" + IsoTemplateWriter.sanitise(standard.strip()), false, 11);
            }
            XWPFTable table = doc.createTable(1, TITLES.size());
            CTTblWidth width = table.getCTTbl().getTblPr().isSetTblW() ? table.getCTTbl().getTblPr().getTblW()
                    : table.getCTTbl().getTblPr().addNewTblW();
            width.setType(STTblWidth.DXA);
            width.setW(BigInteger.valueOf(java.util.Arrays.stream(WIDTHS).sum()));
            XWPFTableRow header = table.getRow(0);
            header.setRepeatHeader(true);
            header.setCantSplitRow(true);
            for (int c = 0; c < TITLES.size(); c++) {
                fill(header.getCell(c), TITLES.get(c), true, c);
            }
            int n = 0;
            for (DispositionTableRow d : rows) {
                XWPFTableRow row = table.createRow();
                String content = d.proposedChange().isBlank() ? d.comment()
                        : d.comment() + (d.comment().isBlank() ? "" : "\n") + "建议：" + d.proposedChange();
                String place = ((d.lineNumber().isBlank() ? "" : "第" + d.lineNumber().strip() + "行 ")
                        + d.location().strip()).strip();
                String clause = place.isEmpty() ? d.clauseThen() : d.clauseThen() + "\n" + place;
                String[] values = {String.valueOf(++n), clause, d.organisation(), content, d.disposition(),
                        d.reason()};
                for (int c = 0; c < values.length; c++) {
                    fill(row.getCell(c), values[c], false, c);
                }
            }
            doc.write(out);
        }
    }

    private static void fill(XWPFTableCell cell, String text, boolean bold, int column) {
        cell.setWidth(String.valueOf(WIDTHS[column]));
        XWPFParagraph first = cell.getParagraphs().get(0);
        String[] lines = IsoTemplateWriter.sanitise(text).split("\n", -1);
        run(first, lines[0], bold, 10.5);
        if (bold) {
            first.setAlignment(ParagraphAlignment.CENTER);
        }
        for (int i = 1; i < lines.length; i++) {
            run(cell.addParagraph(), lines[i], bold, 10.5);
        }
    }

    private static void run(XWPFParagraph p, String text, boolean bold, double size) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily(FONT, XWPFRun.FontCharRange.eastAsia);
    }

    private static void landscape(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(16838));
        size.setH(BigInteger.valueOf(11906));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1134));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setLeft(BigInteger.valueOf(1134));
        margins.setRight(BigInteger.valueOf(1134));
    }
}
