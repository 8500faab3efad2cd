package org.draftroom.drafts.storage;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Versioned storage of standard drafts: one Git repository per project holding {@code project.yaml} and
 * {@code draft.md}, one commit per saved version, annotated tags for named versions.
 *
 * <p>Refs accepted by the read methods are a branch name ({@code main}), a tag name ({@code cd-1}), or a full or
 * abbreviated (at least 4 digits) commit id. Methods throw {@link InvalidProjectIdException} for a malformed project
 * id, {@link ProjectNotFoundException} when the project has no repository, {@link UnknownRefException} for a ref that
 * names nothing, {@link InvalidNameException} for malformed paths and tag names, and
 * {@link StorageFailureException} on I/O failure; all are unchecked {@link DraftStoreException}s carrying a message
 * key.
 *
 * <p>Implementations are safe for concurrent use by many threads. Writers never silently overwrite each other: a
 * commit names the version it was based on and fails with {@link StaleVersionException} when the head moved.
 */
public interface DraftStore {

    /** The draft text file. */
    String DRAFT_FILE = "draft.md";

    /** The project description file, see {@link ProjectManifest}. */
    String MANIFEST_FILE = "project.yaml";

    /**
     * Creates the empty repository of a project (no commit yet; the first commit creates branch {@code main}).
     *
     * @throws ProjectAlreadyExistsException when the project has a repository already
     */
    void createProject(String projectId);

    /**
     * Creates a project with its whole history in one step: {@code build} gets a store of its own, private to this
     * call, in which it creates the project {@code projectId} and writes its versions and tags; when it returns, the
     * finished repository appears under this store at once. Until then nobody sees the project, and a crash (of the
     * process, at any moment) leaves either nothing or the complete project, never part of its history.
     *
     * @return what {@code build} returned
     * @throws ProjectAlreadyExistsException when the project has a repository already (also when another build of
     *         it finished first)
     */
    <T> T buildProject(String projectId, Function<DraftStore, T> build);

    /**
     * Creates a project with its first version, atomically (see {@link #buildProject}).
     *
     * @throws ProjectAlreadyExistsException when the project has a repository already
     */
    default CommitResult createProject(String projectId, CommitRequest first) {
        return buildProject(projectId, staging -> {
            staging.createProject(projectId);
            return staging.commit(projectId, first);
        });
    }

    /**
     * Removes a project's repository with its whole history, in one step (readers see it or nothing). For undoing a
     * creation whose database side failed; there is no way back. Nothing happens when the project has no repository.
     */
    void deleteProject(String projectId);

    /** @return whether the project has a repository */
    boolean projectExists(String projectId);

    /** @return the ids of all projects with a repository, sorted */
    List<String> listProjects();

    /**
     * Reads a text file at a version.
     *
     * @return the UTF-8 decoded content, empty when the file does not exist at that version
     * @throws UnknownRefException when {@code ref} names no commit (including {@code main} of a project without commit)
     */
    Optional<String> readFile(String projectId, String ref, String path);

    /** Like {@link #readFile} but returns the stored bytes unchanged. */
    Optional<byte[]> readBytes(String projectId, String ref, String path);

    /**
     * Reads one file at two versions, for comparing them. Both refs are resolved before reading, so a concurrent
     * commit cannot mix versions.
     */
    FileVersions readFileAtTwoVersions(String projectId, String path, String oldRef, String newRef);

    /**
     * Saves files as one commit on {@code main}, on top of {@link CommitRequest#expectedParentId()}.
     *
     * <p>The author time is taken from the store's clock. When every file is byte-identical to the parent's, no commit
     * is made and the result carries the parent with {@code created == false}.
     *
     * @throws StaleVersionException when the head of {@code main} is not the expected parent (someone saved in
     *         between); nothing visible is written
     */
    CommitResult commit(String projectId, CommitRequest request);

    /**
     * Resolves a ref to a full commit id.
     *
     * @throws UnknownRefException when it names no commit
     */
    String resolve(String projectId, String ref);

    /** @return the full id of the head of {@code main}, empty for a project without commit */
    Optional<String> head(String projectId);

    /**
     * Lists versions newest first (by commit time, parents after children). Cost grows with
     * {@code offset + limit}, and with the number of versions walked when a path filter skips many.
     *
     * @return at most {@code query.limit()} versions; empty when the offset is past the end
     */
    List<Version> history(String projectId, HistoryQuery query);

    /**
     * Creates an annotated tag on a version; the tag time comes from the store's clock.
     *
     * @param tagName lower-case letters and digits in groups separated by {@code -} or {@code .}, starting with a
     *         letter, at most 64 characters: {@code wd-1}, {@code cd-2}, {@code ds}, {@code v2.0-202212}
     * @throws DuplicateTagException when the project has a tag of that name
     */
    Tag createTag(String projectId, String tagName, String ref, Person tagger, String message);

    /** @return all tags of the project, oldest first (lightweight tags, which have no time, last by name) */
    List<Tag> listTags(String projectId);

    /**
     * Packs the project's loose objects with delta compression and prunes unreachable objects older than two weeks.
     * Every save writes the whole draft as a new object, so a busy project grows by roughly the draft's size per
     * save until compacted (1,000 saves of a 300,000-character draft: about 90 MB loose, about 1 MB packed). Safe to
     * run while others read and commit; takes seconds for large histories, so run it in the background.
     */
    void compact(String projectId);

    /**
     * Pushes the project's branches and tags to another Git repository (a mirror where the committee publishes its
     * drafts), fast-forward only: a mirror is never rewound, and a ref that has moved elsewhere is reported, not
     * overwritten. A {@code file:} URL whose repository does not exist yet gets a new bare one.
     *
     * @param username with {@code password} (a token), for HTTPS; null for none
     * @return the refs the mirror refused, with the reason ({@code refs/heads/main REJECTED_NONFASTFORWARD}); empty
     *         when the mirror has everything
     * @throws StorageFailureException when the mirror cannot be reached or written
     */
    List<String> mirror(String projectId, String url, String username, String password);
}
