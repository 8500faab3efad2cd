package org.draftroom.drafts.domain;

import org.commonmark.node.CustomBlock;

/**
 * One item of a {@link GbtList}: its computed marker ({@code a)}, {@code 1)}, {@code ——}, {@code ·}), then a
 * {@link org.commonmark.node.Paragraph} with its text, then possibly one nested {@link GbtList}.
 */
public final class GbtListItem extends CustomBlock {

    private final String marker;

    GbtListItem(String marker) {
        this.marker = marker;
    }

    /** The marker a reader sees, computed from the item's position ({@code c)} for the third letter item). */
    public String marker() {
        return marker;
    }
}
