package org.draftroom.drafts.storage;

/**
 * A ref (branch, tag, or possibly abbreviated commit id) names no commit of the project, is ambiguous, or is not a
 * valid ref expression.
 */
public class UnknownRefException extends DraftStoreException {

    public static final String KEY = "drafts.error.unknown-ref";
    public static final String AMBIGUOUS_KEY = "drafts.error.ambiguous-ref";

    private final String ref;

    private UnknownRefException(String key, String logMessage, String projectId, String ref) {
        super(key, logMessage, null, ref, projectId);
        this.ref = ref;
    }

    /** @return an exception for a ref that names nothing in the project */
    public static UnknownRefException unknown(String projectId, String ref) {
        return new UnknownRefException(KEY, "Project '" + projectId + "' has no version, tag or branch '" + ref + "'",
                projectId, ref);
    }

    /** @return an exception for an abbreviated commit id that matches several commits */
    public static UnknownRefException ambiguous(String projectId, String ref) {
        return new UnknownRefException(AMBIGUOUS_KEY, "Abbreviated id '" + ref + "' matches several objects in project '"
                + projectId + "'; give more digits", projectId, ref);
    }

    /** @return the ref as the caller gave it */
    public String ref() {
        return ref;
    }
}
