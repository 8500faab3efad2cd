package org.draftroom.export.draft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.BodyType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.draftroom.drafts.domain.BlockRenderer;
import org.draftroom.drafts.domain.BodyItem;
import org.draftroom.drafts.domain.GbtList;
import org.draftroom.drafts.domain.GbtListItem;
import org.draftroom.drafts.domain.ClauseKind;
import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.DraftAst;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.PlainText;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.TocEntry;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

/**
 * A draft as a Word document laid out after GB/T 1.1: cover (code, titles, document type, stage label, completion date,
 * the call to disclose patents), a table of contents field, the foreword and introduction, the numbered clauses and
 * annexes and the bibliography, on A4 pages.
 *
 * <p>Headings use the paragraph styles {@code Heading1} to {@code Heading6}, which this class defines in the styles part
 * with outline levels 0 to 5, so Word's navigation pane and its TOC field see the outline. A clause heading reads
 * "5.1  title" (computed number, two spaces, title); an annex heading "附录A（资料性）", a line break and the title,
 * centred. The TOC field (outline levels 1 to 4, as hyperlinks) carries the current outline as its result and the
 * settings ask Word to update fields on opening, which adds the page numbers. Runs name a Latin font (Times New Roman) and an
 * East Asian one (宋体 for text, 黑体 for headings) so Chinese renders without font substitution guesswork.
 *
 * <p>Figures are shown by their path and caption: the export holds the draft text only, not the image files.
 */
final class DocxExport {

    static final String LATIN = "Times New Roman";
    static final String SONG = "宋体";
    static final String HEI = "黑体";
    static final String MONO = "Courier New";
    /** Two Chinese characters at 10.5 pt (五号), in twentieths of a point: GB/T 1.1's paragraph indent. */
    static final int INDENT = 420;
    static final int TEXT_SIZE = 21;
    private static final int SMALL_SIZE = 18;
    static final String NUMBER_SEPARATOR = "  ";

    private final DraftExport export;
    private final DraftAst ast;
    private final NumberedOutline outline;
    private final Language language;
    private final XWPFDocument doc;
    private boolean firstClauseWritten;
    /** The paragraph inlines are being written to; moves on at each Markdown line break. */
    private XWPFParagraph line;

    private int bookmarks;
    private final Blocks blocks = new Blocks();

    private DocxExport(DraftExport export, XWPFDocument doc) {
        this.export = export;
        this.ast = DraftAst.parse(export.document());
        this.outline = ast.outline();
        this.language = export.language();
        this.doc = doc;
    }

