package org.draftroom.drafts.service;

import java.util.List;
import java.util.Locale;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.domain.DraftImporter;
import org.draftroom.drafts.domain.ImportOptions;
import org.draftroom.drafts.domain.ImportResult;
import org.springframework.stereotype.Component;

/**
 * The text upload formats known to the application, chosen by content type. Markdown ({@code text/markdown},
 * {@code text/x-markdown}, {@code text/plain}) is built in; another format that yields only a document joins by being
 * an {@link UploadFormat} bean. Word is not one: it brings figures and comments too, and is read by
 * {@link DraftService#readWord} in the UI and the API alike.
 */
@Component
public class UploadFormats {

    private final List<UploadFormat> formats;

    UploadFormats(List<UploadFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** Thrown for a content type no format reads; nothing was read or written. */
    public static class UnsupportedFormatException extends UserFacingException {
        UnsupportedFormatException(String mediaType) {
            super("draft.import.unsupported-format", mediaType);
        }
    }

    /**
     * Reads an upload in the format of its content type.
     *
     * @throws UnsupportedFormatException when no format reads it
     * @throws ImportRejectedException    listing every problem of a file that was refused
     */
    public ImportResult.Accepted read(String contentType, byte[] bytes, ImportOptions options) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        UploadFormat format = formats.stream().filter(f -> f.accepts(mediaType)).findFirst()
                .orElseThrow(() -> new UnsupportedFormatException(mediaType.isEmpty() ? "?" : mediaType));
        ImportResult result = format.read(bytes, options);
        if (result instanceof ImportResult.Rejected rejected) {
            throw new ImportRejectedException(rejected.problems());
        }
        return (ImportResult.Accepted) result;
    }

    /** Markdown, read by {@link DraftImporter}. */
    @Component
    static class Markdown implements UploadFormat {
        @Override
        public boolean accepts(String mediaType) {
            return mediaType.equals("text/markdown") || mediaType.equals("text/x-markdown")
                    || mediaType.equals("text/plain");
        }

        @Override
        public ImportResult read(byte[] bytes, ImportOptions options) {
            return DraftImporter.importMarkdown(bytes, options);
        }
    }
}
