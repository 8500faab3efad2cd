package org.draftroom.drafts.storage;

/** A repository for the project id exists already; creating it again is refused. */
public class ProjectAlreadyExistsException extends DraftStoreException {

    public static final String KEY = "drafts.error.project-exists";

    public ProjectAlreadyExistsException(String projectId) {
        super(KEY, "A draft repository for project '" + projectId + "' exists already", null, projectId);
    }
}
