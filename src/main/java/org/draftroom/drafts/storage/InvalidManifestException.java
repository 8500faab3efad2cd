package org.draftroom.drafts.storage;

/** A {@code project.yaml} is not valid YAML or misses or malforms a field; the message names the field. */
public class InvalidManifestException extends DraftStoreException {

    public static final String KEY = "drafts.error.invalid-manifest";

    public InvalidManifestException(String problem, Throwable cause) {
        super(KEY, "Invalid project.yaml: " + problem, cause, problem);
    }
}
