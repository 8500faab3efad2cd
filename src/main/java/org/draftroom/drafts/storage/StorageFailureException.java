package org.draftroom.drafts.storage;

/** The repository could not be read or written (I/O error, corrupt object). The cause says why. */
public class StorageFailureException extends DraftStoreException {

    public static final String KEY = "drafts.error.storage-failure";

    public StorageFailureException(String projectId, String operation, Throwable cause) {
        super(KEY, "Could not " + operation + " in draft repository '" + projectId + "': " + cause.getMessage(), cause,
                projectId);
    }
}
