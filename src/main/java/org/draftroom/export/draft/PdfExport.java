package org.draftroom.export.draft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A draft as a PDF: the {@link HtmlExport} rendered by openhtmltopdf (PDFBox) with CSS paged media. A4 pages numbered
 * at the foot (none on the cover), the bundled CJK TrueType font first in every font stack and a bundled Latin serif
 * for what it has no glyph for (Droid Sans Fallback has no Latin letters), both embedded as subsets,
 * PDF bookmarks nested like the clause outline, and the document title as PDF metadata.
 *
 * <p>The HTML5 export is parsed by jsoup and handed to openhtmltopdf as a W3C DOM (it is not XML). The renderer may load
 * nothing from outside: every external resource is refused, so the PDF depends only on the draft and the jar.
 */
final class PdfExport {

    /** The font family name the bundled font is registered under. */
    static final String CJK_FAMILY = "Draftroom CJK";

    /** The font family of the bundled Latin font, for the characters the CJK font has no glyph for. */
    static final String LATIN_FAMILY = "Draftroom Latin";

    private static final String CJK_FONT = "/fonts/DroidSansFallbackFull.ttf";

    private static final String BASE_URI = "about:draftroom";

    /** Print rules added after the HTML export's stylesheet: they win by order. */
    private static final String PRINT_CSS = """
            @page { size: A4; margin: 25mm 20mm 20mm 25mm;
                    @bottom-center { content: counter(page); font-family: "Draftroom CJK", "Draftroom Latin"; font-size: 9pt; } }
            @page :first { @bottom-center { content: none; } }
            html, h1, h2, h3, h4, h5, h6, .dr-cover-type, .dr-cover-title, figcaption, .dr-toc-title {
                font-family: "Draftroom CJK", "Draftroom Latin"; }
            body { max-width: none; padding: 0; }
            .dr-cover { min-height: 0; display: block; }
            .dr-cover-patents { margin-top: 30mm; }
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
        Element bookmarks = html.head().appendElement("bookmarks");
        addBookmarks(bookmarks, NumberedOutline.of(export.document()), export.language());
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
     * The CJK face has no bold or italic: it is registered for every weight and style the stylesheet uses, so that
     * bold or italic CJK text takes it too instead of a built-in PDF font that is not embedded and has no CJK glyphs.
     * The Latin family has its four faces.
     */
    private static void registerFonts(PdfRendererBuilder builder) {
        for (FontStyle style : new FontStyle[] {FontStyle.NORMAL, FontStyle.ITALIC}) {
            boolean italic = style == FontStyle.ITALIC;
            for (int weight : new int[] {400, 700}) {
                builder.useFont(font(CJK_FONT), CJK_FAMILY, weight, style, true);
                String face = weight == 700 ? (italic ? "BoldItalic" : "Bold") : (italic ? "Italic" : "Regular");
                builder.useFont(font("/fonts/LiberationSerif-" + face + ".ttf"), LATIN_FAMILY, weight, style, true);
            }
        }
    }

    private static FSSupplier<InputStream> font(String resource) {
        return () -> {
            InputStream in = PdfExport.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("Missing font resource " + resource);
            }
            return in;
        };
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
