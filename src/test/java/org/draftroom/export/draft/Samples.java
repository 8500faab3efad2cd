package org.draftroom.export.draft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.Stage;

/** The GB/T 35273-2020 sample draft as an export input. */
final class Samples {

    static final LocalDate COMPLETED = LocalDate.of(2024, 8, 1);
    static final LocalDate EXPORTED = LocalDate.of(2024, 8, 2);

    private Samples() {
    }

    static Project project() {
        return new Project("gbt-35273", "GB/T 35273", "信息安全技术 个人信息安全规范",
                "Information security technology — Personal information security specification", DocumentType.GB_T,
                "WG7", Stage.CONSULTATION, "30.20", "CESI", Instant.parse("2024-08-01T00:00:00Z"));
    }

    static DraftDocument gbt35273() {
        try {
            return DraftFormat.parse(Files.readAllBytes(Path.of("drafts-repo/seed/gbt-35273/v2020.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample as a draft for comments, in Chinese. */
    static DraftExport forComments() {
        return new DraftExport(project(), "3f2a9c1 cd-1", gbt35273(),
                Optional.of(CoverStage.draftForComments(Language.ZH, COMPLETED)), Language.ZH, EXPORTED);
    }

    static DraftExport of(Project project, String markdown, Language language) {
        return new DraftExport(project, "", DraftFormat.parse(markdown), Optional.empty(), language, EXPORTED);
    }
}
