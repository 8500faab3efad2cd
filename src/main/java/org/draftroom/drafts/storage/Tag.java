package org.draftroom.drafts.storage;

import java.time.Instant;

/**
 * A named version such as a stage milestone ({@code wd-1}, {@code cd-1}, {@code ds}): an annotated Git tag.
 *
 * <p>Lightweight tags made by other Git clients are listed too; they have no tagger, time or message.
 *
 * @param name tag name without {@code refs/tags/}
 * @param commitId full id of the commit tagged
 * @param tagger who made the tag, {@code null} for a lightweight tag
 * @param time when it was made, {@code null} for a lightweight tag
 * @param message tag message, empty for a lightweight tag
 */
public record Tag(String name, String commitId, Person tagger, Instant time, String message) {
}
