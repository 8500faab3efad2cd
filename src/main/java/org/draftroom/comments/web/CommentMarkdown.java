package org.draftroom.comments.web;

import java.util.List;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.draftroom.drafts.domain.MarkdownNesting;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Renders the Markdown of comments and replies (untrusted input) as HTML that is safe to insert into a page.
 *
 * <p>Two layers: commonmark escapes any raw HTML in the text and drops unsafe link destinations, then jsoup keeps only
 * the elements and attributes of {@link #SAFELIST}. The result has no script or style, no event-handler attribute
 * ({@code onclick}, {@code onerror}...), no link other than http, https and mailto (so no {@code javascript:} or
 * {@code data:}), and no image at all: an image is replaced by its alt text, so that a comment can never make the
 * reader's browser fetch a remote resource. Links get {@code rel="nofollow noopener"}. Stateless and thread-safe.
 */
public final class CommentMarkdown {

    /** What survives: text formatting, lists, quotes, code, headings, tables and safe links. */
    public static final Safelist SAFELIST = Safelist.none()
            .addTags("p", "br", "em", "strong", "b", "i", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li",
                    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "a")
            .addAttributes("a", "href", "title")
            .addAttributes("ol", "start")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
            .escapeHtml(true).sanitizeUrls(true).build();

    /** The deepest nesting of blocks and inlines (quotes in lists in quotes, emphasis in links...) accepted. */
    public static final int MAX_NESTING = MarkdownNesting.MAX;

    private CommentMarkdown() {
    }

    /**
     * How deeply the Markdown's elements nest (a paragraph in a quote is 2), counted without recursion; more than
     * anyone could read when the parser itself gives up. Texts over {@link #MAX_NESTING} are refused at input and
     * not rendered (the renderer recurses once per level: 10,000 levels overflowed the stack).
     */
    public static int nesting(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return 0;
        }
        Node document;
        try {
            document = PARSER.parse(markdown);
        } catch (StackOverflowError | RuntimeException e) {
            return Integer.MAX_VALUE;
        }
        return MarkdownNesting.of(document);
    }

    /**
     * The Markdown as sanitised HTML, or empty when it cannot be shown (nested deeper than {@link #MAX_NESTING}, as a
     * text stored before the limit could be, or failing to render): the caller shows that it cannot be displayed, and
     * the rest of the page still loads.
     */
    public static Optional<String> safeHtml(String markdown) {
        if (nesting(markdown) > MAX_NESTING) {
            return Optional.empty();
        }
        try {
            return Optional.of(toSafeHtml(markdown));
        } catch (StackOverflowError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The Markdown as sanitised HTML (a fragment; empty for null or blank text).
     */
    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = RENDERER.render(PARSER.parse(markdown));
        Document dirty = Jsoup.parseBodyFragment(html);
        for (Element img : dirty.select("img")) {
            img.replaceWith(new TextNode(img.attr("alt")));
        }
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
