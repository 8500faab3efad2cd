package org.draftroom.base;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the files people upload, enforced on the server for every way in (the browser's upload fields and the
 * API). The container's own multipart limit ({@code spring.servlet.multipart.max-file-size}) is set a little above
 * the largest of them, so that a too-large upload is refused here, with a message naming the limit.
 *
 * @param maxSheetSize       largest comment sheet (DOCX, XLSX, XLS) uploaded into a round (default 10MB; the sheet
 *                           reader itself refuses more than 10 MB)
 * @param maxMarkdownSize    largest Markdown draft uploaded to create a project or a version (default 2MB; the draft
 *                           importer itself refuses more than 2 MB)
 * @param parallelSheetReads how many comment sheets are read at once; one more is refused with "try again" (default 2)
 */
@ConfigurationProperties("draftroom.uploads")
public record UploadProperties(
        @DefaultValue("10MB") DataSize maxSheetSize,
        @DefaultValue("2MB") DataSize maxMarkdownSize,
        @DefaultValue("2") int parallelSheetReads) {

    /** A size in whole megabytes, for messages. */
    public static long megabytes(DataSize size) {
        return Math.max(1, size.toMegabytes());
    }
}
