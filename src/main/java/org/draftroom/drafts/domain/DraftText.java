package org.draftroom.drafts.domain;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * A draft as a reader reads it, in plain text: one line per paragraph, list item, table row and figure, list items
 * with their computed markers ({@code a)}, {@code 1)}, {@code ——}) indented two spaces per nesting level, markup
 * dropped, and every cross-reference {@code [](#id)} read as its target's number in this version ("5.3", "附录B";
 * {@code #id} when broken). Clause headings are not part of a body.
 *
 * <p>This is what the redline compares, so that a redline never shows draft-format syntax and a cross-reference shows
 * the number it has in each version. Thread-safe; linear in the size of the document.
 */
public final class DraftText {

    private final DraftAst ast;
    private final List<NumberedClause> numbered;
    private final Language language;

    private DraftText(DraftDocument document, Language language) {
        this.ast = DraftAst.parse(document);
        this.numbered = ast.numbered;
        this.language = language;
    }

    /**
     * The reading text of every clause body (index as in {@link DraftDocument#clauses()}) and, last, of the preamble;
     * each non-empty body ends with a line feed.
     */
    public static List<String> bodies(DraftDocument document, Language language) {
        DraftText text = new DraftText(document, language);
        List<StringBuilder> bodies = new ArrayList<>();
        for (int i = 0; i <= document.clauses().size(); i++) {
            bodies.add(new StringBuilder());
        }
        for (Node node = text.ast.root.getFirstChild(); node != null; node = node.getNext()) {
            if (text.ast.headings.containsKey(node)) {
                continue;
            }
            int clause = text.ast.blockClause.getOrDefault(node, -1);
            text.block(node, bodies.get(clause < 0 ? document.clauses().size() : clause), 0);
        }
        return bodies.stream().map(StringBuilder::toString).toList();
    }

    /**
     * The whole document: each clause heading as its label and title ("5.3 收集", "附录A（资料性） 示例") on a line of
     * its own, then its body. Used as the normalised reading of the document model in golden tests.
     */
    public static String render(DraftDocument document, Language language) {
        List<String> bodies = bodies(document, language);
        List<NumberedClause> numbered = NumberedOutline.number(document);
        StringBuilder sb = new StringBuilder(bodies.get(bodies.size() - 1));
        for (NumberedClause clause : numbered) {
            String label = clause.label(language);
            sb.append(label.isEmpty() ? "" : label + " ").append(clause.clause().title()).append('\n');
            sb.append(bodies.get(clause.index()));
        }
        return sb.toString();
    }

    private void block(Node block, StringBuilder out, int depth) {
        String indent = "  ".repeat(depth);
        BodyItem bodyItem = ast.items.get(block);
        if (block instanceof Paragraph p && ast.captionOf.containsKey(p)) {
            return;
        }
        if (block instanceof Paragraph p) {
            if (bodyItem != null && bodyItem.kind() == BodyItem.Kind.FIGURE) {
                line(out, indent, caption(bodyItem));
            } else if (bodyItem != null) {
                String text = inline(p);
                java.util.regex.Matcher m = (bodyItem.kind() == BodyItem.Kind.NOTE ? DraftAst.NOTE
                        : DraftAst.EXAMPLE).matcher(text);
                line(out, indent, bodyItem.label(language) + language.labelSeparator()
                        + (m.find() ? text.substring(m.end()) : text));
            } else {
                line(out, indent, inline(p));
            }
        } else if (block instanceof GbtList list) {
            for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
                GbtListItem item = (GbtListItem) child;
                String marker = item.marker().endsWith(")") ? item.marker() + " " : item.marker();
                for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
                    if (part instanceof Paragraph p) {
                        line(out, indent, marker + inline(p));
                    } else {
                        block(part, out, depth + 1);
                    }
                }
            }
        } else if (block instanceof ListBlock list) {
            int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null
                    ? o.getMarkerStartNumber() : 1;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                String marker = list instanceof BulletList ? "——" : number++ + ". ";
                boolean first = true;
                for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
                    if (first && part instanceof Paragraph p) {
                        line(out, indent, marker + inline(p));
                    } else {
                        block(part, out, depth + 1);
                    }
                    first = false;
                }
                if (first && item instanceof ListItem) {
                    line(out, indent, marker.strip());
                }
            }
        } else if (block instanceof TableBlock table) {
            if (bodyItem != null) {
                line(out, indent, caption(bodyItem));
            }
            for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
                for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                    List<String> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (cell instanceof TableCell) {
                            cells.add(inline(cell));
                        }
                    }
                    line(out, indent, String.join(" | ", cells));
                }
            }
        } else if (block instanceof BlockQuote quote) {
            for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
                block(child, out, depth + 1);
            }
        } else if (block instanceof FencedCodeBlock code) {
            line(out, indent, strip(code.getLiteral()));
        } else if (block instanceof IndentedCodeBlock code) {
            line(out, indent, strip(code.getLiteral()));
        } else if (block instanceof HtmlBlock html) {
            line(out, indent, strip(html.getLiteral()));
        } else if (block instanceof Heading heading) {
            line(out, indent, inline(heading));
        } else if (!(block instanceof LinkReferenceDefinition) && !(block instanceof ThematicBreak)) {
            line(out, indent, PlainText.LITERALS.of(block));
        }
    }

    private String caption(BodyItem item) {
        return item.caption().isEmpty() ? item.label(language)
                : item.label(language) + language.numberSeparator() + item.caption();
    }

    private static void line(StringBuilder out, String indent, String text) {
        if (!text.isBlank()) {
            out.append(indent).append(text.replace("\n", "\n" + indent)).append('\n');
        }
    }

    private static String strip(String literal) {
        return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    }

    /** The inline text of a node: markup dropped, soft breaks as line feeds, cross-references as numbers. */
    private String inline(Node parent) {
        StringBuilder sb = new StringBuilder();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            inline(n, sb);
        }
        return sb.toString();
    }

    private void inline(Node node, StringBuilder sb) {
        if (node instanceof Text t) {
            sb.append(t.getLiteral());
        } else if (node instanceof Code c) {
            sb.append(c.getLiteral());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            sb.append('\n');
        } else if (node instanceof HtmlInline html) {
            sb.append(html.getLiteral());
        } else if (node instanceof Image image) {
            sb.append(PlainText.LITERALS.of(image));
        } else if (node instanceof Link link && ast.references.containsKey(link)
                && ast.references.get(link).generatedText()) {
            sb.append(referenceText(ast.references.get(link).targetId()));
        } else {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                inline(child, sb);
            }
        }
    }

    private String referenceText(String id) {
        int target = ast.numberedIndex(id);
        return target < 0 ? "#" + id : numbered.get(target).referenceText(language);
    }
}
