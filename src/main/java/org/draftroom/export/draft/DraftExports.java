package org.draftroom.export.draft;

/**
 * The exports of one draft version. Each method is a pure function of its input: the same {@link DraftExport} gives
 * the same bytes (the DOCX's zip entry times aside), no I/O, thread-safe, linear in the size of the draft.
 */
public final class DraftExports {

    private DraftExports() {
    }

    /**
     * A single-file HTML5 document (UTF-8) that prints on A4 like a standard: cover, table of contents, numbered text.
     * Metadata is escaped and the draft text rendered safely; the file holds no script and loads nothing.
     */
    public static byte[] html(DraftExport export) {
        return HtmlExport.write(export);
    }

    /**
     * A PDF of the HTML export laid out on A4 pages: cover, table of contents, numbered text, page numbers, bookmarks
     * for the clauses and the title as metadata. The CJK font ships in the jar and is embedded as a subset.
     */
    public static byte[] pdf(DraftExport export) {
        return PdfExport.write(export);
    }

    /** The draft's source, {@code draft.md}, byte for byte. */
    public static byte[] markdown(DraftExport export) {
        return MarkdownExport.write(export);
    }

    /** NISO STS XML (extended tag set 1.0), UTF-8; valid against the published XSD for every draft. */
    public static byte[] sts(DraftExport export) {
        return StsExport.write(export);
    }

    /**
     * A Word document (DOCX): cover, a table-of-contents field that Word fills when the file is opened, and the text
     * with numbered headings in the styles Heading 1 to Heading 6, so that Word's navigation pane shows the outline.
     */
    public static byte[] docx(DraftExport export) {
        return DocxExport.write(export);
    }

    /**
     * A redline of two versions as a Word document with tracked changes: each clause with its heading and its Markdown
     * source, insertions and deletions as Word revisions by the new version's author, so that accepting all of them
     * gives the new text and rejecting all of them the old one. Moved clauses carry a note with their old number.
     */
    public static byte[] redlineDocx(RedlineExport export) {
        return RedlineDocx.write(export);
    }

    /** A redline as one self-contained HTML file: the clause-aware redline with its insertions and deletions. */
    public static byte[] redlineHtml(RedlineExport export) {
        return RedlinePage.render(export);
    }
}
