package org.draftroom.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectFilter;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.export.ExportService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RestController;

/** Projects, their versions, outlines and draft text, with the same access rules as the UI. */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "projects")
class ProjectsController {

    private static final int MAX_PAGE = 500;

    static final String PROJECT_ID = "project id, e.g. gbt-35273";
    static final String REF = "tag or commit id; latest when absent";

    private final ProjectService projects;
    private final DraftService drafts;
    private final ExportService exports;

    ProjectsController(ProjectService projects, DraftService drafts, ExportService exports) {
        this.projects = projects;
        this.drafts = drafts;
        this.exports = exports;
    }

    @Schema(name = "Project")
    record ProjectJson(String id, String code, String titleZh, String titleEn, String type, String workingGroup,
                       String stage, String stageCode, String leadOrganisation, Instant updatedAt) {
        static ProjectJson of(Project p) {
            return new ProjectJson(p.id(), p.code(), p.titleZh(), p.titleEn(), p.type().name(), p.workingGroup(),
                    p.stage().key(), p.stageCode(), p.leadOrganisation(), p.updatedAt());
        }
    }

    @Schema(name = "Version")
    record VersionJson(String commitId, String author, String authorEmail, List<String> coAuthors, Instant time,
                       String message, List<String> tags) {
        static VersionJson of(VersionInfo v) {
            return new VersionJson(v.commitId(), v.authorName(), v.authorEmail(), v.coAuthors(), v.time(),
                    v.message(), v.tags());
        }
    }

    @GetMapping
    @Operation(operationId = "listProjects", summary = "Every project the caller may see")
    @ApiResponse(responseCode = "200", description = "projects")
    List<ProjectJson> list() {
        return projects.find(ProjectFilter.all()).stream().map(ProjectJson::of).toList();
    }

    @GetMapping("/{id}/versions")
    @Operation(operationId = "listVersions", summary = "Versions of a project's draft, newest first")
    @ApiResponse(responseCode = "200", description = "versions")
    List<VersionJson> versions(@PathVariable @Parameter(description = PROJECT_ID) String id,
                               @RequestParam(defaultValue = "0") int offset,
                               @RequestParam(defaultValue = "100") @Parameter(description = "at most 500") int limit) {
        return drafts.history(id, Math.max(0, offset), Math.min(Math.max(1, limit), MAX_PAGE)).stream()
                .map(VersionJson::of).toList();
    }

    @GetMapping("/{id}/outline")
    @Operation(operationId = "projectOutline", summary = "The clause tree of a version")
    @ApiResponse(responseCode = "200", description = "the outline with computed numbers")
    OutlineJson outline(@PathVariable @Parameter(description = PROJECT_ID) String id,
                        @RequestParam(required = false) @Parameter(description = REF) String ref) {
        DraftService.DraftSnapshot snapshot = drafts.open(id, ref);
        return OutlineJson.of(snapshot.version().commitId(), null, snapshot.outline());
    }

    /** The version at {@code ref} as {@code docx}, {@code html}, {@code md} or {@code sts} (NISO STS XML). */
    @GetMapping("/{id}/export")
    @Operation(operationId = "projectExport", summary = "A version as a file to download")
    @ApiResponse(responseCode = "200", ref = "#/components/responses/File")
    ResponseEntity<byte[]> export(@PathVariable @Parameter(description = PROJECT_ID) String id,
                                  @RequestParam(required = false) @Parameter(description = REF) String ref,
                                  @RequestParam @Parameter(schema = @Schema(allowableValues = {"docx", "html", "md",
                                          "pdf", "sts"})) String format, Locale locale) {
        return download(exports.export(id, ref, ExportService.Format.parse(format), locale));
    }

    private static ResponseEntity<byte[]> download(ExportService.ExportFile file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName()).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType())).body(file.content());
    }

    /** The clause-aware redline between two versions as {@code docx} (Word tracked changes) or {@code html}. */
    @GetMapping("/{id}/redline")
    @Operation(operationId = "projectRedline",
            summary = "The clause-aware redline between two versions (docx has Word tracked changes)")
    @ApiResponse(responseCode = "200", ref = "#/components/responses/File")
    ResponseEntity<byte[]> redline(@PathVariable @Parameter(description = PROJECT_ID) String id,
                                   @RequestParam @Parameter(description = "tag or commit id") String from,
                                   @RequestParam(required = false) @Parameter(description = REF) String to,
                                   @RequestParam(defaultValue = "html") @Parameter(schema = @Schema(
                                           allowableValues = {"html", "docx"})) String format, Locale locale) {
        return download(exports.redline(id, from, to, ExportService.RedlineFormat.parse(format), locale));
    }

    @GetMapping("/{id}/draft")
    @Operation(operationId = "projectDraft", summary = "The draft.md text of a version")
    @ApiResponse(responseCode = "200", description = "Markdown source",
            content = @Content(mediaType = "text/markdown", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> draft(@PathVariable @Parameter(description = PROJECT_ID) String id,
                                 @RequestParam(required = false) @Parameter(description = REF) String ref) {
        return ResponseEntity.ok().contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .body(drafts.rawDraft(id, ref));
    }
}
