package org.draftroom.drafts;

/**
 * A new version of a project's draft was written to Git (by a save, an import, a merge or a checkpoint).
 * Published after the commit exists; listeners (e.g. comment re-anchoring) read the text through the drafts services.
 *
 * @param parentId the version it was based on, null for a project's first version
 */
public record DraftVersionCommitted(String projectId, String commitId, String parentId) {
}
