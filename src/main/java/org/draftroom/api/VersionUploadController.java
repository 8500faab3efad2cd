package org.draftroom.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.draftroom.base.ApiError;
import org.draftroom.base.Messages;
import org.draftroom.drafts.domain.ClauseMatching;
import org.draftroom.drafts.domain.DraftProblem;
import org.draftroom.drafts.domain.ImportOptions;
import org.draftroom.drafts.domain.ImportResult;
import org.draftroom.drafts.domain.NumberMismatch;
import org.draftroom.drafts.imports.DocxImporter;
import org.draftroom.drafts.imports.WordImport;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ImportRejectedException;
import org.draftroom.drafts.service.UploadFormats;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Uploads a new version of a draft as a file (Markdown or Word): its clauses are matched to the latest version's so
 * they keep their ids, and the answer reports the matching. A Word file brings its figures and comments as in the UI,
 * and lists what could not be taken over. Same rules as the upload in the UI: only editors of the project's working
 * group.
 */
@RestController
@RequestMapping("/api/v1/projects")
class VersionUploadController {

    /** The largest body read, whatever the format; each format has its own, smaller limits. */
    static final int MAX_BODY = 32 * 1024 * 1024;

    private final DraftService drafts;
    private final UploadFormats formats;
    private final Messages messages;

    VersionUploadController(DraftService drafts, UploadFormats formats, Messages messages) {
        this.drafts = drafts;
        this.formats = formats;
        this.messages = messages;
    }

    record MatchJson(String status, String id, String oldNumber, String newNumber, String oldTitle, String newTitle,
                     boolean retitled, double similarity) {
        static MatchJson of(ClauseMatching.Match m) {
            return new MatchJson(m.status().name().toLowerCase(Locale.ROOT), m.id(), m.oldNumber(), m.newNumber(),
                    m.oldTitle(), m.newTitle(), m.retitled(), m.similarity());
        }
    }

    record MismatchJson(String id, String title, String typedNumber, String computedNumber) {
        static MismatchJson of(NumberMismatch m) {
            return new MismatchJson(m.id(), m.title(), m.typed(), m.computed());
        }
    }

    record ProblemJson(int line, String key, String message) {
    }

    /** Something of a Word file the draft could not hold as it was, with its place. */
    record UnmappedJson(String kind, String clauseId, String place, String message) {
    }

    record UploadJson(String versionId, String baseVersionId, boolean dryRun, boolean changed, boolean merged,
                      Map<String, Long> counts, List<MatchJson> clauses, List<MismatchJson> numberMismatches,
                      boolean typedIntroduction, List<ProblemJson> warnings, Integer figures, Integer wordComments,
                      List<UnmappedJson> unmapped) {
    }

    /** The media type of a Word (DOCX) upload. */
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    record RejectedJson(int status, String error, String message, List<ProblemJson> problems) {
    }

    @PostMapping("/{id}/versions")
    ResponseEntity<UploadJson> upload(@PathVariable String id, @RequestParam(required = false) String message,
                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestParam(defaultValue = "unnumbered") String introduction,
                                      @RequestParam(required = false) String trackedChanges,
                                      HttpServletRequest request) throws IOException {
        if (!dryRun && (message == null || message.isBlank())) {
            throw new org.draftroom.base.UserFacingException("draft.save.message-required");
        }
        if (!introduction.equals("numbered") && !introduction.equals("unnumbered")) {
            throw new org.springframework.web.method.annotation.MethodArgumentTypeMismatchException(introduction,
                    String.class, "introduction", null, null);
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new org.draftroom.base.UserFacingException("draft.import.body-too-large", body.length, MAX_BODY);
        }
        String mediaType = request.getContentType() == null ? ""
                : request.getContentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (mediaType.equals(DOCX)) {
            return word(id, body, message, dryRun, trackedChanges, request);
        }
        ImportResult.Accepted upload = formats.read(request.getContentType(), body,
                new ImportOptions(introduction.equals("numbered")).forNewVersion());
        DraftService.ImportPreview preview = drafts.previewVersion(id, upload);
        DraftService.SaveResult saved = dryRun ? null : drafts.importVersion(preview, message);
        Locale locale = Messages.supported(request.getLocale());
        return answer(preview, saved, upload.numberMismatches().stream().map(MismatchJson::of).toList(),
                upload.typedIntroduction(), upload.warnings().stream().map(p -> problem(p, locale)).toList(), null,
                null, null);
    }

