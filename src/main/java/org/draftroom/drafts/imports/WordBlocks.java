package org.draftroom.drafts.imports;

import java.util.ArrayList;
import java.util.List;

/** What {@link BodyReader} makes of {@code document.xml}: paragraphs and tables with their inline pieces. */
final class WordBlocks {

    private WordBlocks() {
    }

    sealed interface Block permits Para, Table {
    }

    sealed interface Inline permits Text, Break, Ref, Image, Note, CommentStart, CommentEnd, Bookmark, Unmappable {
    }

    record Text(String text) implements Inline {
    }

    record Break() implements Inline {
    }

    /** A cross-reference: a REF field or an internal hyperlink to a bookmark, with the text Word showed. */
    record Ref(String bookmark, String shown) implements Inline {
    }

    record Image(String relId, String alt) implements Inline {
    }

    /** A footnote or endnote reference. */
    record Note(String id, boolean endnote) implements Inline {
    }

    record CommentStart(String id) implements Inline {
    }

    record CommentEnd(String id) implements Inline {
    }

    record Bookmark(String name) implements Inline {
    }

    /** Something the draft format has no place for (a text box, SmartArt, a field ...): kind key and detail. */
    record Unmappable(String kind, String detail, String keptText) implements Inline {
    }

    static final class Para implements Block {
        String styleId;
        String numId;
        int ilvl;
        Integer outlineLevel;
        boolean markDeleted;
        boolean markInserted;
        final List<Inline> inlines = new ArrayList<>();

        /** The plain text, without markers. */
        String plain() {
            StringBuilder sb = new StringBuilder();
            for (Inline i : inlines) {
                if (i instanceof Text t) {
                    sb.append(t.text());
                } else if (i instanceof Ref ref) {
                    sb.append(ref.shown());
                } else if (i instanceof Break) {
                    sb.append(' ');
                }
            }
            return sb.toString();
        }

        boolean hasImage() {
            return inlines.stream().anyMatch(i -> i instanceof Image);
        }
    }

    static final class Table implements Block {
        final List<Row> rows = new ArrayList<>();
        int gridColumns;
    }

    static final class Row {
        final List<Cell> cells = new ArrayList<>();
        boolean deleted;
        boolean inserted;
    }

    static final class Cell {
        int span = 1;
        String vMerge;
        final List<Block> blocks = new ArrayList<>();
    }
}
