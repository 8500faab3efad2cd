package org.draftroom.export.draft;

/** A draft as its source, {@code draft.md}: the exact bytes of the version, byte order mark and line endings kept. */
final class MarkdownExport {

    private MarkdownExport() {
    }

    static byte[] write(DraftExport export) {
        return export.document().toBytes();
    }
}
