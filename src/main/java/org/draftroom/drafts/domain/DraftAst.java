package org.draftroom.drafts.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * A draft parsed once as CommonMark: the one tree that every rendering of a draft walks (the HTML of the browser and
 * the exports, the reading text of redlines, the DOCX and NISO STS exports) and from which the {@link NumberedOutline}
 * takes its body items and cross-references. The whole document is parsed at once, so that blocks and link reference
 * definitions read exactly as they do in the editor; each top-level block is assigned to the clause whose body holds
 * it, and the numbered body elements (notes, examples, tables, figures), table captions and cross-references are found
 * in it.
 *
 * <p>Not thread-safe (CommonMark nodes are mutable): built per use, linear in the size of the document.
 */
public final class DraftAst {

    /** A note paragraph opener; a number typed by the author ({@code 注1：}) is accepted and replaced. */
    static final Pattern NOTE = Pattern.compile("^(?:注|NOTE|Note)[ \\t]*\\d*[ \\t]*[:：][ \\t]*");
    /** An example paragraph opener; a typed number is accepted and replaced, as for notes. */
    static final Pattern EXAMPLE = Pattern.compile("^(?:示例|EXAMPLE|Example)[ \\t]*\\d*[ \\t]*[:：][ \\t]*");
    static final Pattern TABLE_CAPTION = Pattern.compile("^(?:表|Table)[ \\t]*[:：][ \\t]*(.*)$");

    final Node root;
    private final DraftDocument document;
    final List<NumberedClause> numbered;
    /** Top-level heading nodes that are clause headings, to the clause index. */
    final Map<Node, Integer> headings = new IdentityHashMap<>();
    /** Top-level blocks (other than clause headings) to the index of the clause holding them; -1 for the preamble. */
    final Map<Node, Integer> blockClause = new IdentityHashMap<>();
    /** The top-level blocks of each clause body, in order; the preamble's last. */
    private final List<List<Node>> bodies = new ArrayList<>();
    /** Notes and examples (their paragraphs), tables (their table blocks) and figures (their paragraphs). */
    final Map<Node, BodyItem> items = new IdentityHashMap<>();
    /** Caption paragraphs ({@code 表：...}) that belong to the table after them. */
    final Map<Node, Node> captionOf = new IdentityHashMap<>();
    final List<BodyItem> itemList = new ArrayList<>();
    final Map<Link, CrossReference> references = new IdentityHashMap<>();
    final List<CrossReference> referenceList = new ArrayList<>();
    private NumberedOutline outline;

