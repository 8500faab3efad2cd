package org.draftroom.drafts.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A set of file contents to save as one new version of a draft.
 *
 * <p>Files not named in {@link #files()} keep their content from the parent version. Contents are text and are
 * stored UTF-8 encoded, exactly as given (no line-ending conversion).
 *
 * @param expectedParentId the full commit id the change was based on (the head the writer read); {@code null} only
 *         for the first version of an empty project
 * @param files path to new content, at least one entry; paths are relative with {@code /} separators
 * @param author who wrote the change
 * @param coAuthors co-editors, written as {@code Co-authored-by:} trailers; duplicates and the author are dropped
 * @param message what changed and why; not blank
 * @param binaryFiles path to new content stored byte for byte (figures of an imported Word file); may be empty
 */
public record CommitRequest(String expectedParentId, Map<String, String> files, Person author, List<Person> coAuthors,
                            String message, Map<String, byte[]> binaryFiles) {

    public CommitRequest {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(message, "message");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("A commit needs at least one file");
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("A commit needs a message saying what changed");
        }
        files.forEach((path, content) -> Objects.requireNonNull(content, "content of " + path));
        files = Map.copyOf(new LinkedHashMap<>(files));
        coAuthors = coAuthors == null ? List.of() : List.copyOf(coAuthors);
        binaryFiles = binaryFiles == null ? Map.of() : Map.copyOf(binaryFiles);
        for (String path : binaryFiles.keySet()) {
            if (files.containsKey(path)) {
                throw new IllegalArgumentException("A file is both text and binary: " + path);
            }
        }
    }

    /** A request of text files only. */
    public CommitRequest(String expectedParentId, Map<String, String> files, Person author, List<Person> coAuthors,
                         String message) {
        this(expectedParentId, files, author, coAuthors, message, Map.of());
    }

    /** @return this request also writing the given files byte for byte */
    public CommitRequest withBinaryFiles(Map<String, byte[]> binaries) {
        return new CommitRequest(expectedParentId, files, author, coAuthors, message, binaries);
    }

    /** @return a request for the first version of an empty project */
    public static CommitRequest initial(Map<String, String> files, Person author, String message) {
        return new CommitRequest(null, files, author, List.of(), message);
    }

    /** @return a request for a version on top of {@code parentId} by a single author */
    public static CommitRequest onTopOf(String parentId, Map<String, String> files, Person author, String message) {
        return new CommitRequest(Objects.requireNonNull(parentId, "parentId"), files, author, List.of(), message);
    }

    /** @return this request with the given co-authors */
    public CommitRequest withCoAuthors(List<Person> coAuthors) {
        return new CommitRequest(expectedParentId, files, author, coAuthors, message, binaryFiles);
    }
}
