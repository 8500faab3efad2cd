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

/**
 * A filled comment sheet uploaded into a round by script, with the rules of the round page's upload: the same size
 * limit, the same reader (bounded memory, a few sheets at once), the same preview and the same import rule (the
 * service's {@link SheetService#offer}): all rows, or with {@code validRowsOnly=true} the valid rows of a sheet with
 * problems.
 */
@RestController
@RequestMapping("/api/v1/rounds")
class RoundSheetsController {

    private final SheetService sheets;
    private final Messages messages;

    RoundSheetsController(SheetService sheets, Messages messages) {
        this.sheets = sheets;
        this.messages = messages;
    }

    record SheetRowJson(int rowNumber, String clause, String clauseNumber, String type, String comment,
                        String proposedChange, List<String> problems, String change, Long commentId) {
    }

    record SheetJson(String fileName, String format, boolean importable, boolean alreadyImported, int imported,
                     int validRows, int rowsWithProblems, List<SheetRowJson> rows, List<String> problems) {
    }

    /**
     * Reads the sheet ({@code file}, multipart) and answers with every row and its problems; with
     * {@code dryRun=false} also imports it when it has none, or with {@code validRowsOnly=true} its valid rows when
     * some have problems (those stay out). A file that cannot be read as a sheet at all (not a
     * sheet, damaged, encrypted, too large, too many rows) is a 400 with the reason; over the size limit a 413; while
     * as many sheets as allowed are being read, a 503 with {@code Retry-After}.
     */
    @PostMapping("/{id}/sheets")
    ResponseEntity<?> upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
                             @RequestParam(defaultValue = "true") boolean dryRun,
                             @RequestParam(defaultValue = "false") boolean validRowsOnly, HttpServletRequest request)
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
