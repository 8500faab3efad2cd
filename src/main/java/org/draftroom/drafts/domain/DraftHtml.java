package org.draftroom.drafts.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.CoreHtmlNodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Renders a draft as an HTML fragment for display in the browser (e.g. a Vaadin {@code Html} component): clause
 * headings with their numbers and ids as anchors, note and example labels, table and figure captions, cross-references
 * as {@code <a href="#id">5.3</a>}, dash lists marked {@code class="dr-dash"} so CSS can show "——".
 *
 * <p>Draft text is untrusted. The output never contains raw HTML from the draft (it is escaped), event handlers,
 * {@code javascript:} or other non-web links, or images from another host (remote images become plain links). Two
 * nets: CommonMark renders with {@code escapeHtml} and a URL sanitizer, then a jsoup {@link Safelist} clean removes
 * anything that slipped through. Thread-safe; linear in the size of the document.
 *
 * <p>CSS classes: {@code dr-clause}, {@code dr-annex}, {@code dr-term}, {@code dr-number}, {@code dr-annex-mark},
 * {@code dr-title}, {@code dr-note}, {@code dr-example}, {@code dr-label}, {@code dr-table}, {@code dr-figure},
 * {@code dr-xref}, {@code dr-xref-broken}, {@code dr-remote-image}, {@code dr-dash}, {@code dr-toc}.
 */
public final class DraftHtml {

    private static final String BASE_URI = "https://draftroom.invalid/";
    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("figure", "figcaption", "section", "nav", "del", "ins", "hr", "s")
            .addAttributes(":all", "class")
            .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
            .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
            .addAttributes("a", "rel")
            .addAttributes("th", "align").addAttributes("td", "align")
            .addProtocols("a", "href", "#")
            .removeProtocols("a", "href", "ftp")
            .preserveRelativeLinks(true);

    private DraftHtml() {
    }

    /** Renders the document with the labels of the locale's language (Chinese for {@code zh}, else English). */
    public static String render(DraftDocument document, Locale locale) {
        return render(document, Language.of(locale));
    }

    /** Renders the document with the labels of the given language. */
    public static String render(DraftDocument document, Language language) {
        DraftAst ast = DraftAst.parse(document);
        List<NumberedClause> numbered = ast.numbered;
        HtmlRenderer renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(new SafeUrls())
                .nodeRendererFactory(context -> new DraftNodeRenderer(context, ast, numbered, language))
                .extensions(List.of(TablesExtension.create()))
                .attributeProviderFactory(context -> DraftHtml::listAttributes)
                .build();
        return clean(renderer.render(ast.root));
    }

    /** Renders the table of contents as a {@code <nav class="dr-toc">} with links to the clause anchors. */
    public static String renderTableOfContents(NumberedOutline outline, int depth, Language language) {
        StringBuilder sb = new StringBuilder("<nav class=\"dr-toc\"><p class=\"dr-toc-title\">")
                .append(escape(language.contents())).append("</p><ul>");
        for (TocEntry entry : outline.tableOfContents(depth, language)) {
            sb.append("<li class=\"dr-toc-level-").append(entry.level()).append("\"><a href=\"#")
                    .append(escape(entry.id())).append("\">");
            if (!entry.label().isEmpty()) {
                sb.append("<span class=\"dr-number\">").append(escape(entry.label())).append("</span>")
                        .append(escape(language.numberSeparator()));
            }
            sb.append(escape(entry.title())).append("</a></li>");
        }
        return clean(sb.append("</ul></nav>").toString());
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The second net: keeps only safelisted tags, attributes and protocols, and drops any image from another host. */
    static String clean(String html) {
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        String cleaned = Jsoup.clean(html, BASE_URI, SAFELIST, settings);
        Document doc = Jsoup.parseBodyFragment(cleaned);
        doc.outputSettings(settings);
        boolean changed = false;
        for (Element img : doc.select("img")) {
            if (!SafeUrls.isLocalImage(img.attr("src"))) {
                img.remove();
                changed = true;
            }
        }
        return changed ? doc.body().html() : cleaned;
    }

    /** Attributes in the order given, so that the output is stable. */
    private static Map<String, String> attributes(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void listAttributes(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof BulletList list && "-".equals(list.getMarker())) {
            attributes.put("class", "dr-dash");
        }
    }

    /** Renders clause headings, labelled paragraphs, figures, tables, cross-references, links and images. */
    private static final class DraftNodeRenderer implements NodeRenderer {

        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final DraftAst ast;
        private final List<NumberedClause> numbered;
        private final Language language;
        private final CoreHtmlNodeRenderer core;
        private final Blocks blocks = new Blocks();

        DraftNodeRenderer(HtmlNodeRendererContext context, DraftAst ast, List<NumberedClause> numbered,
                          Language language) {
            this.context = context;
            this.html = context.getWriter();
            this.ast = ast;
            this.numbered = numbered;
            this.language = language;
            this.core = new CoreHtmlNodeRenderer(context);
        }

        /** Every block type {@link DraftAst#render} tells apart, so that each goes through {@link Blocks}. */
        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class, Paragraph.class, Link.class, Image.class, TableBlock.class, GbtList.class,
                    GbtListItem.class, BulletList.class, OrderedList.class, BlockQuote.class, FencedCodeBlock.class,
                    IndentedCodeBlock.class, HtmlBlock.class, ThematicBreak.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Heading heading && ast.headings.containsKey(heading)) {
                renderClauseHeading(heading);
            } else if (node instanceof Link link) {
                renderLink(link);
            } else if (node instanceof Image image) {
                renderImage(image);
            } else if (node instanceof GbtListItem item) {
                renderListItem(item);
            } else {
                ast.render(node, null, blocks);
            }
        }

