package org.draftroom.drafts;

/**
 * A version of a project's draft was marked as a milestone with a tag ({@code wd-2}, {@code cd-1}). Published after
 * the tag exists.
 */
public record DraftVersionTagged(String projectId, String tagName, String commitId) {
}
