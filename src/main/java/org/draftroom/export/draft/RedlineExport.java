package org.draftroom.export.draft;

import java.time.LocalDate;
import java.util.Objects;

import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.Redline;

/**
 * A comparison of two versions of a draft to export as a redline.
 *
 * @param project    the project: code and titles for the title block
 * @param from       the old version
 * @param to         the new version; its author, if known, is the author of every tracked change
 * @param redline    the comparison of the two versions' texts
 * @param language   the language of the labels the export adds ("（原7.4）" / "(was 7.4)")
 * @param exportDate the day of the export: the date of every tracked change; passed in so exports are reproducible
 */
public record RedlineExport(Project project, Version from, Version to, Redline redline, Language language,
                            LocalDate exportDate) {

    /** The author name tracked changes carry when the new version's author is not known. */
    public static final String DEFAULT_AUTHOR = "Draftroom";

    public RedlineExport {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(redline, "redline");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(exportDate, "exportDate");
    }

    /**
     * A version label.
     *
     * @param label  what the reader sees, e.g. the short commit id and its tags ({@code 3f2a9c1 cd-1}); may be empty
     * @param author the name of the version's author ({@code 李明}), without e-mail address; empty if unknown
     */
    public record Version(String label, String author) {

        public Version {
            label = label == null ? "" : label.strip();
            author = author == null ? "" : author.strip();
        }

        /** A version whose author is not known. */
        public static Version of(String label) {
            return new Version(label, "");
        }
    }

    /** The author of the tracked changes: the new version's author, else {@value #DEFAULT_AUTHOR}. */
    String revisionAuthor() {
        return to.author().isEmpty() ? DEFAULT_AUTHOR : to.author();
    }
}
