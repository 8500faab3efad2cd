package org.draftroom.drafts.domain;

import org.commonmark.node.CustomBlock;

/**
 * A GB/T 1.1 list (列项) of the draft format: consecutive lines opening with {@code a)}, {@code 1)}, {@code ——} or
 * {@code ·}. Its children are {@link GbtListItem}s of one marker kind; a line with another kind opens a nested list
 * inside the item before it. Built by {@link GbtLists}.
 */
public final class GbtList extends CustomBlock {

    /** The kinds of GB/T list items, with the marker each prints. */
    public enum Kind {
        /** {@code ——} dash items. */
        DASH,
        /** {@code ·} dot items, nested under dash items. */
        DOT,
        /** {@code a)}, {@code b)} … letter items. */
        LETTER,
        /** {@code 1)}, {@code 2)} … number items. */
        NUMBER;

        /** The marker of the {@code n}-th item (0-based): computed, never the one typed. */
        public String marker(int n) {
            return switch (this) {
                case DASH -> "——";
                case DOT -> "·";
                case NUMBER -> (n + 1) + ")";
                case LETTER -> letters(n) + ")";
            };
        }

        private static String letters(int n) {
            StringBuilder sb = new StringBuilder();
            int i = n;
            do {
                sb.insert(0, (char) ('a' + i % 26));
                i = i / 26 - 1;
            } while (i >= 0);
            return sb.toString();
        }
    }

    private final Kind kind;
    private final int level;

    GbtList(Kind kind, int level) {
        this.kind = kind;
        this.level = level;
    }

    public Kind kind() {
        return kind;
    }

    /** Nesting depth: 1 for a list in the clause body, 2 for a list inside an item, … */
    public int level() {
        return level;
    }
}
