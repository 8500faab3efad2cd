package org.draftroom.drafts.storage;

import java.time.Instant;
import java.util.List;

/**
 * One saved version of a draft: a commit of the project repository.
 *
 * @param commitId full 40-digit commit id
 * @param shortId the first 7 digits of the id, for display; address versions by {@code commitId}, since a short id
 *         can become ambiguous as the history grows
 * @param author who wrote the change
 * @param coAuthors co-editors named in {@code Co-authored-by:} trailers of the message, in order, possibly empty
 * @param time author time
 * @param message full commit message, trailers included
 * @param parentIds ids of the parent commits, empty for the first version
 * @param tags names of the tags pointing at this commit, sorted by name, possibly empty
 */
public record Version(String commitId, String shortId, Person author, List<Person> coAuthors, Instant time,
                      String message, List<String> parentIds, List<String> tags) {

    public Version {
        coAuthors = List.copyOf(coAuthors);
        parentIds = List.copyOf(parentIds);
        tags = List.copyOf(tags);
    }

    /** @return the first line of the message */
    public String subject() {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