    private DraftAst(DraftDocument document, List<NumberedClause> numbered) {
        this.document = document;
        this.numbered = numbered;
        StringBuilder source = new StringBuilder(document.preamble());
        int[] headingLine = new int[document.clauses().size()];
        int line = DraftDocument.countLineEndings(document.preamble());
        for (int i = 0; i < headingLine.length; i++) {
            Clause clause = document.clauses().get(i);
            headingLine[i] = line;
            line += DraftDocument.countLineEndings(clause.text());
            source.append(clause.text());
        }
        for (int i = 0; i <= headingLine.length; i++) {
            bodies.add(new ArrayList<>());
        }
        root = DraftFormat.parseMarkdown(source.toString());
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            int nodeLine = firstLine(node);
            int pos = Arrays.binarySearch(headingLine, nodeLine);
            if (node instanceof Heading && pos >= 0) {
                headings.put(node, pos);
            } else {
                int clause = pos >= 0 ? pos : -pos - 2;
                blockClause.put(node, clause);
                bodies.get(clause < 0 ? headingLine.length : clause).add(node);
            }
        }
        findBodyItems(document, numbered);
        findReferences(document);
    }

    /** Parses and numbers a document. */
    public static DraftAst parse(DraftDocument document) {
        return new DraftAst(document, NumberedOutline.number(document));
    }

    /** The numbers of the document's clauses, body items and cross-references. */
    public NumberedOutline outline() {
        if (outline == null) {
            outline = new NumberedOutline(document, numbered, this);
        }
        return outline;
    }

    /** The top-level blocks before the first clause heading, in order. */
    public List<Node> preamble() {
        return bodies.get(bodies.size() - 1);
    }

    /** The top-level blocks of a clause body (its heading and subclauses not included), in order. */
    public List<Node> blocks(NumberedClause clause) {
        return bodies.get(clause.index());
    }

    /** The note, example, table or figure a top-level block is, if any. */
    public Optional<BodyItem> item(Node block) {
        return Optional.ofNullable(items.get(block));
    }

    /**
     * Whether a block is the caption paragraph ({@code 表：标题}) of the table after it that gives the table a title,
     * and so is printed as the table's caption rather than as a paragraph. A caption paragraph without a title
     * ({@code 表：}) is not: the DOCX and STS exports print it, while the HTML and the reading text leave it out.
     */
    public boolean isTableCaption(Node block) {
        Node table = captionOf.get(block);
        return table != null && !items.get(table).caption().isEmpty();
    }

    /**
     * Hands a block of a clause body (or of a list item, quote or cell inside one) to the renderer's method for its
     * kind: the single place that decides which kind of block a node is. Link reference definitions are not handed on.
     */
    public <C, E extends Exception> void render(Node block, C context, BlockRenderer<C, E> renderer) throws E {
        if (block instanceof Paragraph p) {
            Node table = captionOf.get(p);
            BodyItem item = items.get(p);
            if (table != null) {
                renderer.tableCaption(p, items.get(table), context);
            } else if (item != null && item.kind() == BodyItem.Kind.FIGURE) {
                renderer.figure(p, figureImage(p), item, context);
            } else if (item != null) {
                renderer.noteOrExample(p, item, context);
            } else {
                renderer.paragraph(p, context);
            }
        } else if (block instanceof TableBlock table) {
            renderer.table(table, items.get(table), context);
        } else if (block instanceof GbtList list) {
            renderer.gbtList(list, context);
        } else if (block instanceof ListBlock list) {
            renderer.list(list, context);
        } else if (block instanceof BlockQuote quote) {
            renderer.blockQuote(quote, context);
        } else if (block instanceof FencedCodeBlock code) {
            renderer.preformatted(code, code.getLiteral(), context);
        } else if (block instanceof IndentedCodeBlock code) {
            renderer.preformatted(code, code.getLiteral(), context);
        } else if (block instanceof HtmlBlock html) {
            renderer.preformatted(html, html.getLiteral(), context);
        } else if (block instanceof Heading heading) {
            renderer.heading(heading, context);
        } else if (block instanceof ThematicBreak thematicBreak) {
            renderer.thematicBreak(thematicBreak, context);
        } else if (!(block instanceof LinkReferenceDefinition)) {
            renderer.other(block, context);
        }
    }

    /** The text of the first inline of a note or example paragraph after its typed opener ("注：", "EXAMPLE:"). */
    public static String afterOpener(Paragraph paragraph, BodyItem item) {
        return afterOpener(paragraph, item.kind() == BodyItem.Kind.NOTE ? NOTE : EXAMPLE);
    }

    private static String afterOpener(Node paragraph, Pattern opener) {
        String text = ((Text) paragraph.getFirstChild()).getLiteral();
        Matcher m = opener.matcher(text);
        return m.find() ? text.substring(m.end()) : text;
    }

    /**
     * The text of a node and its descendants as a reader sees it: without markup, with {@code [](#id)} read as the
     * target's number ("5.3", "附录B") and line breaks kept as line feeds.
     */
    public String text(Node node, Language language) {
        return PlainText.reading(link -> linkText(link, language)).of(node);
    }

    /**
     * The generated text of a link: the target's number for {@code [](#id)}, "#id" when no clause has the id, and
     * nothing for any other link (its own text is its children's).
     */
    public String linkText(Link link, Language language) {
        String destination = link.getDestination();
        if (link.getFirstChild() != null || destination == null || !destination.startsWith("#")) {
            return "";
        }
        return outline().referenceText(destination.substring(1), language).orElse(destination);
    }

    /** The text of a note or example after its label, with cross-references read as numbers. */
    public String itemText(Paragraph paragraph, BodyItem item, Language language) {
        StringBuilder sb = new StringBuilder(afterOpener(paragraph, item));
        for (Node n = paragraph.getFirstChild().getNext(); n != null; n = n.getNext()) {
            sb.append(n instanceof Text t ? t.getLiteral() : text(n, language));
        }
        return sb.toString();
    }

    /** The index of the first clause with this id, or -1. */
    int numberedIndex(String id) {
        return document.indexOf(id);
    }

    /** The index of the clause whose body holds the node, -1 for the preamble. */
    int clauseOf(Node node) {
        Node top = node;
        while (top.getParent() != null && top.getParent() != root) {
            top = top.getParent();
        }
        Integer heading = headings.get(top);
        return heading != null ? heading : blockClause.getOrDefault(top, -1);
    }

    private void findBodyItems(DraftDocument document, List<NumberedClause> numbered) {
        Map<String, int[]> tableCounters = new HashMap<>();
        Map<String, int[]> figureCounters = new HashMap<>();
        List<List<Node>> notes = new ArrayList<>();
        List<List<Node>> examples = new ArrayList<>();
        for (int i = 0; i <= document.clauses().size(); i++) {
            notes.add(new ArrayList<>());
            examples.add(new ArrayList<>());
        }
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            if (headings.containsKey(node)) {
                continue;
            }
            int clause = blockClause.get(node);
            String annex = annexLetter(numbered, clause);
            if (node instanceof Paragraph p && startsWith(p, NOTE)) {
                notes.get(clause + 1).add(p);
            } else if (node instanceof Paragraph p && startsWith(p, EXAMPLE)) {
                examples.get(clause + 1).add(p);
            } else if (node instanceof TableBlock table) {
                String caption = "";
                if (table.getPrevious() instanceof Paragraph p && !headings.containsKey(p)
                        && captionText(p) != null) {
                    caption = captionText(p);
                    captionOf.put(p, table);
                }
                String number = next(tableCounters, annex);
                add(node, new BodyItem(BodyItem.Kind.TABLE, clauseId(document, clause), number, caption,
                        firstLine(node) + 1));
            } else if (node instanceof Paragraph p && figureImage(p) != null) {
                String number = next(figureCounters, annex);
                add(node, new BodyItem(BodyItem.Kind.FIGURE, clauseId(document, clause), number,
                        PlainText.LITERALS.of(figureImage(p)), firstLine(node) + 1));
            }
        }
        for (int i = 0; i < notes.size(); i++) {
            numberWithinClause(document, i - 1, notes.get(i), BodyItem.Kind.NOTE, NOTE);
            numberWithinClause(document, i - 1, examples.get(i), BodyItem.Kind.EXAMPLE, EXAMPLE);
        }
        itemList.sort((a, b) -> Integer.compare(a.line(), b.line()));
    }

    private void numberWithinClause(DraftDocument document, int clause, List<Node> paragraphs, BodyItem.Kind kind,
                                    Pattern prefix) {
        for (int n = 0; n < paragraphs.size(); n++) {
            Node p = paragraphs.get(n);
            add(p, new BodyItem(kind, clauseId(document, clause), paragraphs.size() == 1 ? "" : String.valueOf(n + 1),
                    afterOpener(p, prefix), firstLine(p) + 1));
        }
    }

    private void add(Node node, BodyItem item) {
        items.put(node, item);
        itemList.add(item);
    }

    private void findReferences(DraftDocument document) {
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                String destination = link.getDestination();
                if (destination != null && destination.startsWith("#") && destination.length() > 1) {
                    CrossReference ref = new CrossReference(clauseId(document, clauseOf(link)),
                            destination.substring(1), firstLine(link) + 1, link.getFirstChild() == null);
                    references.put(link, ref);
                    referenceList.add(ref);
                }
                visitChildren(link);
            }
        });
    }

    private static String next(Map<String, int[]> counters, String annex) {
        int n = ++counters.computeIfAbsent(annex, a -> new int[1])[0];
        return annex.isEmpty() ? String.valueOf(n) : annex + "." + n;
    }

    /** The letter of the annex holding the clause, or empty outside annexes. */
    private static String annexLetter(List<NumberedClause> numbered, int clause) {
        if (clause < 0) {
            return "";
        }
        NumberedClause top = numbered.get(clause);
        while (top.parentIndex() >= 0) {
            top = numbered.get(top.parentIndex());
        }
        return top.kind() == ClauseKind.ANNEX ? top.number() : "";
    }

    private static String clauseId(DraftDocument document, int clause) {
        return clause < 0 ? "" : document.clauses().get(clause).id();
    }

    static boolean startsWith(Paragraph p, Pattern prefix) {
        return p.getFirstChild() instanceof Text t && prefix.matcher(t.getLiteral()).find();
    }

    /** The caption of a {@code 表：标题} / {@code Table: title} paragraph, or null if it is not one. */
    static String captionText(Paragraph p) {
        if (p.getFirstChild() instanceof Text t && t.getNext() == null) {
            Matcher m = TABLE_CAPTION.matcher(t.getLiteral());
            if (m.matches()) {
                return m.group(1).strip();
            }
        }
        return null;
    }

    /** The image of a figure paragraph (a paragraph holding nothing but one image), or null. */
    public static Image figureImage(Paragraph p) {
        Image image = null;
        for (Node child = p.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Image i && image == null) {
                image = i;
            } else if (!(child instanceof SoftLineBreak) && !(child instanceof Text t && t.getLiteral().isBlank())) {
                return null;
            }
        }
        return image;
    }

    private static int firstLine(Node node) {
        return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex();
    }
}
