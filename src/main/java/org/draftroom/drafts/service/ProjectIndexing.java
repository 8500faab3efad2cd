package org.draftroom.drafts.service;

import java.time.Clock;
import org.draftroom.drafts.data.ProjectRepository;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.StageChange;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.HistoryQuery;
import org.draftroom.drafts.storage.ProjectManifest;
import org.draftroom.drafts.storage.Version;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a project repository that exists on disk (sample data, or a repository restored from the Git server) to the
 * database index, from the {@code project.yaml} of its latest version. A system operation run at start-up, not by
 * users.
 */
@Component
public class ProjectIndexing {

    private final ProjectRepository projects;
    private final DraftStore store;
    private final Clock clock;

    ProjectIndexing(ProjectRepository projects, DraftStore store, Clock clock) {
        this.projects = projects;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Indexes the project unless the database knows it already; a repository without a version is left alone.
     *
     * @return whether the project was added to the index
     */
    @Transactional
    public boolean indexIfMissing(String projectId) {
        if (projects.idExists(projectId) || store.head(projectId).isEmpty()) {
            return false;
        }
        ProjectManifest manifest = ProjectManifest.fromYaml(
                store.readFile(projectId, HistoryQuery.MAIN, DraftStore.MANIFEST_FILE).orElseThrow());
        Version latest = store.history(projectId, HistoryQuery.page(0, 1)).get(0);
        Project project = ProjectService.project(manifest, latest.time());
        projects.upsert(project, clock.instant());
        projects.addStageChange(projectId, new StageChange(null, null, project.stage(), project.stageCode(), "—",
                latest.author().name(), latest.time()));
        return true;
    }
}