    /** The answer to an upload, a dry run ({@code saved} null) or a saved version, Markdown or Word. */
    private static ResponseEntity<UploadJson> answer(DraftService.ImportPreview preview, DraftService.SaveResult saved,
                                                     List<MismatchJson> mismatches, boolean typedIntroduction,
                                                     List<ProblemJson> warnings, Integer figures,
                                                     Integer wordComments, List<UnmappedJson> unmapped) {
        ClauseMatching matching = preview.matching();
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (ClauseMatching.Status s : ClauseMatching.Status.values()) {
            counts.put(s.name().toLowerCase(Locale.ROOT), matching.count(s));
        }
        boolean dryRun = saved == null;
        UploadJson json = new UploadJson(dryRun ? null : saved.version().commitId(), preview.baseCommitId(), dryRun,
                !dryRun && saved.changed(), !dryRun && saved.merged(), counts,
                matching.matches().stream().map(MatchJson::of).toList(), mismatches, typedIntroduction, warnings,
                figures, wordComments, unmapped);
        return ResponseEntity.status(dryRun ? 200 : 201).body(json);
    }

    /**
     * A Word file: tracked changes are taken as {@code trackedChanges} says ({@code accepted} or {@code original});
     * a file with tracked changes and no choice is refused, as the UI asks before importing one.
     */
    private ResponseEntity<UploadJson> word(String id, byte[] body, String message, boolean dryRun,
                                            String trackedChanges, HttpServletRequest request) {
        if (trackedChanges != null && !trackedChanges.equals("accepted") && !trackedChanges.equals("original")) {
            throw new org.springframework.web.method.annotation.MethodArgumentTypeMismatchException(trackedChanges,
                    String.class, "trackedChanges", null, null);
        }
        WordImport word = DraftService.readWord(body, "original".equals(trackedChanges)
                ? DocxImporter.TrackedChanges.ORIGINAL : DocxImporter.TrackedChanges.ACCEPTED);
        if (word.trackedChanges() && trackedChanges == null) {
            throw new org.draftroom.base.UserFacingException("api.versions.tracked-choice");
        }
        DraftService.ImportPreview preview = drafts.previewWordVersion(id, word);
        DraftService.SaveResult saved = dryRun ? null : drafts.importWordVersion(id, word, message);
        Locale locale = Messages.supported(request.getLocale());
        return answer(preview, saved, List.of(), false, word.warnings().stream().map(p -> problem(p, locale)).toList(),
                word.figures().size(), word.comments().size(), word.unmapped().stream().map(u -> new UnmappedJson(
                        u.kind(), u.clauseId(), u.place(), messages.getTranslation("draft.word.unmapped." + u.kind(),
                                locale, u.detail()))).toList());
    }

    private ProblemJson problem(DraftProblem p, Locale locale) {
        return new ProblemJson(p.line(), p.key(), messages.getTranslation(p.key(), locale, p.args().toArray()));
    }

    /** A refused file: every problem, with its line. */
    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<RejectedJson> rejected(ImportRejectedException e, HttpServletRequest request) {
        Locale locale = Messages.supported(request.getLocale());
        return ResponseEntity.status(400).body(new RejectedJson(400, "invalid_request", messages.of(e, locale),
                e.problems().stream().map(p -> problem(p, locale)).toList()));
    }

    /** No reader for the body's content type. */
    @ExceptionHandler(UploadFormats.UnsupportedFormatException.class)
    ResponseEntity<ApiError> unsupported(UploadFormats.UnsupportedFormatException e, HttpServletRequest request) {
        return ResponseEntity.status(415).body(new ApiError(415, "unsupported_media_type",
                messages.of(e, Messages.supported(request.getLocale()))));
    }
}
