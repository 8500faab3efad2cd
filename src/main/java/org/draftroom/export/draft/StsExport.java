package org.draftroom.export.draft;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
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

/**
 * A draft as NISO STS XML (ANSI/NISO Z39.102, extended tag set 1.0): {@code <standard>} with {@code <front>} (metadata,
 * foreword and introduction as {@code <sec sec-type="foreword|intro">}), {@code <body>} (clauses as nested
 * {@code <sec>} with the computed {@code <label>}, term entries as {@code <term-sec>} holding a
 * {@code <tbx:termEntry>}) and {@code <back>} (annexes in {@code <app-group>}, the bibliography as {@code <ref-list>}).
 *
 * <p>The output validates against the NISO STS extended 1.0 XSD with MathML 3 for every draft: clause ids become
 * {@code id} attributes only where they are unique, cross-references become {@code <xref>} only when their target
 * exists (else their text), characters XML cannot hold are dropped, and Markdown constructs without an STS counterpart
 * fall back to text. Images are referenced by their path; the export carries no image data.
 */
final class StsExport {

    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String TBX = "urn:iso:std:iso:30042:ed-1";
    private static final Pattern CITATION = Pattern.compile("^\\s*\\[(\\d+)]\\s*(.*)$", Pattern.DOTALL);
    /** A term heading "个人信息 personal information": the Chinese term, then the English one. */
    private static final Pattern BILINGUAL_TERM = Pattern.compile("^(.*\\p{IsHan}[^A-Za-z]*?)\\s+([A-Za-z].*)$");

    private final DraftExport export;
    private final DraftAst ast;
    private final NumberedOutline outline;
    private final Language language;
    private final XMLStreamWriter xml;
    private final Set<String> writtenIds = new HashSet<>();
    private final Set<String> anchorIds = new HashSet<>();
    private int inlineDepth;
    private final Blocks blocks = new Blocks();

    private StsExport(DraftExport export, XMLStreamWriter xml) {
        this.export = export;
        this.ast = DraftAst.parse(export.document());
        this.outline = ast.outline();
        this.language = export.language();
        this.xml = xml;
        Set<String> seen = new HashSet<>();
        for (NumberedClause c : outline.clauses()) {
            if (!c.id().isEmpty() && seen.add(c.id())) {
                anchorIds.add(c.id());
            }
        }
    }

