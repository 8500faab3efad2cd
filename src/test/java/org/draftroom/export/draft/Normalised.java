package org.draftroom.export.draft;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * The text a reader sees in each output, normalised to compare across formats and with golden files: one line per
 * block (paragraph, heading, list item, table row, caption), list items indented two spaces per nesting level, runs
 * of blanks collapsed, empty lines dropped.
 */
final class Normalised {

    private static final Set<String> HTML_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
            "figcaption", "pre", "section", "div", "figure", "table", "ul", "ol", "nav", "main", "br");
    private static final Set<String> STS_BLOCKS = Set.of("p", "title", "label", "list-item", "tr", "caption",
            "sec", "term-sec", "app", "ref", "table-wrap", "fig", "list", "non-normative-note",
            "non-normative-example", "mixed-citation", "graphic", "break", "tbx:definition", "tbx:term");

    private Normalised() {
    }

    /** The text of an HTML element: blocks on lines of their own, list items indented by depth. */
    static String html(Element root) {
        StringBuilder sb = new StringBuilder();
        walk(root, sb, HTML_BLOCKS, "li", "td", "th");
        return lines(sb.toString());
    }

    static String htmlBody(byte[] html) {
        Element main = Jsoup.parse(new String(html, StandardCharsets.UTF_8)).selectFirst("main");
        return html(main);
    }

    static String sts(byte[] xml) {
        org.jsoup.nodes.Document doc = Jsoup.parse(new String(xml, StandardCharsets.UTF_8), "", Parser.xmlParser());
        StringBuilder sb = new StringBuilder();
        for (String part : List.of("body", "back")) {
            Element e = doc.selectFirst(part);
            if (e != null) {
                walk(e, sb, STS_BLOCKS, "list-item", "td", "th");
            }
        }
        return lines(sb.toString());
    }

    private static void walk(Node node, StringBuilder sb, Set<String> blocks, String item, String... cells) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                boolean preformatted = node instanceof Element e && e.closest(".dr-rl-body") != null;
                sb.append(preformatted ? t.getWholeText() : t.text());
            } else if (child instanceof Element e) {
                String tag = e.tagName();
                boolean block = blocks.contains(tag);
                boolean cell = Set.of(cells).contains(tag);
                if (block) {
                    sb.append('\n');
                    if (tag.equals(item)) {
                        sb.append("  ".repeat(depth(e, item)));
                    }
                }
                if (cell && e.elementSiblingIndex() > 0) {
                    sb.append(" | ");
                }
                walk(e, sb, blocks, item, cells);
                if (block) {
                    sb.append('\n');
                }
            }
        }
    }

    private static int depth(Element e, String item) {
        int depth = 0;
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.tagName().equals(item)) {
                depth++;
            }
        }
        return depth;
    }

    /** The paragraphs and table rows of a Word document from its first heading on (the cover and contents left out). */
    static String docxBody(byte[] docx) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            StringBuilder sb = new StringBuilder();
            boolean body = false;
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    body |= p.getStyle() != null && p.getStyle().startsWith("Heading");
                    if (body) {
                        sb.append(p.getText()).append('\n');
                    }
                } else if (element instanceof XWPFTable table && body) {
                    for (XWPFTableRow row : table.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cells.add(cell.getText());
                        }
                        sb.append(String.join(" | ", cells)).append('\n');
                    }
                }
            }
            return lines(sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All paragraph texts of a Word document, one per line, in body order (tables' cells included). */
    static List<String> docxParagraphs(byte[] docx) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> result = new ArrayList<>();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    result.add(p.getText());
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cell.getParagraphs().forEach(p -> result.add(p.getText()));
                        }
                    }
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a PDF in reading order, from the first page whose text holds {@code from} after the contents. */
    static String pdf(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return lines(stripper.getText(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines from the second occurrence of a line equal to {@code marker} on (the first is in the contents). */
    static String fromBodyStart(String text, String marker) {
        List<String> lines = List.of(text.split("\n"));
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).replace(" ", "").equals(marker.replace(" ", "")) && ++seen == 2) {
                return String.join("\n", lines.subList(i, lines.size())) + "\n";
            }
        }
        return text;
    }

    static String lines(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            String indent = line.replaceAll("^( *).*$", "$1");
            String t = line.strip().replaceAll("[ \\t\\u00a0]+", " ");
            if (!t.isEmpty()) {
                sb.append(indent).append(t).append('\n');
            }
        }
        return sb.toString();
    }
}