        /**
         * What each kind of block becomes in HTML: numbered notes, examples, figures and tables, GB/T lists and
         * headings inside a body are the draft's own; the rest is CommonMark's HTML.
         */
        private final class Blocks implements BlockRenderer<Void, RuntimeException> {

            @Override
            public void paragraph(Paragraph paragraph, Void context) {
                renderParagraph(paragraph);
            }

            @Override
            public void noteOrExample(Paragraph paragraph, BodyItem item, Void context) {
                renderNoteOrExample(paragraph, item);
            }

            @Override
            public void figure(Paragraph paragraph, Image image, BodyItem item, Void context) {
                renderFigure(image, item);
            }

            /** The table's figcaption shows the caption; the paragraph is not shown, even without a title. */
            @Override
            public void tableCaption(Paragraph paragraph, BodyItem table, Void context) {
            }

            @Override
            public void table(TableBlock table, BodyItem item, Void context) {
                renderTable(table, item);
            }

            @Override
            public void gbtList(GbtList list, Void context) {
                renderList(list);
            }

            @Override
            public void list(ListBlock list, Void context) {
                core.render(list);
            }

            @Override
            public void blockQuote(BlockQuote quote, Void context) {
                core.render(quote);
            }

            @Override
            public void preformatted(Node block, String literal, Void context) {
                core.render(block);
            }

            @Override
            public void heading(Heading heading, Void context) {
                html.line();
                html.tag("p", Map.of("class", "dr-heading-text"));
                html.tag("strong");
                renderChildren(heading);
                html.tag("/strong");
                html.tag("/p");
                html.line();
            }

            @Override
            public void thematicBreak(ThematicBreak thematicBreak, Void context) {
                core.render(thematicBreak);
            }

            @Override
            public void other(Node block, Void context) {
                renderChildren(block);
            }
        }

        /**
         * A GB/T list: {@code <ul class="dr-list dr-list-dash">} for dash and dot items, {@code <ol>} for letter and
         * number items; each item one {@code <li>} starting with its computed marker, so the stylesheet can hang it.
         */
        private void renderList(GbtList list) {
            String tag = list.kind() == GbtList.Kind.LETTER || list.kind() == GbtList.Kind.NUMBER ? "ol" : "ul";
            html.line();
            html.tag(tag, Map.of("class", "dr-list dr-list-" + list.kind().name().toLowerCase(Locale.ROOT)));
            html.line();
            renderChildren(list);
            html.tag("/" + tag);
            html.line();
        }

        private void renderListItem(GbtListItem item) {
            html.tag("li");
            span("dr-list-marker", item.marker());
            if (item.marker().endsWith(")")) {
                html.text(" ");
            }
            renderChildren(item);
            html.tag("/li");
            html.line();
        }

