package org.draftroom.drafts.storage;

/**
 * Outcome of {@link DraftStore#commit}.
 *
 * @param version the head after the call: the new version, or the unchanged parent when nothing differed
 * @param created {@code true} when a commit was written, {@code false} when the files were identical to the parent's
 *         and no empty commit was made
 */
public record CommitResult(Version version, boolean created) {
}
