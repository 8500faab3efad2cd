package org.draftroom.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.draftroom.export.ExportService;
import org.draftroom.export.RoundExportService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Downloads of a consultation round: the disposition table ({@code xlsx}, {@code iso-docx}, {@code cn-docx}) and the
 * submission package (ZIP), with the rules of the UI. Refusals (unknown format or round, comments still open, no
 * access) are JSON in the caller's language, see {@link ApiExceptionHandler}.
 */
@RestController
@RequestMapping("/api/v1/rounds")
@Tag(name = "rounds")
class RoundExportsController {

    private final RoundExportService exports;

    RoundExportsController(RoundExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/{id}/dispositions/export")
    @Operation(operationId = "exportDispositions",
            summary = "The disposition table as a file (refused while comments are open, naming them)")
    @ApiResponse(responseCode = "200", ref = "#/components/responses/File")
    ResponseEntity<byte[]> dispositions(@PathVariable long id,
                                        @RequestParam(defaultValue = "xlsx") @Parameter(schema = @Schema(
                                                allowableValues = {"xlsx", "iso-docx", "cn-docx"})) String format,
                                        Locale locale) {
        RoundExportService.TableFormat parsed = RoundExportService.TableFormat.parse(format);
        return download(exports.dispositionTable(id, parsed, locale));
    }

    @GetMapping("/{id}/package")
    @Operation(operationId = "submissionPackage", summary = "The submission package ZIP (staff of the round)")
    @ApiResponse(responseCode = "200", ref = "#/components/responses/File")
    ResponseEntity<byte[]> submissionPackage(@PathVariable long id,
                                             @RequestParam(required = false)
                                             @Parameter(description = ProjectsController.REF) String ref,
                                             Locale locale) {
        return download(exports.submissionPackage(id, ref, locale));
    }

    private static ResponseEntity<byte[]> download(ExportService.ExportFile file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }
}