    /** The XML file, UTF-8. */
    static byte[] write(DraftExport export) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(export.document().text().length() * 3 + 4096);
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new StsExport(export, writer).standard();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the NISO STS export", e);
        }
        return out.toByteArray();
    }

    private void standard() throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("standard");
        xml.writeNamespace("xlink", XLINK);
        xml.writeNamespace("tbx", TBX);
        xml.writeAttribute("dtd-version", "1.0");
        lang(language);
        front();
        body();
        back();
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void front() throws XMLStreamException {
        Project project = export.project();
        start("front");
        start("std-meta");
        DocumentInfo info = export.info();
        titleWrap(Language.ZH, project.titleZh());
        titleWrap(Language.EN, project.titleEn());
        if (!info.planNumber().isEmpty()) {
            textElement("proj-id", info.planNumber());
        }
        if (export.stage().isPresent()) {
            textElement("release-version", export.stage().get().label());
        }
        String code = DraftExport.nullToEmpty(project.code());
        start("std-ident");
        Matcher m = Pattern.compile("^(.*?)\\s*(\\d[\\w.\\-]*)$").matcher(code);
        if (m.matches() && !m.group(1).isEmpty()) {
            textElement("originator", m.group(1));
            textElement("doc-number", m.group(2));
        } else {
            textElement("doc-number", code);
        }
        if (!export.version().isEmpty()) {
            textElement("version", export.version());
        }
        if (!info.year().isEmpty()) {
            textElement("year", info.year());
        }
        end();
        textElement("content-language", language.code());
        if (!info.year().isEmpty()) {
            start("std-ref");
            xml.writeAttribute("type", "dated");
            text(info.number(code));
            end();
        }
        start("std-ref");
        xml.writeAttribute("type", "undated");
        text(code);
        end();
        releaseDate("release", info.releaseDate());
        releaseDate("effective", info.effectiveDate());
        for (String ics : info.ics().split("[;；,， ]+")) {
            if (!ics.isBlank()) {
                textElement("ics", ics.strip());
            }
        }
        if (!info.replaces().isEmpty()) {
            start("std-xref");
            xml.writeAttribute("type", "replaces");
            start("std-ref");
            xml.writeAttribute("type", "dated");
            text(info.replaces());
            end();
            end();
        }
        if (!info.ccs().isEmpty()) {
            start("custom-meta-group");
            start("custom-meta");
            textElement("meta-name", "CCS");
            textElement("meta-value", info.ccs());
            end();
            end();
        }
        end();
        for (NumberedClause clause : outline.topLevel()) {
            if (outline.isFrontMatter(clause)) {
                section(clause, frontType(clause));
            }
        }
        end();
    }

    /** A {@code release-date} with its ISO date; none while the date is not fixed. */
    private void releaseDate(String type, LocalDate date) throws XMLStreamException {
        if (date == null) {
            return;
        }
        start("release-date");
        xml.writeAttribute("date-type", type);
        xml.writeAttribute("iso-8601-date", date.toString());
        text(date.toString());
        end();
    }

    private void titleWrap(Language titleLanguage, String title) throws XMLStreamException {
        String t = DraftExport.nullToEmpty(title);
        if (t.isEmpty()) {
            return;
        }
        start("title-wrap");
        lang(titleLanguage);
        textElement("full", t);
        end();
    }

    private void body() throws XMLStreamException {
        start("body");
        blocks(ast.preamble());
        for (NumberedClause clause : outline.topLevel()) {
            if (!outline.isFrontMatter(clause) && clause.kind() != ClauseKind.ANNEX
                    && clause.kind() != ClauseKind.BIBLIOGRAPHY) {
                clause(clause);
            }
        }
        end();
    }

    private void back() throws XMLStreamException {
        List<NumberedClause> annexes = new ArrayList<>();
        List<NumberedClause> bibliographies = new ArrayList<>();
        for (NumberedClause clause : outline.topLevel()) {
            if (clause.kind() == ClauseKind.ANNEX) {
                annexes.add(clause);
            } else if (clause.kind() == ClauseKind.BIBLIOGRAPHY) {
                bibliographies.add(clause);
            }
        }
        if (annexes.isEmpty() && bibliographies.isEmpty()) {
            return;
        }
        start("back");
        if (!annexes.isEmpty()) {
            start("app-group");
            for (NumberedClause annex : annexes) {
                annex(annex);
            }
            end();
        }
        for (NumberedClause bibliography : bibliographies) {
            referenceList(bibliography);
        }
        end();
    }

    private void clause(NumberedClause clause) throws XMLStreamException {
        if (clause.kind() == ClauseKind.TERM) {
            termSection(clause);
        } else {
            section(clause, sectionType(clause));
        }
    }

    private void section(NumberedClause clause, String secType) throws XMLStreamException {
        start("sec");
        id(clause.id());
        if (secType != null) {
            xml.writeAttribute("sec-type", secType);
        }
        if (!clause.number().isEmpty()) {
            textElement("label", clause.number());
        }
        textElement("title", clause.clause().title());
        blocks(ast.blocks(clause));
        for (NumberedClause child : outline.children(clause)) {
            clause(child);
        }
        end();
    }

    private void annex(NumberedClause annex) throws XMLStreamException {
        start("app");
        id(annex.id());
        if (annex.hasAnnexMark()) {
            xml.writeAttribute("content-type", annex.normative() ? "norm-annex" : "inform-annex");
        }
        textElement("label", language.annex(annex.number()));
        if (annex.hasAnnexMark()) {
            textElement("annex-type", language.annexMark(annex.normative()));
        }
        textElement("title", annex.clause().title());
        blocks(ast.blocks(annex));
        for (NumberedClause child : outline.children(annex)) {
            clause(child);
        }
        end();
    }

    /**
     * A term entry: its number, then a TBX concept entry with the Chinese and the English term (split where the
     * heading turns from Han to Latin script), the first plain paragraph as definition, notes and examples. Other
     * blocks of the entry follow the concept entry as ordinary STS blocks.
     */
    private void termSection(NumberedClause term) throws XMLStreamException {
        start("term-sec");
        id(term.id());
        textElement("label", term.number());
        List<Node> blocks = ast.blocks(term);
        Node definition = null;
        List<Node> notes = new ArrayList<>();
        List<Node> examples = new ArrayList<>();
        List<Node> rest = new ArrayList<>();
        for (Node block : blocks) {
            BodyItem item = ast.item(block).orElse(null);
            if (item != null && item.kind() == BodyItem.Kind.NOTE) {
                notes.add(block);
            } else if (item != null && item.kind() == BodyItem.Kind.EXAMPLE) {
                examples.add(block);
            } else if (definition == null && item == null && block instanceof Paragraph) {
                definition = block;
            } else if (!(block instanceof LinkReferenceDefinition)) {
                rest.add(block);
            }
        }
        String title = term.clause().title();
        Matcher m = BILINGUAL_TERM.matcher(title);
        boolean bilingual = m.matches();
        Language first = bilingual || title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN) ? Language.ZH : Language.EN;
        xml.writeStartElement("tbx", "termEntry", TBX);
        xml.writeStartElement("tbx", "langSet", TBX);
        lang(first);
        if (definition != null) {
            tbxText("definition", ast.text(definition, language));
        }
        for (Node note : notes) {
            tbxText("note", ast.itemText((Paragraph) note, ast.item(note).orElseThrow(), language));
        }
        for (Node example : examples) {
            tbxText("example", ast.itemText((Paragraph) example, ast.item(example).orElseThrow(), language));
        }
        tig(bilingual ? m.group(1).strip() : title);
        xml.writeEndElement();
        if (bilingual) {
            xml.writeStartElement("tbx", "langSet", TBX);
            lang(Language.EN);
            tig(m.group(2).strip());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        blocks(rest);
        for (NumberedClause child : outline.children(term)) {
            if (child.kind() == ClauseKind.TERM) {
                termSection(child);
            } else {
                start("term-sec");
                id(child.id());
                textElement("label", child.number());
                start("p");
                textElement("bold", child.clause().title());
                end();
                blocks(ast.blocks(child));
                end();
            }
        }
        end();
    }

    private void tig(String term) throws XMLStreamException {
        xml.writeStartElement("tbx", "tig", TBX);
        tbxText("term", term);
        xml.writeEndElement();
    }

    private void tbxText(String name, String value) throws XMLStreamException {
        xml.writeStartElement("tbx", name, TBX);
        text(value);
        xml.writeEndElement();
    }

    /** The bibliography: one {@code <ref>} per block, labelled "[1]" when the entry starts so. */
    private void referenceList(NumberedClause bibliography) throws XMLStreamException {
        start("ref-list");
        id(bibliography.id());
        xml.writeAttribute("content-type", "bibl");
        textElement("title", bibliography.clause().title());
        for (Node block : ast.blocks(bibliography)) {
            if (block instanceof LinkReferenceDefinition || block instanceof ThematicBreak) {
                continue;
            }
            List<Node> entries = block instanceof ListBlock || block instanceof GbtList ? children(block)
                    : List.of(block);
            for (Node entry : entries) {
                String text = ast.text(entry, language).strip();
                if (text.isEmpty()) {
                    continue;
                }
                start("ref");
                Matcher m = CITATION.matcher(text);
                if (m.matches()) {
                    textElement("label", "[" + m.group(1) + "]");
                    text = m.group(2);
                }
                textElement("mixed-citation", text);
                end();
            }
        }
        for (NumberedClause child : outline.children(bibliography)) {
            referenceList(child);
        }
        end();
    }

    /** Blocks where STS allows any paragraph-level element. */
    private void blocks(List<Node> blocks) throws XMLStreamException {
        for (Node block : blocks) {
            block(block);
        }
    }

    private void block(Node block) throws XMLStreamException {
        ast.render(block, null, blocks);
    }

    /** What each kind of block becomes in STS. */
    private final class Blocks implements BlockRenderer<Void, XMLStreamException> {

        @Override
        public void paragraph(Paragraph p, Void context) throws XMLStreamException {
            StsExport.this.paragraph(p);
        }

        @Override
        public void noteOrExample(Paragraph p, BodyItem item, Void context) throws XMLStreamException {
            start(item.kind() == BodyItem.Kind.NOTE ? "non-normative-note" : "non-normative-example");
            textElement("label", item.label(language));
            start("p");
            text(DraftAst.afterOpener(p, item));
            inlines(p.getFirstChild().getNext(), null);
            end();
            end();
        }

        @Override
        public void figure(Paragraph p, Image image, BodyItem item, Void context) throws XMLStreamException {
            StsExport.this.figure(image, item);
        }

        /** The table's caption carries a title; "表：" without one stays a paragraph of its own. */
        @Override
        public void tableCaption(Paragraph p, BodyItem table, Void context) throws XMLStreamException {
            if (table.caption().isEmpty()) {
                StsExport.this.paragraph(p);
            }
        }

        @Override
        public void table(TableBlock table, BodyItem item, Void context) throws XMLStreamException {
            StsExport.this.table(table, item);
        }

        @Override
        public void gbtList(GbtList list, Void context) throws XMLStreamException {
            StsExport.this.gbtList(list);
        }

        @Override
        public void list(ListBlock list, Void context) throws XMLStreamException {
            StsExport.this.list(list);
        }

        @Override
        public void blockQuote(BlockQuote quote, Void context) throws XMLStreamException {
            start("disp-quote");
            blocks(children(quote));
            end();
        }

        @Override
        public void preformatted(Node block, String literal, Void context) throws XMLStreamException {
            textElement("preformat", literal);
        }

        @Override
        public void heading(Heading heading, Void context) throws XMLStreamException {
            start("p");
            start("bold");
            inlines(heading.getFirstChild(), null);
            end();
            end();
        }

        @Override
        public void thematicBreak(ThematicBreak thematicBreak, Void context) {
        }

        @Override
        public void other(Node block, Void context) throws XMLStreamException {
            String text = PlainText.SOFT_BREAKS.of(block);
            if (!text.isBlank()) {
                textElement("p", text);
            }
        }
    }

    private void paragraph(Paragraph p) throws XMLStreamException {
        start("p");
        inlines(p.getFirstChild(), null);
        end();
    }

    private void figure(Image image, BodyItem item) throws XMLStreamException {
        start("fig");
        textElement("label", item.label(language));
        if (!item.caption().isEmpty()) {
            start("caption");
            textElement("title", item.caption());
            end();
        }
        String src = image == null ? "" : image.getDestination().strip();
        if (isRelative(src)) {
            xml.writeEmptyElement("graphic");
            xml.writeAttribute("xlink", XLINK, "href", clean(src));
        } else if (!src.isEmpty()) {
            start("p");
            externalLink(src, src);
            end();
        }
        end();
    }

    private void table(TableBlock table, BodyItem item) throws XMLStreamException {
        start("table-wrap");
        if (item != null) {
            textElement("label", item.label(language));
            if (!item.caption().isEmpty()) {
                start("caption");
                textElement("title", item.caption());
                end();
            }
        }
        start("table");
        for (Node section : children(table)) {
            start(section instanceof TableHead ? "thead" : "tbody");
            for (Node row : children(section)) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                start("tr");
                for (Node cell : children(row)) {
                    TableCell c = (TableCell) cell;
                    start(c.isHeader() ? "th" : "td");
                    if (c.getAlignment() != null) {
                        xml.writeAttribute("align", c.getAlignment().name().toLowerCase(Locale.ROOT));
                    }
                    inlines(c.getFirstChild(), null);
                    end();
                }
                end();
            }
            end();
        }
        end();
        end();
    }

    private void list(ListBlock list) throws XMLStreamException {
        start("list");
        boolean ordered = list instanceof OrderedList;
        xml.writeAttribute("list-type", ordered ? "order"
                : list instanceof BulletList b && "-".equals(b.getMarker()) ? "dash" : "bullet");
        int number = ordered && ((OrderedList) list).getMarkerStartNumber() != null
                ? ((OrderedList) list).getMarkerStartNumber() : 1;
        for (Node item : children(list)) {
            start("list-item");
            if (ordered) {
                String delimiter = ((OrderedList) list).getMarkerDelimiter();
                textElement("label", number++ + (delimiter == null ? "." : delimiter));
            }
            boolean any = false;
            for (Node child : children(item)) {
                if (child instanceof Paragraph p) {
                    paragraph(p);
                    any = true;
                } else if (child instanceof ListBlock nested) {
                    list(nested);
                    any = true;
                } else if (!(child instanceof LinkReferenceDefinition)) {
                    String text = PlainText.SOFT_BREAKS.of(child);
                    if (!text.isBlank()) {
                        textElement("p", text);
                        any = true;
                    }
                }
            }
            if (!any) {
                xml.writeEmptyElement("p");
            }
            end();
        }
        end();
    }

    /**
     * A GB/T list: {@code <list list-type="alpha-lower|order|dash|bullet">}, each item a {@code <list-item>} with
     * its computed {@code <label>} and a {@code <p>}, a nested list inside the item it belongs to.
     */
    private void gbtList(GbtList list) throws XMLStreamException {
        start("list");
        xml.writeAttribute("list-type", switch (list.kind()) {
            case LETTER -> "alpha-lower";
            case NUMBER -> "order";
            case DASH -> "dash";
            case DOT -> "bullet";
        });
        for (Node child : children(list)) {
            GbtListItem item = (GbtListItem) child;
            start("list-item");
            textElement("label", item.marker());
            for (Node part : children(item)) {
                if (part instanceof Paragraph p) {
                    paragraph(p);
                } else if (part instanceof GbtList nested) {
                    gbtList(nested);
                }
            }
            end();
        }
        end();
    }

    /** Writes inline nodes from {@code first} up to (not including) {@code stop}. */
    private void inlines(Node first, Node stop) throws XMLStreamException {
        for (Node n = first; n != null && n != stop; n = n.getNext()) {
            inline(n);
        }
    }

    private void inline(Node node) throws XMLStreamException {
        if (node instanceof Text t) {
            text(t.getLiteral());
        } else if (node instanceof Code c) {
            textElement("monospace", c.getLiteral());
        } else if (node instanceof Emphasis || node instanceof StrongEmphasis) {
            start(node instanceof Emphasis ? "italic" : "bold");
            inlineDepth++;
            inlines(node.getFirstChild(), null);
            inlineDepth--;
            end();
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            if (inlineDepth == 0) {
                xml.writeEmptyElement("break");
            } else {
                text(" ");
            }
        } else if (node instanceof Link link) {
            link(link);
        } else if (node instanceof Image image) {
            text(PlainText.SOFT_BREAKS.of(image));
        } else if (node instanceof HtmlInline html) {
            text(html.getLiteral());
        } else {
            text(PlainText.SOFT_BREAKS.of(node));
        }
    }

    private void link(Link link) throws XMLStreamException {
        String destination = link.getDestination() == null ? "" : link.getDestination().strip();
        if (destination.startsWith("#") && destination.length() > 1) {
            String id = destination.substring(1);
            boolean generated = link.getFirstChild() == null;
            if (!anchorIds.contains(id)) {
                text(generated ? destination : PlainText.SOFT_BREAKS.of(link));
                return;
            }
            NumberedClause target = outline.find(id).orElseThrow();
            start("xref");
            xml.writeAttribute("ref-type", target.kind() == ClauseKind.ANNEX ? "app" : "sec");
            xml.writeAttribute("rid", id);
            text(generated ? target.referenceText(language) : PlainText.SOFT_BREAKS.of(link));
            end();
            return;
        }
        String scheme = destination.toLowerCase(Locale.ROOT);
        if (scheme.startsWith("http://") || scheme.startsWith("https://") || scheme.startsWith("mailto:")) {
            externalLink(destination, PlainText.SOFT_BREAKS.of(link));
        } else {
            inlines(link.getFirstChild(), null);
        }
    }

    private void externalLink(String url, String text) throws XMLStreamException {
        start("ext-link");
        xml.writeAttribute("ext-link-type", "uri");
        xml.writeAttribute("xlink", XLINK, "href", clean(url));
        text(text.isEmpty() ? url : text);
        end();
    }

    private static boolean isRelative(String src) {
        return !src.isEmpty() && !src.startsWith("//") && !src.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    }

    private static String frontType(NumberedClause clause) {
        String id = clause.id();
        String title = clause.clause().title().strip().toLowerCase(Locale.ROOT);
        if (id.equals("foreword") || title.equals("前言") || title.equals("foreword")) {
            return "foreword";
        }
        if (id.equals("introduction") || title.equals("引言") || title.equals("introduction")) {
            return "intro";
        }
        return null;
    }

    /** The ISO STS section types of the fixed clauses, recognised by their usual ids. */
    private static String sectionType(NumberedClause clause) {
        if (clause.kind() != ClauseKind.CLAUSE) {
            return null;
        }
        return switch (clause.id()) {
            case "scope" -> "scope";
            case "normative-references" -> "norm-refs";
            case "terms" -> "terms";
            default -> null;
        };
    }

    private static List<Node> children(Node parent) {
        List<Node> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            children.add(n);
        }
        return children;
    }

    private void id(String id) throws XMLStreamException {
        if (!id.isEmpty() && anchorIds.contains(id) && writtenIds.add(id)) {
            xml.writeAttribute("id", id);
        }
    }

    private void lang(Language l) throws XMLStreamException {
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", l == Language.ZH ? "zh" : "en");
    }

    private void start(String name) throws XMLStreamException {
        xml.writeStartElement(name);
    }

    private void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    private void textElement(String name, String value) throws XMLStreamException {
        start(name);
        text(value);
        end();
    }

    private void text(String value) throws XMLStreamException {
        xml.writeCharacters(clean(value));
    }

    /** Drops the characters XML 1.0 cannot hold (most C0 controls, lone surrogates, U+FFFE and U+FFFF). */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (sb != null) {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (!ok && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
