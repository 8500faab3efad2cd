package org.draftroom.drafts.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * How deeply Markdown nests (quotes in lists in quotes, emphasis in links...), measured without recursion. The
 * renderers recurse once per level, so a text of thousands of levels overflows the stack of whoever renders it: every
 * Markdown input (drafts, imports, comments, replies, proposed changes) refuses more than {@link #MAX} levels.
 */
public final class MarkdownNesting {

    /** The deepest nesting accepted: far beyond any real text. */
    public static final int MAX = 32;

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private MarkdownNesting() {
    }

    /** The nesting depth of the text; {@link Integer#MAX_VALUE} when even parsing it fails. */
    public static int of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return 0;
        }
        try {
            return of(PARSER.parse(markdown));
        } catch (StackOverflowError | RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The nesting depth of a parsed document (a paragraph in a quote is 2). */
    public static int of(Node document) {
        int deepest = 0;
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(document);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            deepest = Math.max(deepest, depth);
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
        return deepest;
    }
}
