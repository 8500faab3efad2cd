package org.draftroom.drafts.storage;

/**
 * One file as it was at two versions, for a redline.
 *
 * @param path the file
 * @param oldCommitId full id of the older version
 * @param oldText content at the older version, empty when the file did not exist there
 * @param newCommitId full id of the newer version
 * @param newText content at the newer version, empty when the file did not exist there
 */
public record FileVersions(String path, String oldCommitId, String oldText, String newCommitId, String newText) {
}
