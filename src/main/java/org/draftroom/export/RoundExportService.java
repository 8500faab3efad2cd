package org.draftroom.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.Messages;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.domain.Comment;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.export.draft.CoverStage;
import org.draftroom.export.draft.DraftExport;
import org.draftroom.export.draft.DraftExports;
import org.draftroom.export.draft.RedlineExport;
import org.draftroom.rounds.domain.DispositionRecord;
import org.draftroom.rounds.domain.DispositionRow;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.sheets.ChineseDispositionDocx;
import org.draftroom.sheets.DispositionTableRow;
import org.draftroom.sheets.DispositionTableWriter;
import org.draftroom.sheets.IsoTemplateWriter;
import org.draftroom.sheets.SheetHeader;
import org.draftroom.sheets.SheetRow;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The files the secretariat hands on after a consultation round: the comment-disposition table (XLSX, the filled
 * ISO/IEC 2012-03 template, the Chinese 意见汇总处理表 as DOCX) and the submission package (a ZIP with the 送审稿 as DOCX
 * and PDF, the disposition tables and the redline against the consultation draft).
 *
 * <p>Access follows the rounds module: the disposition table is read through {@link DispositionService#rows}, so the
 * secretariat, administrators and the working group's editors get it at any time, reviewers only after publication
 * and only what they may see. The package holds working drafts, so only staff of the round get it. A table is never
 * written while a comment has no disposition: the refusal names the open comments. Every file is built completely in
 * memory before it is handed out (the XLSX streams its rows through a temporary file that POI deletes), so a failed
 * export leaves nothing half-written; a package larger than {@value #MAX_PACKAGE_BYTES} bytes is refused.
 */
@Service
public class RoundExportService {

    /** The formats of the disposition table. */
    public enum TableFormat {
        XLSX("xlsx", "dispositions", "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ISO_DOCX("iso-docx", "dispositions-iso", "docx", ExportService.Format.DOCX.contentType()),
        CN_DOCX("cn-docx", "disposition-table-cn", "docx", ExportService.Format.DOCX.contentType());

        private final String code;
        private final String fileStem;
        private final String extension;
        private final String contentType;

        TableFormat(String code, String fileStem, String extension, String contentType) {
            this.code = code;
            this.fileStem = fileStem;
            this.extension = extension;
            this.contentType = contentType;
        }

        /** The name the API and the UI use: {@code xlsx}, {@code iso-docx}, {@code cn-docx}. */
        public String code() {
            return code;
        }

        /** Parses a format name; an unknown one is refused with the list of known names. */
        public static TableFormat parse(String name) {
            String wanted = String.valueOf(name).trim();
            return Arrays.stream(values()).filter(f -> f.code.equalsIgnoreCase(wanted)).findFirst()
                    .orElseThrow(() -> new UserFacingException("export.format.unknown", wanted,
                            Arrays.stream(values()).map(TableFormat::code).collect(Collectors.joining(", "))));
        }
    }

    /** The largest package built; a draft that makes a larger one is refused instead of exhausting the heap. */
    public static final int MAX_PACKAGE_BYTES = 200 * 1024 * 1024;
    /** How many open comments a refusal names before "…". */
    static final int OPEN_LISTED = 30;

    private final RoundService rounds;
    private final DispositionService dispositions;
    private final DraftService drafts;
    private final Messages messages;
    private final DraftroomProperties properties;
    private final Clock clock;

    RoundExportService(RoundService rounds, DispositionService dispositions, DraftService drafts, Messages messages,
                       DraftroomProperties properties, Clock clock) {
        this.rounds = rounds;
        this.dispositions = dispositions;
        this.drafts = drafts;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether the signed-in person may download the disposition table now (staff, or anybody after publication
     * who may see the round); the service checks again on download. */
    @PreAuthorize("isAuthenticated()")
    public boolean mayDownloadTable(long roundId) {
        Round round = rounds.get(roundId);
        return round.publishedAt() != null || dispositions.isStaff(roundId);
    }

    /** Whether the signed-in person may download the submission package (staff of the round). */
    @PreAuthorize("isAuthenticated()")
    public boolean mayDownloadPackage(long roundId) {
        rounds.get(roundId);
        return dispositions.isStaff(roundId);
    }

    /**
     * The disposition table of the round in the format; labels (column titles, dispositions, "General", "deleted") in
     * the locale's language, except the Chinese 意见汇总处理表, which is always Chinese.
     *
     * @throws UserFacingException {@code round.not-found}, {@code dispositions.not-published} (a reviewer before
     *     publication), {@code export.dispositions.open} naming the comments without disposition,
     *     {@code export.dispositions.empty} for a round without comments
     */
    @PreAuthorize("isAuthenticated()")
    public ExportService.ExportFile dispositionTable(long roundId, TableFormat format, Locale locale) {
        Round round = rounds.get(roundId);
        Locale language = format == TableFormat.CN_DOCX ? Messages.CHINESE : Messages.supported(locale);
        List<DispositionTableRow> rows = decidedRows(round, language);
        byte[] content = inMemory(out -> writeTable(round, rows, format, language, out));
        return new ExportService.ExportFile(fileName(round.projectCode(), format.fileStem + "-round-" + round.number(),
                today(), format.extension), format.contentType, content);
    }

    /**
     * The submission package: the draft for review ({@code ref}: a tag or commit id, null for the latest version) as
     * DOCX and PDF with the 送审稿 cover, the disposition table as XLSX and as the Chinese DOCX, and the redline from the
     * round's frozen version to the draft for review as Word with tracked changes and as HTML.
     */
    @PreAuthorize("isAuthenticated()")
    public ExportService.ExportFile submissionPackage(long roundId, String ref, Locale locale) {
        Round round = rounds.get(roundId);
        if (!dispositions.isStaff(roundId)) {
            throw new AccessDeniedException("not staff of round " + roundId);
        }
        Locale labels = Messages.supported(locale);
        List<DispositionTableRow> table = decidedRows(round, labels);
        List<DispositionTableRow> chinese = Messages.CHINESE.equals(labels) ? table
                : decidedRows(round, Messages.CHINESE);
        DraftService.DraftSnapshot review = drafts.open(round.projectId(), ref);
        // The draft and its redline are in the document's language, whatever the secretariat's interface language.
        Language language = review.language();
        LocalDate today = today();
        VersionInfo version = review.version();
        LocalDate completed = version.time().atZone(properties.timeZone()).toLocalDate();
        DraftExport draft = new DraftExport(review.project(), label(version), review.document(),
                Optional.of(CoverStage.draftForReview(language, completed)), language, today, review.info());
        DraftService.Comparison comparison = drafts.compare(round.projectId(), round.commitId(), version.commitId());
        RedlineExport redline = new RedlineExport(review.project(), redlineVersion(comparison.from()),
                redlineVersion(comparison.to()), comparison.redline(), language, today);
        String code = round.projectCode();
        String reviewStem = language.code() + "_draft-for-review";
        byte[] zip = inMemory(out -> {
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                entry(z, fileName(code, reviewStem, today, "docx"), DraftExports.docx(draft));
                entry(z, fileName(code, reviewStem, today, "pdf"), DraftExports.pdf(draft));
                entry(z, fileName(code, "dispositions-round-" + round.number(), today, "xlsx"),
                        inMemory(o -> writeTable(round, table, TableFormat.XLSX, labels, o)));
                entry(z, fileName(code, "disposition-table-cn-round-" + round.number(), today, "docx"),
                        inMemory(o -> writeTable(round, chinese, TableFormat.CN_DOCX, Messages.CHINESE, o)));
                String redlineStem = "redline-" + safe(round.tagName()) + "-to-review";
                entry(z, fileName(code, redlineStem, today, "docx"), DraftExports.redlineDocx(redline));
                entry(z, fileName(code, redlineStem, today, "html"), DraftExports.redlineHtml(redline));
            }
        });
        return new ExportService.ExportFile(fileName(code, "submission-package", today, "zip"), "application/zip",
                zip);
    }

    /** The table's rows, refusing a round with comments still open (named) or with no comments at all. */
    private List<DispositionTableRow> decidedRows(Round round, Locale locale) {
        List<DispositionRow> rows = dispositions.rows(round.id());
        if (rows.isEmpty()) {
            throw new UserFacingException("export.dispositions.empty", round.title());
        }
        List<String> open = rows.stream().filter(r -> r.disposition().disposition() == null)
                .map(r -> r.comment().readableId()).toList();
        if (!open.isEmpty()) {
            String listed = String.join(", ", open.subList(0, Math.min(OPEN_LISTED, open.size())))
                    + (open.size() > OPEN_LISTED ? ", …" : "");
            throw new UserFacingException("export.dispositions.open", open.size(), listed);
        }
        String general = messages.getTranslation("export.dispositions.general", locale);
        String deleted = messages.getTranslation("export.dispositions.deleted", locale);
        List<DispositionTableRow> out = new ArrayList<>(rows.size());
        for (DispositionRow r : rows) {
            Comment c = r.comment();
            DispositionRecord d = r.disposition();
            String then = r.clauseNumber().isEmpty() ? general : r.clauseNumber();
            out.add(new DispositionTableRow(c.readableId(), c.organisationCode() == null ? c.authorName()
                    : c.organisationCode(), then, clauseNow(c, then, general, deleted), c.type().code(), c.body(),
                    c.proposedChange(), messages.getTranslation(d.disposition().name().equals("NOTED")
                            ? "disposition.noted.export" : d.disposition().labelKey(), locale), d.reason(),
                    shortId(d.appliedCommitId() != null ? d.appliedCommitId() : c.appliedCommitId()),
                    c.lineNumber(), c.location()));
        }
        return out;
    }

    /** Where the comment stands in the latest version the re-anchoring has seen. */
    private static String clauseNow(Comment c, String then, String general, String deleted) {
        Placement now = c.placement();
        if (now == null) {
            return then;
        }
        if (now.status() == Placement.Status.ORPHANED) {
            return deleted;
        }
        return now.isGeneral() || now.clauseNumber().isEmpty() ? general : now.clauseNumber();
    }

    private void writeTable(Round round, List<DispositionTableRow> rows, TableFormat format, Locale locale,
                            OutputStream out) throws IOException {
        switch (format) {
            case XLSX -> DispositionTableWriter.write(rows, locale, out);
            case CN_DOCX -> ChineseDispositionDocx.write(standardName(round), rows, out);
            case ISO_DOCX -> {
                List<SheetRow> sheet = new ArrayList<>(rows.size());
                int n = 1;
                for (DispositionTableRow d : rows) {
                    String observations = d.reason().isBlank() ? d.disposition()
                            : d.disposition() + "\n" + d.reason();
                    sheet.add(new SheetRow(n++, d.id(), d.clauseThen(), d.location(), d.type(), d.comment(),
                            d.proposedChange(), observations, d.lineNumber()));
                }
                IsoTemplateWriter.write(new SheetHeader(today().toString(), round.title(), round.projectCode()),
                        sheet, out);
            }
        }
    }

    /** "GB/T 35273 信息安全技术 个人信息安全规范" for the line under the title of the 意见汇总处理表. */
    private String standardName(Round round) {
        org.draftroom.drafts.domain.Project project = rounds.frozenDraft(round.id()).project();
        String title = project.titleZh() == null || project.titleZh().isBlank() ? project.titleEn()
                : project.titleZh();
        return (project.code() + " " + (title == null ? "" : title)).strip();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.timeZone()));
    }

    interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /** The bytes a writer produces, refused beyond {@link #MAX_PACKAGE_BYTES}. */
    static byte[] inMemory(Writing writing) {
        BoundedBuffer buffer = new BoundedBuffer();
        try {
            writing.to(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static final class BoundedBuffer extends ByteArrayOutputStream {
        BoundedBuffer() {
            super(64 * 1024);
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        private void check(int more) {
            if ((long) count + more > MAX_PACKAGE_BYTES) {
                throw new UserFacingException("export.too-large", MAX_PACKAGE_BYTES / (1024 * 1024));
            }
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String label(VersionInfo v) {
        return (v.shortId() + " " + String.join(" ", v.tags())).trim();
    }

    private static RedlineExport.Version redlineVersion(VersionInfo v) {
        return new RedlineExport.Version(label(v), v.authorName());
    }

    private static String shortId(String commit) {
        return commit == null ? "" : commit.substring(0, Math.min(10, commit.length()));
    }

    private static String safe(String s) {
        return String.valueOf(s).replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^_+|_+$", "");
    }

    /** "GB_T_35273_draft-for-review_2026-11-28.pdf": project code, what the file is, the day, the extension. */
    static String fileName(String projectCode, String what, LocalDate day, String extension) {
        return safe(projectCode) + "_" + what + "_" + day + "." + extension;
    }
}
