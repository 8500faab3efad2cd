package org.draftroom.drafts.domain;

import java.util.Objects;
import java.util.function.Function;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * How a CommonMark node of a draft and its descendants read without markup: the literals of text and code spans, line
 * breaks as this reading keeps them, and a link without text of its own ({@code [](#id)}) as the text this reading
 * gives it. The one plain-text visitor of the draft's Markdown: the HTML rendering, the reading text of redlines, the
 * outline's figure captions and the DOCX and NISO STS exports all read text through it.
 *
 * <p>Immutable and thread-safe (as long as the link function is); linear in the size of the node.
 */
public final class PlainText {

    /** Text and code literals only, line breaks dropped: alt texts and figure captions. */
    public static final PlainText LITERALS = new PlainText(false, false, link -> "");

    /**
     * Text and code literals with soft line breaks as line feeds; hard line breaks are dropped, as the DOCX and STS
     * exports have always read the blocks and inlines they have no element for.
     */
    public static final PlainText SOFT_BREAKS = new PlainText(true, false, link -> "");

    private final boolean softBreaks;
    private final boolean hardBreaks;
    private final Function<Link, String> emptyLinkText;

    private PlainText(boolean softBreaks, boolean hardBreaks, Function<Link, String> emptyLinkText) {
        this.softBreaks = softBreaks;
        this.hardBreaks = hardBreaks;
        this.emptyLinkText = emptyLinkText;
    }

    /**
     * The text as a reader sees it: soft and hard line breaks as line feeds, and each link without text of its own
     * read as {@code emptyLinkText} says (a cross-reference as its target's number); other links read as their text.
     */
    public static PlainText reading(Function<Link, String> emptyLinkText) {
        return new PlainText(true, true, Objects.requireNonNull(emptyLinkText));
    }

    /** The text of the node and its descendants. */
    public String of(Node node) {
        StringBuilder sb = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                if (softBreaks) {
                    sb.append('\n');
                }
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                if (hardBreaks) {
                    sb.append('\n');
                }
            }

            @Override
            public void visit(Link link) {
                if (link.getFirstChild() == null) {
                    sb.append(emptyLinkText.apply(link));
                } else {
                    visitChildren(link);
                }
            }
        });
        return sb.toString();
    }
}
