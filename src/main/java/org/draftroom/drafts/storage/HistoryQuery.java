package org.draftroom.drafts.storage;

import java.util.Objects;

/**
 * Which versions {@link DraftStore#history} lists: newest first, starting at {@code ref}, optionally only those
 * that changed {@code path}, skipping {@code offset} and returning at most {@code limit}.
 *
 * @param ref where to start; a branch, tag or commit id
 * @param path only versions changing this file, or {@code null} for all
 * @param offset number of matching versions to skip, at least 0
 * @param limit maximum number of versions to return, at least 1
 */
public record HistoryQuery(String ref, String path, int offset, int limit) {

    /** The branch that holds the current draft. */
    public static final String MAIN = "main";

    public HistoryQuery {
        Objects.requireNonNull(ref, "ref");
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("Need offset >= 0 and limit >= 1, got " + offset + " and " + limit);
        }
    }

    /** @return a page of the whole history of {@code main} */
    public static HistoryQuery page(int offset, int limit) {
        return new HistoryQuery(MAIN, null, offset, limit);
    }

    /** @return this query restricted to versions that changed {@code path} */
    public HistoryQuery touching(String path) {
        return new HistoryQuery(ref, path, offset, limit);
    }

    /** @return this query starting at {@code ref} instead */
    public HistoryQuery from(String ref) {
        return new HistoryQuery(ref, path, offset, limit);
    }
}
