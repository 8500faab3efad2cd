package org.draftroom.comments.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.DraftHtml;
import org.draftroom.drafts.domain.Language;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * The rendered draft with the quoted words of comments highlighted, and the rendered plain text of a clause, which
 * the browser's selection offsets count in.
 *
 * <p>Highlighting works on the Markdown source, where comment offsets live: private-use marker characters carrying
 * the comment's index are inserted at the highlight's start and end in the clause body, the draft is rendered by
 * {@link DraftHtml} as usual, and every text node between a start and an end marker is wrapped in
 * {@code <mark class="dr-cmark" data-comments="id id">}. Markers that rendering moved into an attribute (a link
 * destination, an image's alt text) are dropped; a marker never lands inside link syntax or before a list or table
 * marker, where it would change how the Markdown is read. Thread-safe; linear in the size of the draft plus the marks.
 *
 * <p>The "clause text" of a clause is the concatenation, in document order, of the non-blank text nodes from its
 * heading (exclusive) up to the next clause heading. {@code js/comments/selection.js} counts selection offsets in
 * exactly this text, so the server can map them back to the Markdown source ({@link SelectionMapping}).
 */
final class DraftMarks {

    /** A highlight: {@code start..end} of the body of clause {@code clauseId}, for the comment {@code commentId}. */
    record Mark(String clauseId, int start, int end, long commentId) {
    }

    static final char START = '\uE000';
    static final char END = '\uE001';
    static final char CLOSE = '\uE002';
    /** Digits of the mark index, base 16: U+E010..U+E01F. */
    static final char DIGIT_ZERO = '\uE010';

    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]\\n]*\\]\\([^)\\n]*\\)|<[a-zA-Z][^>\\n]*>");
    private static final Pattern BLOCK_PREFIX = Pattern.compile(
            "[ \\t]*(?:[-*+][ \\t]+|\\d{1,9}[.)][ \\t]+|>[ \\t]?|\\|[ \\t]*|——)*");

    private DraftMarks() {
    }

    /** Renders the table of contents and the draft with these highlights (marks of unknown clauses are ignored). */
    static String render(DraftDocument document, Language language, Collection<Mark> marks) {
        if (marks.isEmpty()) {
            return DraftHtml.render(document, language);
        }
        List<Mark> indexed = List.copyOf(marks);
        Map<String, List<Integer>> byClause = new HashMap<>();
        for (int i = 0; i < indexed.size(); i++) {
            byClause.computeIfAbsent(indexed.get(i).clauseId(), k -> new ArrayList<>()).add(i);
        }
        StringBuilder text = new StringBuilder(document.text().length() + marks.size() * 12);
        if (document.hasByteOrderMark()) {
            text.append('\uFEFF');
        }
        text.append(document.preamble());
        for (Clause clause : document.clauses()) {
            text.append(clause.headingLine()).append(clause.headingEnding());
            List<Integer> own = clause.id().isEmpty() ? null : byClause.get(clause.id());
            text.append(own == null ? clause.body() : marked(clause.body(), own, indexed));
        }
        String html = DraftHtml.render(DraftFormat.parse(text.toString()), language);
        return toMarkElements(html, indexed);
    }

    /** The body with markers inserted at the marks' (adjusted) offsets; marks out of range are skipped. */
    static String marked(String body, List<Integer> own, List<Mark> indexed) {
        record Insertion(int at, int order, String marker) {
        }
        List<Insertion> insertions = new ArrayList<>();
        for (int i : own) {
            Mark m = indexed.get(i);
            if (m.start() < 0 || m.end() > body.length() || m.end() <= m.start()) {
                continue;
            }
            int start = safeStart(body, m.start(), m.end());
            int end = safeEnd(body, m.end(), start);
            if (end <= start) {
                continue;
            }
            insertions.add(new Insertion(start, 1, START + digits(i) + CLOSE));
            insertions.add(new Insertion(end, 0, END + digits(i) + CLOSE));
        }
        insertions.sort(Comparator.comparingInt(Insertion::at).thenComparingInt(Insertion::order));
        StringBuilder sb = new StringBuilder(body.length() + insertions.size() * 6);
        int from = 0;
        for (Insertion insertion : insertions) {
            sb.append(body, from, insertion.at()).append(insertion.marker());
            from = insertion.at();
        }
        return sb.append(body.substring(from)).toString();
    }

    /** Moves a start out of link syntax (to its beginning) and past list, quote and table markers at a line start. */
    static int safeStart(String body, int start, int end) {
        Matcher link = LINK.matcher(body);
        while (link.find()) {
            if (link.start() < start && start < link.end()) {
                start = link.start();
                break;
            }
            if (link.start() >= start) {
                break;
            }
        }
        int lineStart = body.lastIndexOf('\n', start - 1) + 1;
        if (body.substring(lineStart, start).isBlank()) {
            Matcher prefix = BLOCK_PREFIX.matcher(body).region(lineStart, body.length());
            if (prefix.lookingAt() && prefix.end() > start && prefix.end() < end) {
                start = prefix.end();
            }
        }
        return start;
    }

    /** Moves an end out of link syntax (to its end) and before a line break it would follow. */
    static int safeEnd(String body, int end, int start) {
        Matcher link = LINK.matcher(body);
        while (link.find()) {
            if (link.start() < end && end < link.end()) {
                end = link.end();
                break;
            }
            if (link.start() >= end) {
                break;
            }
        }
        while (end > start && (body.charAt(end - 1) == '\n' || body.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    private static String digits(int index) {
        String hex = Integer.toHexString(index);
        StringBuilder sb = new StringBuilder(hex.length());
        for (char c : hex.toCharArray()) {
            sb.append((char) (DIGIT_ZERO + Character.digit(c, 16)));
        }
        return sb.toString();
    }

    /** Turns marker pairs into {@code <mark>} elements around every text node they enclose. */
    static String toMarkElements(String html, List<Mark> indexed) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                texts.add(t);
            } else if (node instanceof Element e) {
                for (Attribute a : e.attributes()) {
                    if (hasMarker(a.getValue())) {
                        e.attr(a.getKey(), stripMarkers(a.getValue()));
                    }
                }
            }
        }, doc.body());
        Set<Integer> active = new LinkedHashSet<>();
        for (TextNode t : texts) {
            String whole = t.getWholeText();
            if (!hasMarker(whole) && active.isEmpty()) {
                continue;
            }
            List<Node> replacement = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            int i = 0;
            while (i < whole.length()) {
                char c = whole.charAt(i);
                if (c == START || c == END) {
                    int close = whole.indexOf(CLOSE, i);
                    if (close < 0) {
                        close = whole.length() - 1;
                    }
                    int index = parseDigits(whole, i + 1, close);
                    flush(run, active, indexed, replacement);
                    if (c == START) {
                        active.add(index);
                    } else {
                        active.remove(index);
                    }
                    i = close + 1;
                } else if (isMarkerChar(c)) {
                    i++;
                } else {
                    run.append(c);
                    i++;
                }
            }
            flush(run, active, indexed, replacement);
            for (Node n : replacement) {
                t.before(n);
            }
            t.remove();
        }
        return doc.body().html();
    }

    private static void flush(StringBuilder run, Set<Integer> active, List<Mark> indexed, List<Node> out) {
        if (run.isEmpty()) {
            return;
        }
        TextNode text = new TextNode(run.toString());
        if (active.isEmpty() || run.toString().isBlank()) {
            out.add(text);
        } else {
            Element mark = new Element("mark").addClass("dr-cmark").attr("data-comments", active.stream()
                    .filter(i -> i >= 0 && i < indexed.size())
                    .map(i -> String.valueOf(indexed.get(i).commentId())).distinct()
                    .collect(Collectors.joining(" ")));
            mark.appendChild(text);
            out.add(mark);
        }
        run.setLength(0);
    }

    private static int parseDigits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - DIGIT_ZERO;
            if (d < 0 || d > 15) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }

    static boolean isMarkerChar(char c) {
        return c >= '\uE000' && c <= '\uE01F';
    }

    private static boolean hasMarker(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isMarkerChar(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static String stripMarkers(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!isMarkerChar(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    /**
     * The rendered plain text of a clause in rendered HTML: its non-blank text nodes from the heading with this id up
     * to the next clause heading, concatenated. Empty when there is no such heading.
     */
    static String clauseText(String html, String clauseId) {
        Document doc = Jsoup.parseBodyFragment(html);
        return clauseText(doc, clauseId);
    }

    static String clauseText(Document doc, String clauseId) {
        Element heading = doc.getElementById(clauseId);
        if (heading == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Element e = heading.nextElementSibling(); e != null && !isClauseHeading(e); e = e.nextElementSibling()) {
            NodeTraversor.traverse((node, depth) -> {
                if (node instanceof TextNode t && !isBlank(t.getWholeText())) {
                    sb.append(t.getWholeText());
                }
            }, e);
        }
        return sb.toString();
    }

    private static boolean isClauseHeading(Element e) {
        return e.tagName().matches("h[1-6]") && e.hasClass("dr-clause");
    }

    /** Blank as the browser helper counts it: only spaces, tabs, line feeds, form feeds and carriage returns. */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
