package org.draftroom.export.draft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.draftroom.drafts.domain.BodyItem;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.ClauseKind;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.PlainText;

/**
 * A draft parsed for export: the CommonMark blocks of each clause body, the clause tree, and the numbered notes,
 * examples, tables and figures of {@link NumberedOutline#bodyItems()} attached to the blocks that hold them.
 *
 * <p>The whole document is parsed at once, as the drafts model does, so that blocks and link reference definitions
 * read exactly as they do in the editor; blocks are matched to body items by their first line. Not thread-safe; built
 * per export, linear in the size of the document.
 */
final class DraftTree {

    /** A note opener as the draft format defines it; a number typed by the author is replaced by the computed one. */
    private static final Pattern NOTE = Pattern.compile("^(?:注|NOTE|Note)[ \\t]*\\d*[ \\t]*[:：][ \\t]*");
    /** An example opener, like {@link #NOTE}. */
    private static final Pattern EXAMPLE = Pattern.compile("^(?:示例|EXAMPLE|Example)[ \\t]*\\d*[ \\t]*[:：][ \\t]*");

    final DraftDocument document;
    final NumberedOutline outline;
    final Language language;
    private final List<List<Node>> blocks = new ArrayList<>();
    private final List<Node> preamble = new ArrayList<>();
    private final Map<Node, BodyItem> items = new IdentityHashMap<>();
    private final Set<String> anchors = new HashSet<>();

    DraftTree(DraftDocument document, Language language) {
        this.document = document;
        this.outline = NumberedOutline.of(document);
        this.language = language;
        List<Clause> clauses = document.clauses();
        StringBuilder source = new StringBuilder(document.preamble());
        int[] headingLine = new int[clauses.size()];
        int line = lineEndings(document.preamble());
        for (int i = 0; i < clauses.size(); i++) {
            headingLine[i] = line;
            line += lineEndings(clauses.get(i).text());
            source.append(clauses.get(i).text());
            blocks.add(new ArrayList<>());
        }
        Map<Integer, BodyItem> itemsByLine = new HashMap<>();
        outline.bodyItems().forEach(item -> itemsByLine.put(item.line(), item));
        Node root = DraftFormat.parseMarkdown(source.toString());
        for (Node node = root.getFirstChild(); node != null; ) {
            Node next = node.getNext();
            int nodeLine = firstLine(node);
            int pos = Arrays.binarySearch(headingLine, nodeLine);
            if (!(node instanceof Heading && pos >= 0)) {
                int clause = pos >= 0 ? pos : -pos - 2;
                (clause < 0 ? preamble : blocks.get(clause)).add(node);
                BodyItem item = itemsByLine.get(nodeLine + 1);
                if (item != null) {
                    items.put(node, item);
                }
            }
            node = next;
        }
        for (Clause clause : clauses) {
            if (!clause.id().isEmpty()) {
                anchors.add(clause.id());
            }
        }
    }

    /** The numbered clauses at the top level, in order. */
    List<NumberedClause> topLevel() {
        return outline.clauses().stream().filter(c -> c.parentIndex() < 0).toList();
    }

    /** The direct subclauses of a clause, in order. */
    List<NumberedClause> children(NumberedClause parent) {
        List<NumberedClause> children = new ArrayList<>();
        List<NumberedClause> all = outline.clauses();
        for (int i = parent.index() + 1; i < all.size() && all.get(i).clause().level() > parent.clause().level(); i++) {
            if (all.get(i).parentIndex() == parent.index()) {
                children.add(all.get(i));
            }
        }
        return children;
    }

    /** The top-level blocks of a clause body, in order. */
    List<Node> blocks(NumberedClause clause) {
        return blocks.get(clause.index());
    }

    /** The blocks before the first heading. */
    List<Node> preamble() {
        return preamble;
    }

    /** The note, example, table or figure a top-level block is, if any. */
    Optional<BodyItem> item(Node block) {
        return Optional.ofNullable(items.get(block));
    }

    /** Whether a paragraph is the caption ({@code 表：标题}) of the table after it, and so not printed itself. */
    boolean isTableCaption(Node block) {
        return block instanceof Paragraph && block.getNext() instanceof TableBlock table
                && item(table).map(i -> !i.caption().isEmpty()).orElse(false)
                && block.getFirstChild() instanceof Text t && t.getNext() == null
                && t.getLiteral().matches("^(?:表|Table)[ \\t]*[:：].*");
    }

    /** The text of the first inline of a note or example paragraph after its typed opener ("注：", "EXAMPLE:"). */
    static String afterOpener(Paragraph paragraph, BodyItem item) {
        String text = ((Text) paragraph.getFirstChild()).getLiteral();
        Matcher m = (item.kind() == BodyItem.Kind.NOTE ? NOTE : EXAMPLE).matcher(text);
        return m.find() ? text.substring(m.end()) : text;
    }

    /** The image of a figure paragraph (a paragraph holding only an image), or null. */
    static Image figureImage(Node paragraph) {
        Image image = null;
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Image i && image == null) {
                image = i;
            } else if (!(child instanceof SoftLineBreak) && !(child instanceof Text t && t.getLiteral().isBlank())) {
                return null;
            }
        }
        return image;
    }

    /** Whether a clause with this id exists, so a cross-reference to it can link. */
    boolean hasAnchor(String id) {
        return anchors.contains(id);
    }

    /** The clause a cross-reference points to. */
    Optional<NumberedClause> target(String id) {
        return outline.find(id);
    }

    /** Whether a top-level clause is front matter: unnumbered, and before the first numbered clause. */
    boolean isFrontMatter(NumberedClause clause) {
        if (clause.kind() != ClauseKind.UNNUMBERED || clause.parentIndex() >= 0) {
            return false;
        }
        for (NumberedClause c : outline.clauses()) {
            if (c.index() >= clause.index()) {
                return true;
            }
            if (c.kind() != ClauseKind.UNNUMBERED) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text of a node and its descendants as a reader sees it: without markup, with {@code [](#id)} read as the
     * target's number ("5.3", "附录B") and soft line breaks kept as line feeds.
     */
    String text(Node node) {
        return PlainText.reading(this::linkText).of(node);
    }

    /**
     * The generated text of a link: the target's number for {@code [](#id)}, "#id" when no clause has the id, and
     * nothing for any other link (its own text is its children's).
     */
    String linkText(Link link) {
        String destination = link.getDestination();
        if (link.getFirstChild() != null || destination == null || !destination.startsWith("#")) {
            return "";
        }
        return outline.referenceText(destination.substring(1), language).orElse(destination);
    }

    /** The text of a note or example after its label, with cross-references read as numbers. */
    String itemText(Paragraph paragraph, BodyItem item) {
        StringBuilder sb = new StringBuilder(afterOpener(paragraph, item));
        for (Node n = paragraph.getFirstChild().getNext(); n != null; n = n.getNext()) {
            sb.append(n instanceof Text t ? t.getLiteral() : text(n));
        }
        return sb.toString();
    }

    private static int firstLine(Node node) {
        return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex();
    }

    private static int lineEndings(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }
}
