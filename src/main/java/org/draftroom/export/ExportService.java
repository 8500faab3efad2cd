package org.draftroom.export;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.export.draft.CoverStage;
import org.draftroom.export.draft.DraftExport;
import org.draftroom.export.draft.DraftExports;
import org.draftroom.export.draft.RedlineExport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Downloads of a version of a draft as Word, PDF, single-file HTML, Markdown or NISO STS XML, for whoever may read the
 * draft. Consultation and review drafts get their cover label (征求意见稿, 送审稿), the version's date as completion date,
 * and the call to disclose patents.
 */
@Service
public class ExportService {

    /** The formats of a consolidated draft. */
    public enum Format {
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DraftExports::docx),
        HTML("html", "text/html;charset=UTF-8", DraftExports::html),
        MD("md", "text/markdown;charset=UTF-8", DraftExports::markdown),
        PDF("pdf", "application/pdf", DraftExports::pdf),
        STS("xml", "application/xml", DraftExports::sts);

        private final String extension;
        private final String contentType;
        private final Function<DraftExport, byte[]> writer;

        Format(String extension, String contentType, Function<DraftExport, byte[]> writer) {
            this.extension = extension;
            this.contentType = contentType;
            this.writer = writer;
        }

        public String contentType() {
            return contentType;
        }

        /** Parses a format name as the API and the UI name it ({@code docx}, {@code html}, {@code md}, {@code pdf},
         * {@code sts}). */
        public static Format parse(String name) {
            return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(String.valueOf(name).trim()))
                    .findFirst().orElseThrow(() -> new UserFacingException("export.format.unknown", String.valueOf(name),
                            Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", "))));
        }
    }

    /** The formats of a redline between two versions. */
    public enum RedlineFormat {
        /** Word with real tracked changes that "accept" and "reject" work on. */
        DOCX("docx", Format.DOCX.contentType, DraftExports::redlineDocx),
        HTML("html", Format.HTML.contentType, DraftExports::redlineHtml);

        private final String extension;
        private final String contentType;
        private final Function<RedlineExport, byte[]> writer;

        RedlineFormat(String extension, String contentType, Function<RedlineExport, byte[]> writer) {
            this.extension = extension;
            this.contentType = contentType;
            this.writer = writer;
        }

        public String contentType() {
            return contentType;
        }

        public static RedlineFormat parse(String name) {
            return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(String.valueOf(name).trim()))
                    .findFirst().orElseThrow(() -> new UserFacingException("export.format.unknown", String.valueOf(name),
                            "docx, html"));
        }
    }

    /** A file to hand to the person. */
    public record ExportFile(String fileName, String contentType, byte[] content) {
    }

    /**
     * What an export's bytes depend on: the version (a commit id names its draft text and {@code project.yaml}) and
     * everything else {@link DraftExport} holds, so a new tag, a stage change, a new day or changed settings make a new
     * entry and never give an old file.
     */
    private record Rendered(Format format, String commitId, Project project, String label, Optional<CoverStage> cover,
                            Language language, LocalDate day, DocumentInfo info) {
    }

    private final RenderedFiles<Rendered> rendered = new RenderedFiles<>(CACHE_BYTES);

    /** At most this many bytes of rendered files are kept (about 40 PDFs of the 312,000-character sample). */
    private static final long CACHE_BYTES = 32L << 20;

    private final DraftService drafts;
    private final DraftroomProperties properties;
    private final Clock clock;

    ExportService(DraftService drafts, DraftroomProperties properties, Clock clock) {
        this.drafts = drafts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The draft at {@code ref} (a tag, a commit id, or null for the latest) in the format. Its labels and cover are in
     * the document's language (the project's setting); {@code locale}, the interface language, changes nothing in it.
     */
    @PreAuthorize("@access.canReadDrafts()")
    public ExportFile export(String projectId, String ref, Format format, Locale locale) {
        DraftService.DraftSnapshot snapshot = drafts.open(projectId, ref);
        Language language = snapshot.language();
        VersionInfo version = snapshot.version();
        LocalDate versionDay = version.time().atZone(properties.timeZone()).toLocalDate();
        DraftExport export = new DraftExport(snapshot.project(),
                (version.shortId() + " " + String.join(" ", version.tags())).trim(), snapshot.document(),
                cover(snapshot.project(), language, versionDay), language, LocalDate.now(clock.withZone(properties.timeZone())),
                snapshot.info());
        byte[] content = rendered.get(new Rendered(format, version.commitId(), export.project(), export.version(),
                export.stage(), language, export.exportDate(), export.info()), () -> format.writer.apply(export));
        return new ExportFile(fileName(snapshot.project(), version, language, format), format.contentType, content);
    }

    /** Forgets the rendered files kept per version (benchmarks measure the rendering with it). */
    public void clearCache() {
        rendered.clear();
    }

    /** The redline from one version to another (tags, commit ids; null {@code toRef} for the latest). */
    @PreAuthorize("@access.canReadDrafts()")
    public ExportFile redline(String projectId, String fromRef, String toRef, RedlineFormat format, Locale locale) {
        DraftService.Comparison comparison = drafts.compare(projectId, fromRef, toRef);
        DraftService.DraftSnapshot to = drafts.open(projectId, comparison.to().commitId());
        Project project = to.project();
        RedlineExport export = new RedlineExport(project, version(comparison.from()), version(comparison.to()),
                comparison.redline(), to.language(), LocalDate.now(clock.withZone(properties.timeZone())));
        String code = project.code().replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^_+|_+$", "");
        return new ExportFile(code + "-" + to.language().code() + "-redline-" + comparison.from().shortId() + "-"
                + comparison.to().shortId() + "." + format.extension, format.contentType, format.writer.apply(export));
    }

    private static RedlineExport.Version version(VersionInfo v) {
        return new RedlineExport.Version((v.shortId() + " " + String.join(" ", v.tags())).trim(), v.authorName());
    }

    private static Optional<CoverStage> cover(Project project, Language language, LocalDate completed) {
        return switch (project.stage()) {
            case CONSULTATION -> Optional.of(CoverStage.draftForComments(language, completed));
            case REVIEW -> Optional.of(CoverStage.draftForReview(language, completed));
            case APPROVAL -> Optional.of(CoverStage.draftForApproval(language, completed));
            default -> Optional.empty();
        };
    }

    /**
     * The download's file name: the code made safe for file systems, the document language, the kind of draft the
     * stage makes (as its cover names it), the short version id and the format's extension, e.g.
     * {@code GB_T_35273-zh-draft-for-comments-3f2a9c1.pdf}.
     */
    public static String fileName(Project project, VersionInfo version, Language language, Format format) {
        String code = project.code().replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^_+|_+$", "");
        return code + "-" + language.code() + "-" + stageName(project.stage()) + "-" + version.shortId() + "."
                + format.extension;
    }

    /** What a draft of the stage is called, in file names: {@code draft-for-comments}, {@code working-draft} …. */
    static String stageName(Stage stage) {
        return switch (stage) {
            case PRELIMINARY, PROJECT_APPROVAL -> "proposal";
            case DRAFTING -> "working-draft";
            case CONSULTATION -> "draft-for-comments";
            case REVIEW -> "draft-for-review";
            case APPROVAL -> "draft-for-approval";
            case PUBLICATION, PERIODIC_REVIEW -> "standard";
            case WITHDRAWAL -> "withdrawn";
        };
    }
}
