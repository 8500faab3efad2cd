package org.draftroom.export.draft;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.draftroom.drafts.domain.ClauseKind;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tukaani.xz.XZInputStream;

/**
 * A draft as a PDF: the {@link HtmlExport} rendered by openhtmltopdf (PDFBox) with CSS paged media. A4 pages numbered
 * at the foot (none on the cover), text in a bundled Song face (body) or sans face (headings, GB/T's 黑体) first in the
 * font stack, the sans face for the CJK characters the Song subset lacks, and a bundled Latin serif for what neither has
 * (Droid Sans Fallback has no Latin letters), all embedded as subsets,
 * PDF bookmarks nested like the clause outline, and the document title as PDF metadata.
 *
 * <p>The HTML5 export is parsed by jsoup and handed to openhtmltopdf as a W3C DOM (it is not XML). The renderer may load
 * nothing from outside: every external resource is refused, so the PDF depends only on the draft and the jar.
 */
final class PdfExport {

    /** The font family name the bundled font is registered under. */
    static final String CJK_FAMILY = "Draftroom CJK";

    /**
     * The font family of the body text: a Song (serif) face, as GB/T sets a standard's text in 宋体, with the 6,763
     * characters of GB 2312 and Chinese punctuation; rarer characters fall back to {@link #CJK_FAMILY}.
     */
    static final String SONG_FAMILY = "Draftroom Song";

    /** The font family of the bundled Latin font, for the characters the CJK font has no glyph for. */
    static final String LATIN_FAMILY = "Draftroom Latin";

    private static final String CJK_FONT = "/fonts/DroidSansFallbackFull.ttf.xz";

    private static final String SONG_FONT = "/fonts/NotoSerifSC-Regular-GB2312.ttf.xz";

    private static final String BASE_URI = "about:draftroom";

    /** The bundled fonts, read once, without their GSUB table (see {@link #withoutTable}). */
    private static final Map<String, byte[]> FONTS = new ConcurrentHashMap<>();

    /** Print rules added after the HTML export's stylesheet: they win by order. */
    private static final String PRINT_CSS = """
            @page { size: A4; margin: 25mm 20mm 20mm 25mm;
                    @bottom-center { content: counter(page); font-family: "Draftroom CJK", "Draftroom Latin"; font-size: 9pt; } }
            @page :first { @bottom-center { content: none; } }
            html { font-family: "Draftroom Song", "Draftroom CJK", "Draftroom Latin"; }
            h1, h2, h3, h4, h5, h6, .dr-cover-type, .dr-cover-title, figcaption, .dr-toc-title,
            .dr-cover-ics, .dr-cover-ccs {
                font-family: "Draftroom CJK", "Draftroom Latin"; }
            body { max-width: none; padding: 0; }
            .dr-cover { min-height: 0; display: block; }
            .dr-cover-patents { margin-top: 10mm; }
            h1, h2, h3, h4, h5, h6, .dr-cover-type, .dr-cover-title, .dr-toc-title { font-weight: bold; }
            h1.dr-centred { text-align: center; }
            """;

    static {
        OpenHtmlToPdfLog.install();
    }

    private PdfExport() {
    }

    /** The PDF file. */
    static byte[] write(DraftExport export) {
        Document html = Jsoup.parse(new String(HtmlExport.write(export), StandardCharsets.UTF_8), BASE_URI);
        html.head().appendElement("style").appendText(PRINT_CSS);
        NumberedOutline outline = NumberedOutline.of(export.document());
        markPageStarts(html, outline);
        Element bookmarks = html.head().appendElement("bookmarks");
        addBookmarks(bookmarks, outline, export.language());
        if (bookmarks.childrenSize() == 0) {
            bookmarks.remove();
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(new W3CDom().fromJsoup(html), BASE_URI);
            registerFonts(builder);
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withProducer("Draftroom");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the PDF", e);
        }
        return out.toByteArray();
    }

    /**
     * GB/T 1.1's page starts: the foreword, the introduction and the first numbered clause each begin a page (the cover
     * and the table of contents end theirs), as does each annex (by the stylesheet) and the bibliography; the clauses of
     * the body flow on. The headings of those clauses get the class {@code dr-page}.
     */
    static void markPageStarts(Document html, NumberedOutline outline) {
        boolean firstClause = true;
        boolean first = true;
        for (NumberedClause clause : outline.clauses()) {
            if (clause.clause().level() != 1 || clause.id().isEmpty()) {
                continue;
            }
            Element heading = html.getElementById(clause.id());
            // 前言, 引言 and 参考文献 are centred, as GB/T 1.1 sets them (annexes are centred by the HTML stylesheet).
            if (heading != null && (clause.kind() == ClauseKind.UNNUMBERED || clause.kind() == ClauseKind.BIBLIOGRAPHY)) {
                heading.addClass("dr-centred");
            }
            if (first) {
                // Follows the table of contents, which ends its page already.
                first = false;
                firstClause = clause.kind() != ClauseKind.CLAUSE;
                continue;
            }
            boolean starts = switch (clause.kind()) {
                case UNNUMBERED, BIBLIOGRAPHY, ANNEX -> true;
                case CLAUSE -> firstClause;
                default -> false;
            };
            if (clause.kind() == ClauseKind.CLAUSE) {
                firstClause = false;
            }
            if (heading != null && starts) {
                heading.addClass("dr-page");
            }
        }
    }

