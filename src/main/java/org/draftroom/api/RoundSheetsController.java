package org.draftroom.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.draftroom.base.ApiError;
import org.draftroom.base.Messages;
import org.draftroom.base.UserFacingException;
import org.draftroom.rounds.domain.SheetImportOffer;
import org.draftroom.rounds.domain.SheetPreview;
import org.draftroom.rounds.service.SheetService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A filled comment sheet uploaded into a round by script, with the rules of the round page's upload: the same size
 * limit, the same reader (bounded memory, a few sheets at once), the same preview and the same import rule (the
 * service's {@link SheetService#offer}): all rows, or with {@code validRowsOnly=true} the valid rows of a sheet with
 * problems.
 */
@RestController
@RequestMapping("/api/v1/rounds")
@Tag(name = "rounds")
class RoundSheetsController {

    private final SheetService sheets;
    private final Messages messages;

    RoundSheetsController(SheetService sheets, Messages messages) {
        this.sheets = sheets;
        this.messages = messages;
    }

    @Schema(name = "SheetRow")
    record SheetRowJson(@Schema(description = "the row as Excel or Word shows it (the spreadsheet row; the Word "
                                + "table's row, header and blank rows counted)") int rowNumber,
                        @Schema(description = "as written in the sheet") String clause,
                        @Schema(description = "the clause it resolves to in the round's version") String clauseNumber,
                        @Schema(allowableValues = {"ge", "te", "ed"}) String type, String comment,
                        String proposedChange, List<String> problems,
                        @Schema(allowableValues = {"NEW", "CHANGED", "UNCHANGED"}, description = "what importing "
                                + "the row does: a row with one of the organisation's comment ids in MB/NC (as the "
                                + "downloaded sheet has it) updates or leaves that comment; a row without one adds a "
                                + "comment, unless the organisation has that very comment already") String change,
                        @Schema(nullable = true, description = "the comment the row updates or leaves")
                        Long commentId) {
    }

    @Schema(name = "SheetUpload")
    record SheetJson(String fileName,
                     @Schema(allowableValues = {"ISO_DOCX", "ISO_XLSX", "CHINESE_DOCX", "CHINESE_XLSX", "UNKNOWN"})
                     String format, boolean importable, boolean alreadyImported,
                     @Schema(description = "comments created or updated (0 for a dry run)") int imported,
                     @Schema(description = "rows without problems that add or change a comment: what an import "
                             + "(validRowsOnly=true when rowsWithProblems > 0) writes") int validRows,
                     @Schema(description = "rows with problems, never imported") int rowsWithProblems,
                     List<SheetRowJson> rows, List<String> problems) {
    }

    /**
     * Reads the sheet ({@code file}, multipart) and answers with every row and its problems; with
     * {@code dryRun=false} also imports it when it has none, or with {@code validRowsOnly=true} its valid rows when
     * some have problems (those stay out). A file that cannot be read as a sheet at all (not a
     * sheet, damaged, encrypted, too large, too many rows) is a 400 with the reason; over the size limit a 413; while
     * as many sheets as allowed are being read, a 503 with {@code Retry-After}.
     */
    @PostMapping("/{id}/sheets")
    @Operation(operationId = "uploadRoundSheet",
            summary = "Upload a filled comment sheet into the round (preview, and import with dryRun=false)",
            description = """
                    The same rules as the round page's upload: the ISO/IEC template as DOCX or XLSX, or the Chinese \
                    feedback form (XLSX, XLS or a Word table); at most `draftroom.uploads.max-sheet-size` (10 MB); \
                    read with bounded memory, a few sheets at once (one more answers 503 with Retry-After). Every \
                    row comes back with its problems. A file that cannot be read as a sheet at all (not an Office \
                    file, damaged, password-protected, a zip bomb, a part or a cell too large, too many rows) \
                    answers 400 naming the reason; nothing is imported. With `dryRun=false` a sheet without \
                    problems is imported as comments of the caller, all rows or none, once per round; a sheet with \
                    problems is refused (400), unless `validRowsOnly=true`: then its valid rows are imported and the \
                    rows with problems stay out (correct them and upload them in another file). Row numbers are the \
                    rows as Excel or Word shows them, blank rows counted.""")
    @ApiResponse(responseCode = "200", description = "the preview (dryRun)", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = SheetJson.class)))
    @ApiResponse(responseCode = "201", description = "imported (dryRun=false)", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = SheetJson.class)))
    @ApiResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @ApiResponse(responseCode = "503",
            description = "as many sheets as allowed are being read; try again after Retry-After seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(ref = "#/components/schemas/ApiError")))
    ResponseEntity<?> upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
                             @RequestParam(defaultValue = "true") boolean dryRun,
                             @RequestParam(defaultValue = "false") @Parameter(description = "with dryRun=false, "
                                     + "import the valid rows of a sheet with problems and leave the rows with "
                                     + "problems out") boolean validRowsOnly, HttpServletRequest request)
            throws IOException {
        Locale locale = Messages.supported(request.getLocale());
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "?"
                : file.getOriginalFilename();
        if (file.getSize() > sheets.maxBytes()) {
            return ResponseEntity.status(413).body(new ApiError(413, "payload_too_large",
                    messages.getTranslation("sheet.too-large", locale, name, sheets.maxBytes() / (1024 * 1024))));
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readNBytes((int) sheets.maxBytes() + 1);
        }
        SheetPreview preview;
        try {
            preview = sheets.preview(id, name, bytes);
        } catch (UserFacingException e) {
            if (!e.messageKey().equals("sheet.busy")) {
                throw e;
            }
            return ResponseEntity.status(503).header("Retry-After", "30").body(new ApiError(503, "busy",
                    messages.of(e, locale)));
        }
        List<String> fileProblems = preview.fileProblems().stream()
                .map(p -> messages.getTranslation(p.key(), locale, p.args().toArray())).toList();
        if (!fileProblems.isEmpty()) {
            return ResponseEntity.badRequest().body(new ApiError(400, "invalid_sheet", String.join(" ", fileProblems)));
        }
        SheetImportOffer offer = sheets.offer(preview);
        int imported = 0;
        if (!dryRun) {
            imported = sheets.importSheet(id, preview, validRowsOnly);
        }
        List<SheetRowJson> rows = preview.rows().stream().map(r -> new SheetRowJson(r.rowNumber(), r.clause(),
                r.clauseNumber(), r.type() == null ? null : r.type().code(), r.comment(), r.proposedChange(),
                r.problems().stream().map(p -> messages.getTranslation(p.key(), locale, p.args().toArray()))
                        .toList(), r.change().name(), r.commentId())).toList();
        return ResponseEntity.status(dryRun ? 200 : 201).body(new SheetJson(preview.fileName(), preview.format(),
                preview.importable(), preview.alreadyImported(), imported, offer.toImport(), offer.withProblems(), rows,
                fileProblems));
    }
}
