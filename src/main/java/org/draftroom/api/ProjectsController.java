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
import org.springframework.web.bind.annotation.RestController;

/** Projects, their versions, outlines and draft text, with the same access rules as the UI. */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectsController {

    private static final int MAX_PAGE = 500;

    private final ProjectService projects;
    private final DraftService drafts;
    private final ExportService exports;

    ProjectsController(ProjectService projects, DraftService drafts, ExportService exports) {
        this.projects = projects;
        this.drafts = drafts;
        this.exports = exports;
    }

    record ProjectJson(String id, String code, String titleZh, String titleEn, String type, String workingGroup,
                       String stage, String stageCode, String leadOrganisation, Instant updatedAt) {
        static ProjectJson of(Project p) {
            return new ProjectJson(p.id(), p.code(), p.titleZh(), p.titleEn(), p.type().name(), p.workingGroup(),
                    p.stage().key(), p.stageCode(), p.leadOrganisation(), p.updatedAt());
        }
    }

    record VersionJson(String commitId, String author, String authorEmail, List<String> coAuthors, Instant time,
                       String message, List<String> tags) {
        static VersionJson of(VersionInfo v) {
            return new VersionJson(v.commitId(), v.authorName(), v.authorEmail(), v.coAuthors(), v.time(),
                    v.message(), v.tags());
        }
    }

    @GetMapping
    List<ProjectJson> list() {
        return projects.find(ProjectFilter.all()).stream().map(ProjectJson::of).toList();
    }

    @GetMapping("/{id}/versions")
    List<VersionJson> versions(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
                               @RequestParam(defaultValue = "100") int limit) {
        return drafts.history(id, Math.max(0, offset), Math.min(Math.max(1, limit), MAX_PAGE)).stream()
                .map(VersionJson::of).toList();
    }

    @GetMapping("/{id}/outline")
    OutlineJson outline(@PathVariable String id, @RequestParam(required = false) String ref) {
        DraftService.DraftSnapshot snapshot = drafts.open(id, ref);
        return OutlineJson.of(snapshot.version().commitId(), null, snapshot.outline());
    }

    /** The version at {@code ref} as {@code docx}, {@code html}, {@code md} or {@code sts} (NISO STS XML). */
    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(required = false) String ref,
                                  @RequestParam String format, Locale locale) {
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
    ResponseEntity<byte[]> redline(@PathVariable String id, @RequestParam String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(defaultValue = "html") String format, Locale locale) {
        return download(exports.redline(id, from, to, ExportService.RedlineFormat.parse(format), locale));
    }

    @GetMapping("/{id}/draft")
    ResponseEntity<byte[]> draft(@PathVariable String id, @RequestParam(required = false) String ref) {
        return ResponseEntity.ok().contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .body(drafts.rawDraft(id, ref));
    }
}
