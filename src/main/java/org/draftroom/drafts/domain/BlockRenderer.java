package org.draftroom.drafts.domain;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * What a rendering of a draft does with each kind of block of a clause body, one method per kind, so that a renderer
 * handles every kind the draft format has: adding a kind here fails to compile in every renderer (the HTML of
 * {@link DraftHtml}, the DOCX and NISO STS exports) until it says what to do with it. {@link DraftAst#render} decides
 * which kind a block is; link reference definitions print nothing anywhere and are never handed over.
 *
 * @param <C> what the renderer carries down the tree (a nesting depth, nothing)
 * @param <E> the exception its output may throw
 */
public interface BlockRenderer<C, E extends Exception> {

    /** A paragraph that is none of the kinds below, in a clause body or inside a list item or quote. */
    void paragraph(Paragraph paragraph, C context) throws E;

    /** A numbered note or example: {@code item} carries its label; the text follows the typed opener. */
    void noteOrExample(Paragraph paragraph, BodyItem item, C context) throws E;

    /** A numbered figure: a paragraph holding one image ({@code image}, never null here). */
    void figure(Paragraph paragraph, Image image, BodyItem item, C context) throws E;

    /**
     * A caption paragraph ({@code 表：标题}) of the table after it; {@code item} is that table's, whose caption is the
     * title written here (possibly empty).
     */
    void tableCaption(Paragraph paragraph, BodyItem item, C context) throws E;

    /** A GFM table; {@code item} is its number and caption, or null for a table nested in another block. */
    void table(TableBlock table, BodyItem item, C context) throws E;

    /** A GB/T list ({@code a)}, {@code 1)}, {@code ——}, {@code ·} items with computed markers). */
    void gbtList(GbtList list, C context) throws E;

    /** A CommonMark bullet or ordered list that is not a GB/T list. */
    void list(ListBlock list, C context) throws E;

    void blockQuote(BlockQuote quote, C context) throws E;

    /** A fenced or indented code block or a raw HTML block (escaped, never interpreted), with its literal. */
    void preformatted(Node block, String literal, C context) throws E;

    /** A heading that is not a clause heading (inside a list or quote, or a setext heading). */
    void heading(Heading heading, C context) throws E;

    void thematicBreak(ThematicBreak thematicBreak, C context) throws E;

    /** Any other block (from an extension): renderers fall back to its text. */
    void other(Node block, C context) throws E;
}
