package org.draftroom.drafts.domain;

import java.time.Instant;
import java.util.List;

/**
 * One saved version of a draft.
 *
 * @param commitId  the full commit id; any Git client sees the same id
 * @param coAuthors co-editors named in the version, "Name &lt;email&gt;"
 * @param tags      milestone tags on this version ({@code wd-2}, {@code cd-1}), possibly empty
 * @param parentId  the version this one was made from, null for a project's first version
 */
public record VersionInfo(String commitId, String shortId, String authorName, String authorEmail,
                          List<String> coAuthors, Instant time, String message, List<String> tags, String parentId) {

    /** The first line of the message. */
    public String subject() {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
