package org.draftroom.drafts.imports;

import java.util.List;
import java.util.Map;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftProblem;

/**
 * A Word document read into the draft format, with what the preview shows before anything is saved.
 *
 * @param document       the draft (ids assigned; clause ids carried by the export's {@code dr_} bookmarks are kept)
 * @param figures        images to store with the draft: repository path ({@code figures/image1.png}) to bytes
 * @param outline        the clause outline in document order: computed number, the number Word showed, title, id
 * @param unmapped       what the draft format has no place for, with where it was; nothing is dropped silently
 * @param comments       the Word comments, anchored to the clause and words they were made on
 * @param trackedChanges whether the file holds tracked changes (the preview then asks which state to take)
 * @param mode           which state of the tracked changes this import took
 * @param warnings       structure check findings of the draft (they do not prevent saving)
 */
public record WordImport(DraftDocument document, Map<String, byte[]> figures, List<OutlineEntry> outline,
                         List<Unmapped> unmapped, List<WordComment> comments, boolean trackedChanges,
                         DocxImporter.TrackedChanges mode, List<DraftProblem> warnings) {

    public WordImport {
        figures = Map.copyOf(figures);
        outline = List.copyOf(outline);
        unmapped = List.copyOf(unmapped);
        comments = List.copyOf(comments);
        warnings = List.copyOf(warnings);
    }

    /**
     * One clause of the imported outline.
     *
     * @param wordNumber the number the reader of the Word file saw (typed or Word's automatic numbering); empty when
     *                   none
     * @param number     the number the draft computes (GB/T 1.1); empty for unnumbered clauses
     */
    public record OutlineEntry(int level, String id, String number, String wordNumber, String title, String kind) {
    }

    /**
     * Something of the Word file the draft cannot hold as it was.
     *
     * @param kind     {@code text-box}, {@code smartart}, {@code chart}, {@code object}, {@code shape}, {@code equation},
     *                 {@code field}, {@code symbol}, {@code embedded-document}, {@code merged-cells}, {@code nested-table},
     *                 {@code footnote}, {@code heading-too-deep}, {@code image-format}, {@code linked-image},
     *                 {@code headers-footers}, {@code table-of-contents}; the preview's message key is
     *                 {@code draft.word.unmapped.<kind>}
     * @param clauseId the clause it was in (empty: before the first heading)
     * @param place    the clause as the reader knows it: number and title
     * @param detail   what it was (the text of a text box, a field's name ...), at most 200 characters
     */
    public record Unmapped(String kind, String clauseId, String place, String detail) {
    }

    /**
     * A comment of the Word file.
     *
     * @param clauseId the clause its range starts in (empty: the whole document)
     * @param quote    the words it was made on (empty when it had no range)
     * @param author   the Word author's name
     * @param date     as Word stored it (ISO 8601), or empty
     * @param text     the comment's text
     */
    public record WordComment(String clauseId, String quote, String author, String date, String text) {
    }
}
