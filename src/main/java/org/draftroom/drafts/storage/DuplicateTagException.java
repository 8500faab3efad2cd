package org.draftroom.drafts.storage;

/** A tag of that name exists already in the project; tags are never moved or overwritten. */
public class DuplicateTagException extends DraftStoreException {

    public static final String KEY = "drafts.error.duplicate-tag";

    public DuplicateTagException(String projectId, String tagName) {
        super(KEY, "Project '" + projectId + "' already has a tag '" + tagName + "'", null, tagName, projectId);
    }
}
