package org.draftroom.drafts.service;

import org.draftroom.drafts.storage.DraftStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start, adds to the database index every project repository it lacks. A project is created by renaming its
 * complete repository into place inside the transaction that writes its row; a crash between the rename and the
 * commit leaves the repository without its row, which this completes from the repository's {@code project.yaml}.
 */
@Component
@Order(10)
class ProjectIndexRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectIndexRecovery.class);

    private final DraftStore store;
    private final ProjectIndexing indexing;

    ProjectIndexRecovery(DraftStore store, ProjectIndexing indexing) {
        this.store = store;
        this.indexing = indexing;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String projectId : store.listProjects()) {
            try {
                if (indexing.indexIfMissing(projectId)) {
                    log.warn("Indexed project {}: its repository existed without its database row (a creation"
                            + " interrupted by a crash, or a restored repository)", projectId);
                }
            } catch (RuntimeException e) {
                log.error("Could not index the repository of {}; it stays out of the project list", projectId, e);
            }
        }
    }
}
