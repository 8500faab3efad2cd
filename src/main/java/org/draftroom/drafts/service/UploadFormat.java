package org.draftroom.drafts.service;

import org.draftroom.drafts.domain.ImportOptions;
import org.draftroom.drafts.domain.ImportResult;

/**
 * A file format a new version can be uploaded in. Each format is a Spring bean; {@link UploadFormats} picks the one
 * that accepts the upload's content type. A reader returns the draft with the ids it made up marked as generated
 * ({@link ImportResult.Accepted#generatedIds()}), so that {@link DraftService#previewVersion(String,
 * ImportResult.Accepted)} can give matched clauses their old ids.
 */
public interface UploadFormat {

    /** Whether this format reads files of this media type ({@code text/markdown}, parameters stripped). */
    boolean accepts(String mediaType);

    /** Reads an upload: the draft, or every reason it was refused. Never writes anything. */
    ImportResult read(byte[] bytes, ImportOptions options);
}