    /**
     * The CJK faces have no bold: they are registered at weight 400 only, so that bold CJK text (headings, 黑体 in
     * GB/T, drawn in the sans face) takes them and openhtmltopdf draws it with synthesised bold (fill and stroke)
     * instead of a built-in PDF font that is not embedded and has no CJK glyphs. The Latin family has its four faces.
     */
    private static void registerFonts(PdfRendererBuilder builder) {
        for (FontStyle style : new FontStyle[] {FontStyle.NORMAL, FontStyle.ITALIC}) {
            boolean italic = style == FontStyle.ITALIC;
            builder.useFont(font(CJK_FONT), CJK_FAMILY, 400, style, true);
            builder.useFont(font(SONG_FONT), SONG_FAMILY, 400, style, true);
            for (int weight : new int[] {400, 700}) {
                String face = weight == 700 ? (italic ? "BoldItalic" : "Bold") : (italic ? "Italic" : "Regular");
                builder.useFont(font("/fonts/LiberationSerif-" + face + ".ttf.xz"), LATIN_FAMILY, weight, style, true);
            }
        }
    }

    private static FSSupplier<InputStream> font(String resource) {
        byte[] bytes = FONTS.computeIfAbsent(resource, PdfExport::loadWithoutGsub);
        return () -> new ByteArrayInputStream(bytes);
    }

    /**
     * The font, unpacked from its xz file: the fonts are stored xz-compressed (3.8 MB against 4.8 MB with the jar's
     * own deflate, 8.5 MB unpacked), unpacked once per process on the first PDF (about a tenth of a second).
     */
    private static byte[] loadWithoutGsub(String resource) {
        InputStream packed = PdfExport.class.getResourceAsStream(resource);
        if (packed == null) {
            throw new IllegalStateException("Missing font resource " + resource);
        }
        try (InputStream in = new XZInputStream(new BufferedInputStream(packed))) {
            return withoutTable(in.readAllBytes(), "GSUB");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the font " + resource, e);
        }
    }

    /**
     * The TrueType font without one table: its record is dropped from the table directory (the table's bytes stay,
     * unreferenced, and the other tables' offsets are unchanged). Used for GSUB: PDFBox applies a font's glyph
     * substitutions to every string it writes, compiling regular expressions per string, which took a quarter of the
     * time of a large PDF; a standard's text needs none of them (no ligatures in Latin text, horizontal CJK). The font
     * is otherwise untouched and is subset on embedding as before.
     */
    static byte[] withoutTable(byte[] font, String tag) {
        ByteBuffer in = ByteBuffer.wrap(font);
        int tables = in.getShort(4) & 0xFFFF;
        int found = -1;
        for (int i = 0; i < tables; i++) {
            if (new String(font, 12 + 16 * i, 4, StandardCharsets.ISO_8859_1).equals(tag)) {
                found = i;
            }
        }
        if (found < 0) {
            return font;
        }
        byte[] out = font.clone();
        // Move the later records up one place and blank the freed last record.
        System.arraycopy(font, 12 + 16 * (found + 1), out, 12 + 16 * found, 16 * (tables - found - 1));
        Arrays.fill(out, 12 + 16 * (tables - 1), 12 + 16 * tables, (byte) 0);
        int n = tables - 1;
        int entrySelector = 31 - Integer.numberOfLeadingZeros(n);
        int searchRange = (1 << entrySelector) * 16;
        ByteBuffer header = ByteBuffer.wrap(out);
        header.putShort(4, (short) n);
        header.putShort(6, (short) searchRange);
        header.putShort(8, (short) entrySelector);
        header.putShort(10, (short) (n * 16 - searchRange));
        return out;
    }

    /**
     * One {@code <bookmark>} per clause with an id, nested like the outline. A clause without an id (no anchor to go
     * to) gets no bookmark; its subclauses hang under its nearest ancestor that has one.
     */
    static void addBookmarks(Element root, NumberedOutline outline, Language language) {
        List<NumberedClause> clauses = outline.clauses();
        List<Element> elements = new ArrayList<>(clauses.size());
        for (NumberedClause clause : clauses) {
            Element parent = root;
            for (int p = clause.parentIndex(); p >= 0; p = clauses.get(p).parentIndex()) {
                if (elements.get(p) != null) {
                    parent = elements.get(p);
                    break;
                }
            }
            if (clause.id().isEmpty()) {
                elements.add(null);
                continue;
            }
            elements.add(parent.appendElement("bookmark").attr("name", bookmarkName(clause, language))
                    .attr("href", "#" + clause.id()));
        }
    }

    static String bookmarkName(NumberedClause clause, Language language) {
        String label = clause.label(language);
        String title = clause.clause().title().strip();
        if (label.isEmpty()) {
            return title;
        }
        return title.isEmpty() ? label : label + " " + title;
    }
}
