package org.draftroom.drafts.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The CommonMark tree of a whole draft, with each top-level block assigned to the clause whose body holds it, and the
 * numbered body elements (notes, examples, tables, figures) and cross-references found in it. Not thread-safe; built
 * per use.
 */
final class DraftAst {

    /** A note paragraph opener; a number typed by the author ({@code 注1：}) is accepted and replaced. */
    static final Pattern NOTE = Pattern.compile("^(?:注|NOTE|Note)[ \\t]*\\d*[ \\t]*[:：][ \\t]*");
    /** An example paragraph opener; a typed number is accepted and replaced, as for notes. */
    static final Pattern EXAMPLE = Pattern.compile("^(?:示例|EXAMPLE|Example)[ \\t]*\\d*[ \\t]*[:：][ \\t]*");
    static final Pattern TABLE_CAPTION = Pattern.compile("^(?:表|Table)[ \\t]*[:：][ \\t]*(.*)$");

    final Node root;
    private final DraftDocument document;
    /** Top-level heading nodes that are clause headings, to the clause index. */
    final Map<Node, Integer> headings = new IdentityHashMap<>();
    /** Top-level blocks (other than clause headings) to the index of the clause holding them; -1 for the preamble. */
    final Map<Node, Integer> blockClause = new IdentityHashMap<>();
    /** Notes and examples (their paragraphs), tables (their table blocks) and figures (their paragraphs). */
    final Map<Node, BodyItem> items = new IdentityHashMap<>();
    /** Caption paragraphs ({@code 表：...}) that belong to the table after them. */
    final Map<Node, Node> captionOf = new IdentityHashMap<>();
    final List<BodyItem> itemList = new ArrayList<>();
    final Map<Link, CrossReference> references = new IdentityHashMap<>();
    final List<CrossReference> referenceList = new ArrayList<>();

    private DraftAst(DraftDocument document, List<NumberedClause> numbered) {
        this.document = document;
        StringBuilder source = new StringBuilder(document.preamble());
        int[] headingLine = new int[document.clauses().size()];
        int line = DraftDocument.countLineEndings(document.preamble());
        for (int i = 0; i < headingLine.length; i++) {
            Clause clause = document.clauses().get(i);
            headingLine[i] = line;
            line += DraftDocument.countLineEndings(clause.text());
            source.append(clause.text());
        }
        root = DraftFormat.parseMarkdown(source.toString());
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            int nodeLine = firstLine(node);
            int pos = Arrays.binarySearch(headingLine, nodeLine);
            if (node instanceof Heading && pos >= 0) {
                headings.put(node, pos);
            } else {
                blockClause.put(node, pos >= 0 ? pos : -pos - 2);
            }
        }
        findBodyItems(document, numbered);
        findReferences(document);
    }

    static DraftAst of(DraftDocument document, List<NumberedClause> numbered) {
        return new DraftAst(document, numbered);
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
            String text = ((Text) p.getFirstChild()).getLiteral();
            Matcher m = prefix.matcher(text);
            String rest = m.find() ? text.substring(m.end()) : text;
            add(p, new BodyItem(kind, clauseId(document, clause), paragraphs.size() == 1 ? "" : String.valueOf(n + 1),
                    rest, firstLine(p) + 1));
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

    /** The image of a paragraph that holds nothing but one image, or null. */
    static Image figureImage(Paragraph p) {
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
