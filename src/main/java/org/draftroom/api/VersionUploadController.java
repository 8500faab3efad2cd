package org.draftroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "projects")
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

    @Schema(name = "ClauseMatch")
    record MatchJson(@Schema(allowableValues = {"kept", "moved", "new", "deleted"}) String status, String id,
                     String oldNumber, String newNumber, String oldTitle, String newTitle,
                     boolean retitled, double similarity) {
        static MatchJson of(ClauseMatching.Match m) {
            return new MatchJson(m.status().name().toLowerCase(Locale.ROOT), m.id(), m.oldNumber(), m.newNumber(),
                    m.oldTitle(), m.newTitle(), m.retitled(), m.similarity());
        }
    }

    @Schema(name = "NumberMismatch")
    record MismatchJson(String id, String title, String typedNumber, String computedNumber) {
        static MismatchJson of(NumberMismatch m) {
            return new MismatchJson(m.id(), m.title(), m.typed(), m.computed());
        }
    }

    @Schema(name = "UploadProblem")
    record ProblemJson(int line, String key, String message) {
    }

    /** Something of a Word file the draft could not hold as it was, with its place. */
    @Schema(name = "Unmapped")
    record UnmappedJson(String kind, String clauseId, String place, String message) {
    }

    @Schema(name = "VersionUpload")
    record UploadJson(@Schema(nullable = true, description = "commit id of the new version; null on a dry run")
                      String versionId,
                      @Schema(description = "the version the upload was matched against") String baseVersionId,
                      boolean dryRun, boolean changed,
                      @Schema(description = "someone saved in between and both edits were merged") boolean merged,
                      @Schema(description = "clauses per status: kept, moved, new, deleted") Map<String, Long> counts,
                      List<MatchJson> clauses, List<MismatchJson> numberMismatches, boolean typedIntroduction,
                      List<ProblemJson> warnings,
                      @Schema(nullable = true, description = "Word: images kept as figures") Integer figures,
                      @Schema(nullable = true, description = "Word: comments that become draft comments")
                      Integer wordComments,
                      @Schema(nullable = true, description = "Word: what the draft cannot hold as it was, with its "
                              + "place") List<UnmappedJson> unmapped) {
    }

    /** The media type of a Word (DOCX) upload. */
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Schema(name = "RejectedUpload")
    record RejectedJson(@Schema(example = "400") int status, String error, String message,
                        List<ProblemJson> problems) {
    }

    @PostMapping("/{id}/versions")
    @Operation(operationId = "uploadVersion",
            summary = "Upload a new version as a file; its clauses keep their ids by matching",
            description = """
                    The body is the whole draft: Markdown (`text/markdown`; plain Markdown without `{#id}` is fine) \
                    or Word (`application/vnd.openxmlformats-officedocument.wordprocessingml.document`; its figures \
                    and comments come with it as in the UI, what cannot be taken over is listed in `unmapped`, and a \
                    file with tracked changes needs `trackedChanges`). At most 32 MB; each format has its own, \
                    smaller limits.
                    The clauses are matched to the latest version's (text, title, subclauses, position, parent; an \
                    optimal assignment), matched clauses keep their ids and comments, new clauses get new ids. The \
                    answer lists every clause as kept, moved, new or deleted with its old and new number, and every \
                    typed number that differs from the number GB/T 1.1 gives (the draft is never silently \
                    renumbered: `introduction=numbered` keeps a typed "1 Introduction" as clause 1). With \
                    `dryRun=true` nothing is written. Editors of the project's working group only.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
                    @Content(mediaType = DOCX, schema = @Schema(type = "string", format = "binary"))}))
    @ApiResponse(responseCode = "201",
            description = "the version was created (or, when the text is unchanged, `changed` is false)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadJson.class)))
    @ApiResponse(responseCode = "200", description = "dry run, nothing written",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadJson.class)))
    @ApiResponse(responseCode = "400",
            description = "the file was refused; every problem is listed with its line, nothing was written",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = RejectedJson.class)))
    @ApiResponse(responseCode = "415", description = "no reader for the body's Content-Type (neither Markdown nor "
            + "DOCX)", content = @Content(mediaType = "application/json",
                    schema = @Schema(ref = "#/components/schemas/ApiError")))
    ResponseEntity<UploadJson> upload(@PathVariable @Parameter(description = ProjectsController.PROJECT_ID) String id,
                                      @RequestParam(required = false) @Parameter(description = "what changed "
                                              + "(required unless dryRun)", schema = @Schema(type = "string",
                                              maxLength = 2000)) String message,
                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestParam(defaultValue = "unnumbered") @Parameter(description = "a heading "
                                              + "typed '1 Introduction' / '1 引言' is the unnumbered 引言 or "
                                              + "numbered clause 1", schema = @Schema(type = "string",
                                              defaultValue = "unnumbered",
                                              allowableValues = {"unnumbered", "numbered"})) String introduction,
                                      @RequestParam(required = false) @Parameter(description = "Word only: import "
                                              + "the text with all tracked changes accepted, or as before them "
                                              + "(required when the file has tracked changes)", schema = @Schema(
                                              type = "string", allowableValues = {"accepted", "original"}))
                                      String trackedChanges,
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
