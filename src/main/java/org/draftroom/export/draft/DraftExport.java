package org.draftroom.export.draft;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.Project;

/**
 * One version of a draft to export, with what its cover needs.
 *
 * @param project    the project: code, titles and document type for the cover and the metadata
 * @param version    the version label, e.g. the short commit id and its tags ({@code 3f2a9c1 cd-1}); may be empty
 * @param document   the draft text of that version
 * @param stage      the stage label, completion date and patent call of the cover; empty for a cover without them
 * @param language   the document's language: that of the labels the export adds (附录A（资料性）, 注1, cover labels),
 *                   never the interface language of the person exporting
 * @param exportDate the day of the export, printed on the cover; passed in so that exports are reproducible
 * @param info       ICS, CCS, year or plan number, replaced standard, issuing bodies and dates for the cover and the
 *                   metadata; its language is {@code language}
 */
public record DraftExport(Project project, String version, DraftDocument document, Optional<CoverStage> stage,
                          Language language, LocalDate exportDate, DocumentInfo info) {

    /** An export without cover details beyond code and titles. */
    public DraftExport(Project project, String version, DraftDocument document, Optional<CoverStage> stage,
                       Language language, LocalDate exportDate) {
        this(project, version, document, stage, language, exportDate, null);
    }

    public DraftExport {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(exportDate, "exportDate");
        version = version == null ? "" : version.strip();
        stage = stage == null ? Optional.empty() : stage;
        info = (info == null ? DocumentInfo.DEFAULT : info).withLanguage(language);
    }

    /** The title in the export's language, falling back to the other one when it is blank. */
    String title() {
        String zh = nullToEmpty(project.titleZh());
        String en = nullToEmpty(project.titleEn());
        if (language == Language.ZH) {
            return zh.isBlank() ? en : zh;
        }
        return en.isBlank() ? zh : en;
    }

    /** The title in the other language than the export's, for the line under the main title; may be empty. */
    String otherTitle() {
        String zh = nullToEmpty(project.titleZh());
        String en = nullToEmpty(project.titleEn());
        String other = language == Language.ZH ? en : zh;
        return other.equals(title()) ? "" : other;
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
