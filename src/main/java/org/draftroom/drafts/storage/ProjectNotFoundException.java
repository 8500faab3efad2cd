package org.draftroom.drafts.storage;

/** No repository exists for the given project id. */
public class ProjectNotFoundException extends DraftStoreException {

    public static final String KEY = "drafts.error.project-not-found";

    public ProjectNotFoundException(String projectId) {
        super(KEY, "No draft repository for project '" + projectId + "'", null, projectId);
    }
}