        private void renderClauseHeading(Heading heading) {
            NumberedClause clause = numbered.get(ast.headings.get(heading));
            String tag = "h" + clause.clause().level();
            Map<String, String> attributes = new LinkedHashMap<>();
            if (!clause.id().isEmpty()) {
                attributes.put("id", clause.id());
            }
            attributes.put("class", switch (clause.kind()) {
                case ANNEX -> "dr-clause dr-annex";
                case TERM -> "dr-clause dr-term";
                default -> "dr-clause";
            });
            html.line();
            html.tag(tag, attributes);
            if (clause.kind() == ClauseKind.ANNEX) {
                span("dr-number", language.annex(clause.number()));
                if (clause.hasAnnexMark()) {
                    span("dr-annex-mark", language.annexMark(clause.normative()));
                }
            } else if (!clause.number().isEmpty()) {
                span("dr-number", clause.number());
                html.text(language.numberSeparator());
            }
            span("dr-title", clause.clause().title());
            html.tag("/" + tag);
            html.line();
        }

        private void renderFigure(Image image, BodyItem item) {
            html.line();
            html.tag("figure", Map.of("class", "dr-figure"));
            renderImage(image);
            html.tag("figcaption");
            span("dr-label", item.label(language));
            html.text(language.numberSeparator() + item.caption());
            html.tag("/figcaption");
            html.tag("/figure");
            html.line();
        }

        private void renderNoteOrExample(Paragraph paragraph, BodyItem item) {
            html.line();
            html.tag("p", Map.of("class", item.kind() == BodyItem.Kind.NOTE ? "dr-note" : "dr-example"));
            span("dr-label", item.label(language) + language.labelSeparator());
            html.text(DraftAst.afterOpener(paragraph, item));
            for (Node child = paragraph.getFirstChild().getNext(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/p");
            html.line();
        }

        private void renderParagraph(Paragraph paragraph) {
            boolean tight = paragraph.getParent() instanceof GbtListItem
                    || paragraph.getParent() instanceof ListItem item2
                    && item2.getParent() instanceof ListBlock list && list.isTight();
            if (!tight) {
                html.line();
                html.tag("p", context.extendAttributes(paragraph, "p", Map.of()));
            }
            renderChildren(paragraph);
            if (!tight) {
                html.tag("/p");
                html.line();
            }
        }

        private void renderTable(TableBlock table, BodyItem item) {
            html.line();
            if (item != null) {
                html.tag("figure", Map.of("class", "dr-table"));
                html.tag("figcaption");
                span("dr-label", item.label(language));
                if (!item.caption().isEmpty()) {
                    html.text(language.numberSeparator() + item.caption());
                }
                html.tag("/figcaption");
            }
            html.tag("table", context.extendAttributes(table, "table", Map.of()));
            renderChildren(table);
            html.tag("/table");
            if (item != null) {
                html.tag("/figure");
            }
            html.line();
        }

        private void renderLink(Link link) {
            CrossReference reference = ast.references.get(link);
            if (reference != null && reference.generatedText()) {
                int target = ast.numberedIndex(reference.targetId());
                if (target < 0) {
                    html.tag("span", Map.of("class", "dr-xref-broken"));
                    html.text("#" + reference.targetId());
                    html.tag("/span");
                } else {
                    html.tag("a", attributes("href", "#" + reference.targetId(), "class", "dr-xref"));
                    html.text(numbered.get(target).referenceText(language));
                    html.tag("/a");
                }
                return;
            }
            String url = context.urlSanitizer().sanitizeLinkUrl(link.getDestination());
            if (url.isEmpty()) {
                renderChildren(link);
                return;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("href", context.encodeUrl(url));
            if (link.getTitle() != null) {
                attributes.put("title", link.getTitle());
            }
            if (!url.startsWith("#")) {
                attributes.put("rel", "nofollow noopener noreferrer");
            }
            html.tag("a", attributes);
            renderChildren(link);
            html.tag("/a");
        }

        private void renderImage(Image image) {
            String alt = PlainText.LITERALS.of(image);
            String destination = image.getDestination();
            if (SafeUrls.isLocalImage(destination)) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("src", context.encodeUrl(destination.strip()));
                attributes.put("alt", alt);
                if (image.getTitle() != null) {
                    attributes.put("title", image.getTitle());
                }
                html.tag("img", attributes, true);
            } else if (SafeUrls.isRemote(destination)) {
                String url = context.urlSanitizer().sanitizeLinkUrl(destination);
                html.tag("a", attributes("href", context.encodeUrl(url), "class", "dr-remote-image",
                        "rel", "nofollow noopener noreferrer"));
                html.text(alt.isEmpty() ? url : alt);
                html.tag("/a");
            } else {
                html.text(alt);
            }
        }

        private void span(String cssClass, String text) {
            html.tag("span", Map.of("class", cssClass));
            html.text(text);
            html.tag("/span");
        }

        private void renderChildren(Node parent) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
        }
    }
}
