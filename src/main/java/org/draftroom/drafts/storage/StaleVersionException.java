package org.draftroom.drafts.storage;

/**
 * A commit was based on a version that is no longer the head of the draft: someone else saved in between.
 *
 * <p>Nothing visible was written: the branch still points at {@link #actualHeadId()}. The caller keeps the user's
 * text, and either merges it onto the actual head or asks the user to.
 */
public class StaleVersionException extends DraftStoreException {

    public static final String KEY = "drafts.error.stale-version";

    private final String expectedParentId;
    private final String actualHeadId;

    /**
     * @param expectedParentId the head the writer based its change on, {@code null} for "no commit yet"
     * @param actualHeadId the head found, {@code null} when the branch does not exist
     */
    public StaleVersionException(String projectId, String expectedParentId, String actualHeadId) {
        super(KEY, "Draft of project '" + projectId + "' moved on: expected head " + expectedParentId + " but found "
                + actualHeadId, null, projectId, String.valueOf(expectedParentId), String.valueOf(actualHeadId));
        this.expectedParentId = expectedParentId;
        this.actualHeadId = actualHeadId;
    }

    /** @return the commit id the writer expected as head, {@code null} when it expected an empty project */
    public String expectedParentId() {
        return expectedParentId;
    }

    /** @return the commit id actually at the head, {@code null} when the project has no commit */
    public String actualHeadId() {
        return actualHeadId;
    }
}