    /** The DOCX file. */
    static byte[] write(DraftExport export) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new DocxExport(export, doc).build();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the DOCX export", e);
        }
    }

    private void build() {
        styles(doc);
        page(doc);
        cover();
        tableOfContents();
        for (Node block : ast.preamble()) {
            block(block, 0);
        }
        for (NumberedClause clause : outline.topLevel()) {
            clause(clause);
        }
        doc.enforceUpdateFields();
    }

    /** A4 pages with GB/T 1.1's margins. Shared with {@link RedlineDocx}. */
    static void page(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margin = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margin.setTop(BigInteger.valueOf(1417));
        margin.setBottom(BigInteger.valueOf(1134));
        margin.setLeft(BigInteger.valueOf(1417));
        margin.setRight(BigInteger.valueOf(1134));
        margin.setHeader(BigInteger.valueOf(851));
        margin.setFooter(BigInteger.valueOf(992));
        margin.setGutter(BigInteger.ZERO);
    }

    /**
     * Document defaults (五号 宋体 / Times New Roman), the Normal style and Heading 1 to 6 with outline levels. Shared
     * with {@link RedlineDocx}, so both exports look alike.
     */
    static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(LATIN);
        fonts.setHAnsi(LATIN);
        fonts.setEastAsia(SONG);
        fonts.setCs(LATIN);
        styles.setDefaultFonts(fonts);
        CTStyle normal = CTStyle.Factory.newInstance();
        normal.setType(STStyleType.PARAGRAPH);
        normal.setStyleId("Normal");
        normal.setDefault(true);
        normal.addNewName().setVal("Normal");
        normal.addNewQFormat();
        CTRPr normalRun = normal.addNewRPr();
        fonts(normalRun.addNewRFonts(), SONG);
        normalRun.addNewSz().setVal(BigInteger.valueOf(TEXT_SIZE));
        normalRun.addNewSzCs().setVal(BigInteger.valueOf(TEXT_SIZE));
        styles.addStyle(new XWPFStyle(normal, styles));
        for (int level = 1; level <= 6; level++) {
            CTStyle heading = CTStyle.Factory.newInstance();
            heading.setType(STStyleType.PARAGRAPH);
            heading.setStyleId(headingStyle(level));
            heading.addNewName().setVal("heading " + level);
            heading.addNewBasedOn().setVal("Normal");
            heading.addNewNext().setVal("Normal");
            heading.addNewUiPriority().setVal(BigInteger.valueOf(9));
            heading.addNewQFormat();
            CTPPrGeneral paragraph = heading.addNewPPr();
            paragraph.addNewKeepNext();
            paragraph.addNewKeepLines();
            paragraph.addNewSpacing().setBefore(BigInteger.valueOf(level == 1 ? 312 : 156));
            paragraph.getSpacing().setAfter(BigInteger.valueOf(level == 1 ? 312 : 156));
            paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
            CTRPr run = heading.addNewRPr();
            fonts(run.addNewRFonts(), HEI);
            run.addNewSz().setVal(BigInteger.valueOf(TEXT_SIZE));
            run.addNewSzCs().setVal(BigInteger.valueOf(TEXT_SIZE));
            styles.addStyle(new XWPFStyle(heading, styles));
        }
    }

    static String headingStyle(int level) {
        return "Heading" + level;
    }

    static void fonts(CTFonts fonts, String eastAsia) {
        fonts.setAscii(LATIN);
        fonts.setHAnsi(LATIN);
        fonts.setCs(LATIN);
        fonts.setEastAsia(eastAsia);
    }

    /**
     * The GB/T 1.1 cover: ICS and CCS codes, the kind of document, the number and the standard it replaces, the plan
     * number of a draft, the titles (the document language's first), the stage label, completion date and patent call,
     * the dates of issue and implementation (placeholders until fixed) and the issuing bodies.
     */
    private void cover() {
        Project project = export.project();
        DocumentInfo info = export.info();
        for (String code : new String[] {CoverText.ics(info), CoverText.ccs(info)}) {
            if (!code.isEmpty()) {
                run(paragraph(ParagraphAlignment.LEFT), code, HEI, 21, true);
            }
        }
        if (project.type() != null) {
            XWPFParagraph type = paragraph(ParagraphAlignment.CENTER);
            type.setSpacingBefore(600);
            run(type, CoverText.documentType(project.type(), language), HEI, 44, false);
            type.setBorderBottom(Borders.SINGLE);
            type.setSpacingAfter(120);
        }
        XWPFParagraph code = paragraph(ParagraphAlignment.RIGHT);
        run(code, info.number(project.code()), HEI, 28, true);
        for (String line : new String[] {CoverText.replaces(info, language), CoverText.planNumber(info, language)}) {
            if (!line.isEmpty()) {
                run(paragraph(ParagraphAlignment.RIGHT), line, SONG, TEXT_SIZE, false);
            }
        }
        XWPFParagraph titleZh = paragraph(ParagraphAlignment.CENTER);
        titleZh.setSpacingBefore(1800);
        run(titleZh, export.title(), HEI, 52, false);
        titleZh.setSpacingAfter(240);
        XWPFParagraph titleEn = paragraph(ParagraphAlignment.CENTER);
        run(titleEn, export.otherTitle(), HEI, 28, false);
        titleEn.setSpacingAfter(1200);
        export.stage().ifPresent(stage -> {
            XWPFParagraph label = paragraph(ParagraphAlignment.CENTER);
            run(label, language == Language.ZH ? "（" + stage.label() + "）" : "(" + stage.label() + ")", SONG, 32,
                    false);
            if (stage.completed() != null) {
                XWPFParagraph completed = paragraph(ParagraphAlignment.CENTER);
                run(completed, CoverText.completed(stage.completed(), language), SONG, 24, false);
            }
            if (stage.patentCall()) {
                XWPFParagraph patents = paragraph(ParagraphAlignment.LEFT);
                patents.setSpacingBefore(1200);
                patents.setBorderTop(Borders.SINGLE);
                patents.setBorderBottom(Borders.SINGLE);
                patents.setBorderLeft(Borders.SINGLE);
                patents.setBorderRight(Borders.SINGLE);
                run(patents, CoverText.patentCall(language), SONG, 24, true);
            }
        });
        XWPFParagraph dates = paragraph(ParagraphAlignment.LEFT);
        dates.setSpacingBefore(600);
        dates.setBorderTop(Borders.SINGLE);
        // A right tab at the text width puts the date of implementation at the right margin, as GB/T covers do.
        CTPPr datesProperties = dates.getCTP().isSetPPr() ? dates.getCTP().getPPr() : dates.getCTP().addNewPPr();
        CTTabStop rightTab = datesProperties.addNewTabs().addNewTab();
        rightTab.setVal(STTabJc.RIGHT);
        rightTab.setPos(BigInteger.valueOf(9355));
        run(dates, CoverText.released(info, language), HEI, 28, false);
        dates.createRun().addTab();
        run(dates, CoverText.effective(info, language), HEI, 28, false);
        for (String issuer : CoverText.issuers(info, language)) {
            XWPFParagraph p = paragraph(ParagraphAlignment.CENTER);
            run(p, issuer, HEI, 28, false);
        }
        XWPFParagraph version = paragraph(ParagraphAlignment.CENTER);
        version.setSpacingBefore(600);
        run(version, CoverText.versionLine(export.version(), export.exportDate(), language), SONG, SMALL_SIZE,
                false);
        version.setPageBreak(false);
        pageBreak();
    }

    /**
     * "目次", then a TOC field whose cached result is the current outline (without page numbers), so that the contents
     * read right even in a program that does not update fields.
     */
    private void tableOfContents() {
        XWPFParagraph title = paragraph(ParagraphAlignment.CENTER);
        run(title, language.contents(), HEI, 32, false);
        title.setSpacingAfter(480);
        List<TocEntry> entries = outline.tableOfContents(4, language).stream()
                .filter(e -> e.level() <= 4).toList();
        List<String> lines = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        for (TocEntry entry : entries) {
            lines.add(entry.label().isEmpty() ? entry.title() : entry.label() + NUMBER_SEPARATOR + entry.title());
            levels.add(entry.level());
        }
        if (lines.isEmpty()) {
            lines.add(CoverText.tocPlaceholder(language));
            levels.add(1);
        }
        for (int i = 0; i < lines.size(); i++) {
            XWPFParagraph p = paragraph(ParagraphAlignment.LEFT);
            p.setIndentationLeft(INDENT * (levels.get(i) - 1));
            CTP ctp = p.getCTP();
            if (i == 0) {
                ctp.addNewR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
                CTText instruction = ctp.addNewR().addNewInstrText();
                instruction.setStringValue(" TOC \\o \"1-4\" \\h \\z \\u ");
                instruction.setSpace(SpaceAttribute.Space.PRESERVE);
                ctp.addNewR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
            }
            run(p, lines.get(i), SONG, TEXT_SIZE, false);
            if (i == lines.size() - 1) {
                CTR end = ctp.addNewR();
                end.addNewFldChar().setFldCharType(STFldCharType.END);
            }
        }
        pageBreak();
    }

    private void clause(NumberedClause clause) {
        XWPFParagraph heading;
        int level = Math.min(clause.clause().level(), 6);
        if (clause.parentIndex() < 0 && clause.kind() != ClauseKind.CLAUSE) {
            heading = headingParagraph(1);
            heading.setAlignment(ParagraphAlignment.CENTER);
            heading.setPageBreak(true);
            if (clause.kind() == ClauseKind.ANNEX) {
                XWPFRun label = run(heading, clause.label(language), HEI, TEXT_SIZE, false);
                label.addBreak();
            }
            run(heading, clause.clause().title(), HEI, TEXT_SIZE, false);
        } else {
            heading = headingParagraph(level);
            if (clause.kind() == ClauseKind.CLAUSE && !firstClauseWritten) {
                heading.setPageBreak(true);
                firstClauseWritten = true;
            }
            String number = clause.number();
            run(heading, number.isEmpty() ? clause.clause().title()
                    : number + NUMBER_SEPARATOR + clause.clause().title(), HEI, TEXT_SIZE, false);
        }
        bookmark(heading, clause.id());
        boolean bibliography = clause.kind() == ClauseKind.BIBLIOGRAPHY;
        for (Node block : ast.blocks(clause)) {
            block(block, bibliography ? -1 : 0);
        }
        for (NumberedClause child : outline.children(clause)) {
            clause(child);
        }
    }

    /**
     * Writes one block.
     *
     * @param depth list nesting depth for indentation; -1 for bibliography entries, which hang without indent
     */
    private void block(Node block, int depth) {
        ast.render(block, depth, blocks);
    }

    /** What each kind of block becomes in Word; the context is the depth of {@link #block}. */
    private final class Blocks implements BlockRenderer<Integer, RuntimeException> {

        @Override
        public void paragraph(Paragraph p, Integer depth) {
            XWPFParagraph text = DocxExport.this.paragraph(ParagraphAlignment.BOTH);
            if (depth >= 0) {
                text.setIndentationFirstLine(INDENT);
                text.setIndentationLeft(INDENT * depth);
            }
            inlines(text, p.getFirstChild(), new Style(TEXT_SIZE));
        }

        @Override
        public void noteOrExample(Paragraph p, BodyItem item, Integer depth) {
            XWPFParagraph note = DocxExport.this.paragraph(ParagraphAlignment.BOTH);
            note.setIndentationLeft(INDENT);
            XWPFRun label = run(note, item.label(language) + language.labelSeparator(), HEI, SMALL_SIZE, false);
            label.setBold(false);
            run(note, DraftAst.afterOpener(p, item), SONG, SMALL_SIZE, false);
            inlines(note, p.getFirstChild().getNext(), new Style(SMALL_SIZE));
        }

        @Override
        public void figure(Paragraph p, Image image, BodyItem item, Integer depth) {
            DocxExport.this.figure(image, item);
        }

        /** The table's caption carries a title; "表：" without one stays a paragraph of its own. */
        @Override
        public void tableCaption(Paragraph p, BodyItem table, Integer depth) {
            if (table.caption().isEmpty()) {
                paragraph(p, depth);
            }
        }

        @Override
        public void table(TableBlock table, BodyItem item, Integer depth) {
            DocxExport.this.table(table, item);
        }

        @Override
        public void gbtList(GbtList list, Integer depth) {
            DocxExport.this.gbtList(list, Math.max(depth, 0));
        }

        @Override
        public void list(ListBlock list, Integer depth) {
            DocxExport.this.list(list, Math.max(depth, 0));
        }

        @Override
        public void blockQuote(BlockQuote quote, Integer depth) {
            for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
                block(child, Math.max(depth, 0) + 1);
            }
        }

        @Override
        public void preformatted(Node block, String literal, Integer depth) {
            DocxExport.this.preformatted(literal);
        }

        @Override
        public void heading(Heading heading, Integer depth) {
            XWPFParagraph p = DocxExport.this.paragraph(ParagraphAlignment.LEFT);
            inlines(p, heading.getFirstChild(), new Style(TEXT_SIZE).withBold());
        }

        @Override
        public void thematicBreak(ThematicBreak thematicBreak, Integer depth) {
        }

        @Override
        public void other(Node block, Integer depth) {
            String text = PlainText.SOFT_BREAKS.of(block);
            if (!text.isBlank()) {
                run(DocxExport.this.paragraph(ParagraphAlignment.BOTH), text, SONG, TEXT_SIZE, false);
            }
        }
    }

    private void figure(Image image, BodyItem item) {
        XWPFParagraph placeholder = paragraph(ParagraphAlignment.CENTER);
        placeholder.setBorderTop(Borders.DASHED);
        placeholder.setBorderBottom(Borders.DASHED);
        run(placeholder, image == null ? "" : image.getDestination().strip(), MONO, SMALL_SIZE, false);
        XWPFParagraph caption = paragraph(ParagraphAlignment.CENTER);
        run(caption, item.caption().isEmpty() ? item.label(language)
                : item.label(language) + NUMBER_SEPARATOR + item.caption(), HEI, TEXT_SIZE, false);
    }

    private void table(TableBlock table, BodyItem item) {
        if (item != null) {
            XWPFParagraph caption = paragraph(ParagraphAlignment.CENTER);
            caption.setKeepNext(true);
            run(caption, item.caption().isEmpty() ? item.label(language)
                    : item.label(language) + NUMBER_SEPARATOR + item.caption(), HEI, TEXT_SIZE, false);
        }
        List<TableCell[]> rows = new ArrayList<>();
        int columns = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<TableCell> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell c) {
                        cells.add(c);
                    }
                }
                rows.add(cells.toArray(TableCell[]::new));
                columns = Math.max(columns, cells.size());
            }
        }
        if (rows.isEmpty() || columns == 0) {
            return;
        }
        XWPFTable t = doc.createTable(rows.size(), columns);
        t.setWidth("100%");
        t.setTopBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
        t.setBottomBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
        t.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setRightBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = t.getRow(r);
            if (r == 0 && rows.get(0).length > 0 && rows.get(0)[0].isHeader()) {
                row.setRepeatHeader(true);
            }
            for (int c = 0; c < columns; c++) {
                XWPFTableCell cell = row.getCell(c);
                XWPFParagraph p = cell.getParagraphs().get(0);
                if (c < rows.get(r).length) {
                    TableCell source = rows.get(r)[c];
                    p.setAlignment(source.isHeader() || source.getAlignment() == TableCell.Alignment.CENTER
                            ? ParagraphAlignment.CENTER
                            : source.getAlignment() == TableCell.Alignment.RIGHT ? ParagraphAlignment.RIGHT
                            : ParagraphAlignment.LEFT);
                    Style style = new Style(SMALL_SIZE);
                    inlines(p, source.getFirstChild(), source.isHeader() ? style.withBold() : style);
                }
            }
        }
        paragraph(ParagraphAlignment.LEFT);
    }

    /** Dash lists as "——" items, the way GB/T 1.1 prints them; ordered lists as "1)", "2)". */
    private void list(ListBlock list, int depth) {
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String marker = list instanceof BulletList ? "——" : number++ + ")";
            boolean first = true;
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Paragraph p) {
                    XWPFParagraph text = paragraph(ParagraphAlignment.BOTH);
                    text.setIndentationLeft(INDENT * (depth + 1));
                    if (first) {
                        text.setIndentationHanging(INDENT);
                        run(text, marker, SONG, TEXT_SIZE, false);
                    }
                    inlines(text, p.getFirstChild(), new Style(TEXT_SIZE));
                } else {
                    block(child, depth + 1);
                }
                first = false;
            }
            if (first) {
                XWPFParagraph empty = paragraph(ParagraphAlignment.BOTH);
                empty.setIndentationLeft(INDENT * (depth + 1));
                run(empty, marker, SONG, TEXT_SIZE, false);
            }
        }
    }

    /**
     * A GB/T list: one paragraph per item, indented two characters per level with the computed marker hanging
     * ("a) ", "1) ", "——"), as GB/T 1.1 sets them; a nested list follows its item one level deeper.
     */
    private void gbtList(GbtList list, int depth) {
        for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
            GbtListItem item = (GbtListItem) child;
            String marker = item.marker().endsWith(")") ? item.marker() + " " : item.marker();
            for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
                if (part instanceof Paragraph p) {
                    XWPFParagraph text = paragraph(ParagraphAlignment.BOTH);
                    text.setIndentationLeft(INDENT * (depth + 1) + INDENT);
                    text.setIndentationHanging(INDENT);
                    run(text, marker, SONG, TEXT_SIZE, false);
                    inlines(text, p.getFirstChild(), new Style(TEXT_SIZE));
                } else if (part instanceof GbtList nested) {
                    gbtList(nested, depth + 1);
                }
            }
        }
    }

    private void preformatted(String literal) {
        String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        XWPFParagraph p = paragraph(ParagraphAlignment.LEFT);
        p.setIndentationLeft(INDENT);
        run(p, text, MONO, SMALL_SIZE, false);
    }

    /** Character formatting inherited by nested inlines. */
    private record Style(int size, boolean bold, boolean italic, boolean mono) {
        Style(int size) {
            this(size, false, false, false);
        }

        Style withBold() {
            return new Style(size, true, italic, mono);
        }

        Style withItalic() {
            return new Style(size, bold, true, mono);
        }

        Style withMono() {
            return new Style(size, bold, italic, true);
        }
    }

    /**
     * Writes inlines into {@code p}. A line break in the Markdown starts a new paragraph with the same alignment and
     * indents: GB/T 1.1 sets each list line ("——…", "a) …") as its own paragraph, and a manual break inside a
     * justified paragraph would stretch the line before it. Inside a table cell a break stays a line break.
     */
    private void inlines(XWPFParagraph p, Node first, Style style) {
        line = p;
        for (Node n = first; n != null; n = n.getNext()) {
            inline(n, style);
        }
    }

    private void inline(Node node, Style style) {
        XWPFParagraph p = line;
        if (node instanceof Text t) {
            styled(p, t.getLiteral(), style);
        } else if (node instanceof Code c) {
            styled(p, c.getLiteral(), style.withMono());
        } else if (node instanceof Emphasis) {
            inlineChildren(node, style.withItalic());
        } else if (node instanceof StrongEmphasis) {
            inlineChildren(node, style.withBold());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            if (p.getPartType() == BodyType.TABLECELL) {
                p.createRun().addBreak();
            } else {
                line = continuation(p);
            }
        } else if (node instanceof Link link) {
            String generated = ast.linkText(link, language);
            String target = link.getDestination() == null ? "" : link.getDestination();
            if (!generated.isEmpty() && target.startsWith("#") && bookmarkName(target.substring(1)).length() <= 40) {
                // a cross-reference: an internal link to the clause's bookmark, so the import reads it back by id
                var hyperlink = p.getCTP().addNewHyperlink();
                hyperlink.setAnchor(bookmarkName(target.substring(1)));
                hyperlink.addNewR().addNewT().setStringValue(generated);
            } else if (!generated.isEmpty()) {
                styled(p, generated, style);
            } else {
                inlineChildren(link, style);
            }
        } else if (node instanceof Image image) {
            styled(p, PlainText.SOFT_BREAKS.of(image), style);
        } else if (node instanceof HtmlInline html) {
            styled(p, html.getLiteral(), style);
        } else {
            styled(p, PlainText.SOFT_BREAKS.of(node), style);
        }
    }

    private void inlineChildren(Node parent, Style style) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            inline(n, style);
        }
    }

    /** A new paragraph after {@code p} that continues its text: same alignment, left and first-line indents. */
    private XWPFParagraph continuation(XWPFParagraph p) {
        XWPFParagraph next = paragraph(p.getAlignment());
        int left = p.getIndentationLeft();
        int hanging = p.getIndentationHanging();
        int firstLine = p.getIndentationFirstLine();
        if (left > 0) {
            next.setIndentationLeft(left);
        }
        if (firstLine > 0) {
            next.setIndentationFirstLine(firstLine);
        } else if (hanging > 0) {
            next.setIndentationHanging(hanging);
        }
        return next;
    }

    private void styled(XWPFParagraph p, String text, Style style) {
        XWPFRun run = run(p, text, style.mono() ? MONO : SONG, style.size(), style.bold());
        if (style.italic()) {
            run.setItalic(true);
        }
        if (style.mono()) {
            run.setFontFamily(MONO, FontCharRange.ascii);
            run.setFontFamily(MONO, FontCharRange.hAnsi);
        }
    }

    private XWPFParagraph paragraph(ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        return p;
    }

    /**
     * Marks a heading with the bookmark {@code dr_<id>} ({@code -} written as {@code _}, which ids never hold), so
     * that the Word import gives the clause its id back. Word keeps bookmark names of at most 40 characters; a longer
     * id is left out (the import then matches the clause like any other).
     */
    private void bookmark(XWPFParagraph heading, String id) {
        String name = bookmarkName(id);
        if (name.length() > 40) {
            return;
        }
        BigInteger bookmarkId = BigInteger.valueOf(++bookmarks);
        var start = heading.getCTP().addNewBookmarkStart();
        start.setName(name);
        start.setId(bookmarkId);
        heading.getCTP().addNewBookmarkEnd().setId(bookmarkId);
    }

    static String bookmarkName(String id) {
        return "dr_" + id.replace('-', '_');
    }

    private XWPFParagraph headingParagraph(int level) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(headingStyle(level));
        return p;
    }

    private void pageBreak() {
        doc.createParagraph().createRun().addBreak(org.apache.poi.xwpf.usermodel.BreakType.PAGE);
    }

    /** A run with the Latin and East Asian fonts set; line feeds in {@code text} become line breaks. */
    private static XWPFRun run(XWPFParagraph p, String text, String eastAsia, int halfPoints, boolean bold) {
        XWPFRun run = p.createRun();
        run.setFontFamily(LATIN, FontCharRange.ascii);
        run.setFontFamily(LATIN, FontCharRange.hAnsi);
        run.setFontFamily(LATIN, FontCharRange.cs);
        run.setFontFamily(eastAsia, FontCharRange.eastAsia);
        run.setFontSize(halfPoints / 2.0);
        if (bold) {
            run.setBold(true);
        }
        String[] lines = StsExport.clean(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
        run.setUnderline(UnderlinePatterns.NONE);
        return run;
    }
}
