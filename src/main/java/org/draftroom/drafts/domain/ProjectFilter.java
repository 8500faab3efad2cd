package org.draftroom.drafts.domain;

/** What the project list shows; null or blank fields match every project. */
public record ProjectFilter(String workingGroup, Stage stage, DocumentType type, String text) {

    public static ProjectFilter all() {
        return new ProjectFilter(null, null, null, null);
    }
}
