package org.draftroom.drafts.storage;

/** A project id does not match {@code [a-z0-9][a-z0-9-]{1,62}} or would resolve outside the repository root. */
public class InvalidProjectIdException extends DraftStoreException {

    public static final String KEY = "drafts.error.invalid-project-id";

    public InvalidProjectIdException(String projectId) {
        super(KEY, "Invalid project id '" + projectId + "': use 2 to 63 lower-case letters, digits and hyphens,"
                + " starting with a letter or digit", null, String.valueOf(projectId));
    }
}
