package org.draftroom.drafts.service;

import java.util.Optional;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.data.ProjectRepository;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.StructureChecks;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.HistoryQuery;
import org.springframework.stereotype.Component;

/**
 * Reads projects and versions of their drafts WITHOUT any access check, for modules that decided access by their own
 * rules (a reviewer commenting on the frozen version of a consultation round cannot read working drafts through
 * {@link DraftService}) and for system work without a signed-in person (re-anchoring comments after a commit).
 * Never hand what it returns to someone those rules did not admit. Thread-safe.
 */
@Component
public class DraftReader {

    private final ProjectRepository projects;
    private final DraftStore store;

    DraftReader(ProjectRepository projects, DraftStore store) {
        this.projects = projects;
        this.store = store;
    }

    public Optional<Project> project(String projectId) {
        return projects.findById(projectId);
    }

    /** The latest version's commit id, empty for a project without versions. */
    public Optional<String> head(String projectId) {
        return store.head(projectId);
    }

    /**
     * The full commit id that a tag, a (possibly abbreviated) commit id, or null/blank for the latest names.
     *
     * @throws org.draftroom.base.UserFacingException if nothing has that name
     */
    public String resolve(String projectId, String ref) {
        return store.resolve(projectId, ref == null || ref.isBlank() ? HistoryQuery.MAIN : ref.trim());
    }

    /**
     * A version as a read-only snapshot (numbered, checked, never editable), e.g. a consultation round's frozen version
     * for its audience, whom {@link DraftService#open} refuses because they may not read the working drafts.
     *
     * @throws org.draftroom.base.UserFacingException if the project or the version does not exist
     */
    public DraftService.DraftSnapshot snapshot(String projectId, String commitId) {
        Project project = projects.findById(projectId)
                .orElseThrow(() -> new UserFacingException("project.not-found", projectId));
        String target = commitId == null || commitId.isBlank() ? HistoryQuery.MAIN : commitId.trim();
        VersionInfo version = Versions.info(store.history(projectId, HistoryQuery.page(0, 1).from(target)).get(0));
        DraftDocument document = document(projectId, version.commitId());
        return new DraftService.DraftSnapshot(project, version, document, NumberedOutline.of(document),
                StructureChecks.check(document), false);
    }

    /** The draft as it stood in a version (a commit id or a tag). */
    public DraftDocument document(String projectId, String commitId) {
        return DraftFormat.parse(store.readBytes(projectId, commitId, DraftStore.DRAFT_FILE).orElse(new byte[0]));
    }
}
