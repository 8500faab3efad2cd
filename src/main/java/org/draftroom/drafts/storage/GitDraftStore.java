package org.draftroom.drafts.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * {@link DraftStore} over bare Git repositories {@code <root>/<project-id>.git}, written with JGit's low-level API.
 *
 * <p><b>Thread safety.</b> One instance serves the whole application. {@link Repository} instances are opened once
 * per project, cached, and shared by all threads (JGit repositories are safe for concurrent use); every call uses
 * its own {@code RevWalk}, {@code ObjectReader} and {@code ObjectInserter}. The only lock is JGit's {@link RefUpdate}
 * on {@code refs/heads/main}: it compares the branch with the expected parent and moves it under a lock file, so
 * concurrent writers in this process, in other processes, or other Git clients pushing to the repository cannot
 * overwrite each other. Objects written by a losing writer stay unreferenced (invisible) until Git's garbage collection
 * prunes them.
 *
 * <p><b>Costs.</b> A commit writes one blob per changed file, one tree and one commit (loose objects), so its cost is
 * proportional to the size of the changed files. History and tag listing read every tag ref once per call.
 *
 * <p><b>Crashes.</b> Repositories with content are built aside and renamed into place ({@link #buildProject}); call
 * {@link #removeAbandonedBuilds()} at start-up to delete what a crashed build left. Lock files older than the
 * stale-lock age are taken for a crashed writer's and removed ({@link StaleLocks}).
 *
 * <p>Call {@link #close()} on shutdown to release the cached repositories.
 */
public final class GitDraftStore implements DraftStore, AutoCloseable {

    private static final Pattern PROJECT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern TAG_NAME = Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*");
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern REF_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{4,40}");
    private static final Pattern PERSON = Pattern.compile("\\s*(.+?)\\s*<([^<>]+)>\\s*");
    private static final String MAIN_REF = Constants.R_HEADS + HistoryQuery.MAIN;
    private static final String CO_AUTHORED_BY = "Co-authored-by";
    private static final int SHORT_ID_LENGTH = 7;
    private static final int LOOSE_COMPRESSION = Deflater.BEST_SPEED;
    private static final int LOCK_RETRIES = 100;
    private static final long LOCK_RETRY_MILLIS = 10;

    /** Default of the age from which a lock file counts as a crash's leftover; no writer holds one for long. */
    public static final Duration DEFAULT_STALE_LOCK_AGE = Duration.ofMinutes(2);

    private final Path root;
    private final Clock clock;
    private final StaleLocks locks;
    /** Whether this store works in a build directory: it creates repositories in place, not through a build. */
    private boolean building;
    private final Map<String, Repository> repositories = new ConcurrentHashMap<>();

    /**
     * A store that takes lock files older than {@link #DEFAULT_STALE_LOCK_AGE} for a crash's leftovers.
     *
     * @param root directory holding the project repositories; created when missing
     * @param clock source of author, committer and tagger times
     */
    public GitDraftStore(Path root, Clock clock) {
        this(root, clock, DEFAULT_STALE_LOCK_AGE);
    }

    /**
     * @param root directory holding the project repositories; created when missing
     * @param clock source of author, committer and tagger times
     * @param staleLockAge age from which a Git lock file ({@code refs/heads/main.lock}, {@code packed-refs.lock}) is
     *         taken for the leftover of a crashed writer and removed; must be longer than any writer holds a lock
     */
    public GitDraftStore(Path root, Clock clock, Duration staleLockAge) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        // File times are the file system's wall-clock times, so they are compared with the system clock, not with the
        // store's clock (which seeding sets to historical dates).
        this.locks = new StaleLocks(staleLockAge, Clock.systemUTC());
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create draft repository root " + this.root, e);
        }
    }

    /** @return the directory holding the project repositories */
    public Path root() {
        return root;
    }

    /**
     * Returns where a project's bare repository lives, for cloning with any Git client.
     *
     * @throws InvalidProjectIdException when the id is malformed or would lead outside the root
     */
    public Path repositoryDirectory(String projectId) {
        if (projectId == null || !PROJECT_ID.matcher(projectId).matches()) {
            throw new InvalidProjectIdException(projectId);
        }
        Path dir = root.resolve(projectId + ".git").normalize();
        if (!root.equals(dir.getParent())) {
            throw new InvalidProjectIdException(projectId);
        }
        return dir;
    }

    @Override
    public void createProject(String projectId) {
        if (building) {
            initialise(projectId);
            return;
        }
        buildProject(projectId, staging -> {
            ((GitDraftStore) staging).initialise(projectId);
            return null;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>The repository is built in a {@linkplain BuildDirectory build directory} under the root (same file system)
     * by a store of its own with this store's clock, then renamed into place. {@link #removeAbandonedBuilds()}
     * deletes what a crashed build left.
     */
    @Override
    public <T> T buildProject(String projectId, Function<DraftStore, T> build) {
        Path dir = repositoryDirectory(projectId);
        if (Files.exists(dir)) {
            throw new ProjectAlreadyExistsException(projectId);
        }
        T result;
        try (BuildDirectory staging = BuildDirectory.create(root)) {
            try (GitDraftStore builder = new GitDraftStore(staging.dir(), clock, locks.staleAfter())) {
                builder.building = true;
                result = build.apply(builder);
                if (!builder.projectExists(projectId)) {
                    throw new IllegalStateException("The build of " + projectId + " created no such project");
                }
            }
            Path built = staging.dir().resolve(projectId + ".git");
            try {
                // One rename: readers see no repository, then the complete one. It fails if the target exists (a
                // non-empty directory), so two concurrent builds of one project cannot both succeed.
                Files.move(built, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                throw new ProjectAlreadyExistsException(projectId);
            }
        } catch (IOException e) {
            throw new StorageFailureException(projectId, "build the repository", e);
        }
        return result;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The repository is first renamed into a build directory (so it disappears in one step), then deleted.
     */
    @Override
    public void deleteProject(String projectId) {
        Path dir = repositoryDirectory(projectId);
        Repository cached = repositories.remove(projectId);
        if (cached != null) {
            cached.close();
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (BuildDirectory trash = BuildDirectory.create(root)) {
            Files.move(dir, trash.dir().resolve(projectId + ".git"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StorageFailureException(projectId, "delete the repository", e);
        }
    }

    /**
     * Deletes what crashed processes left under the root: half-built repositories and half-deleted ones (build
     * directories that no live process holds). Builds in progress, in this process or another, are left alone. Run
     * at start-up; safe at any time.
     *
     * @return the directories deleted
     */
    public List<Path> removeAbandonedBuilds() {
        try {
            return BuildDirectory.removeAbandoned(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove abandoned builds under " + root, e);
        }
    }

    /** Creates the empty bare repository of a project directly in the root (a build directory's store only). */
    private void initialise(String projectId) {
        Path dir = repositoryDirectory(projectId);
        try (Repository repo = FileRepositoryBuilder.create(dir.toFile())) {
            repo.create(true);
            StoredConfig config = repo.getConfig();
            // Each save writes the whole draft as a new loose object; fast compression keeps saves quick, and packs
            // (written by gc) keep the default, tighter level. JGit reads core.compression for loose objects,
            // command-line Git core.looseCompression.
            config.setInt(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_COMPRESSION,
                    LOOSE_COMPRESSION);
            config.setInt(ConfigConstants.CONFIG_CORE_SECTION, null, "looseCompression", LOOSE_COMPRESSION);
            config.setInt(ConfigConstants.CONFIG_PACK_SECTION, null, ConfigConstants.CONFIG_KEY_COMPRESSION,
                    Deflater.DEFAULT_COMPRESSION);
            config.save();
            RefUpdate head = repo.updateRef(Constants.HEAD);
            head.disableRefLog();
            head.link(MAIN_REF);
        } catch (IllegalStateException exists) {
            throw new ProjectAlreadyExistsException(projectId);
        } catch (IOException e) {
            throw new StorageFailureException(projectId, "create the repository", e);
        }
    }

    @Override
    public boolean projectExists(String projectId) {
        return Files.isDirectory(repositoryDirectory(projectId));
    }

    @Override
    public List<String> listProjects() {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".git"))
                    .map(name -> name.substring(0, name.length() - ".git".length()))
                    .filter(id -> PROJECT_ID.matcher(id).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }

    @Override
    public Optional<String> readFile(String projectId, String ref, String path) {
        return readBytes(projectId, ref, path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<byte[]> readBytes(String projectId, String ref, String path) {
        checkPath(path);
        Repository repo = open(projectId);
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(resolveId(projectId, repo, ref));
            return readBlob(walk.getObjectReader(), commit, path);
        } catch (IOException e) {
            throw new StorageFailureException(projectId, "read " + path + " at " + ref, e);
        }
    }

    @Override
    public FileVersions readFileAtTwoVersions(String projectId, String path, String oldRef, String newRef) {
        checkPath(path);
        Repository repo = open(projectId);
        ObjectId oldId = resolveId(projectId, repo, oldRef);
        ObjectId newId = resolveId(projectId, repo, newRef);
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectReader reader = walk.getObjectReader();
            String oldText = readBlob(reader, walk.parseCommit(oldId), path).map(GitDraftStore::utf8).orElse("");
            String newText = readBlob(reader, walk.parseCommit(newId), path).map(GitDraftStore::utf8).orElse("");
            return new FileVersions(path, oldId.name(), oldText, newId.name(), newText);
        } catch (IOException e) {
            throw new StorageFailureException(projectId, "read " + path + " at " + oldRef + " and " + newRef, e);
        }
    }

    @Override
    public CommitResult commit(String projectId, CommitRequest request) {
        request.files().keySet().forEach(GitDraftStore::checkPath);
        request.binaryFiles().keySet().forEach(GitDraftStore::checkPath);
        Repository repo = open(projectId);
        ObjectId expected = request.expectedParentId() == null ? null : parseFullId(projectId,
                request.expectedParentId());
        try (ObjectInserter inserter = repo.newObjectInserter();
             ObjectReader reader = inserter.newReader();
             RevWalk walk = new RevWalk(reader)) {
            ObjectId actual = currentHead(repo);
            if (!Objects.equals(actual, expected)) {
                throw new StaleVersionException(projectId, request.expectedParentId(), nameOf(actual));
            }
            RevCommit parent = expected == null ? null : walk.parseCommit(expected);
            ObjectId tree = writeTree(inserter, reader, parent, request.files(), request.binaryFiles());
            if (parent != null && tree.equals(parent.getTree())) {
                return new CommitResult(toVersion(parent, tagsByCommit(repo, walk)), false);
            }
            PersonIdent ident = new PersonIdent(request.author().name(), request.author().email(), clock.instant(),
                    clock.getZone());
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            if (parent != null) {
                commit.setParentId(parent);
            }
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setEncoding(StandardCharsets.UTF_8);
            commit.setMessage(commitMessage(request));
            ObjectId commitId = inserter.insert(commit);
            inserter.flush();
            moveMain(projectId, repo, expected, commitId, ident, commit.getMessage());
            return new CommitResult(toVersion(walk.parseCommit(commitId), Map.of()), true);
        } catch (IOException e) {
            throw new StorageFailureException(projectId, "commit", e);
        }
    }

    @Override
    public String resolve(String projectId, String ref) {
        return resolveId(projectId, open(projectId), ref).name();
    }

    @Override
    public Optional<String> head(String projectId) {
        try {
            return Optional.ofNullable(nameOf(currentHead(open(projectId))));
        } catch (IOException e) {
            throw new StorageFailureException(projectId, "read the head", e);
        }
    }

    @Override
    public List<Version> history(String projectId, HistoryQuery query) {
        if (query.path() != null) {
            checkPath(query.path());
        }
        Repository repo = open(projectId);
        ObjectId start = resolveId(projectId, repo, query.ref());
        try (RevWalk walk = new RevWalk(repo)) {
            Map<ObjectId, List<String>> tags = tagsByCommit(repo, walk);
            walk.markStart(walk.parseCommit(start));
            if (query.path() != null) {
                walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(query.path()), TreeFilter.ANY_DIFF));
                walk.setRewriteParents(false);
            }
            List<Version> page = new ArrayList<>(Math.min(query.limit(), 1000));
            int skipped = 0;
            for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                if (skipped < query.offset()) {
                    skipped++;
                } else {
                    page.add(toVersion(commit, tags));
                    if (page.size() == query.limit()) {
                        break;
                    }
                }
            }
            return page;
        } catch (IOException e) {
            throw new StorageFailureException(projectId, "list the history", e);
        }
    }

    @Override
    public Tag createTag(String projectId, String tagName, String ref, Person tagger, String message) {
        if (tagName == null || tagName.length() > 64 || !TAG_NAME.matcher(tagName).matches()
                || tagName.endsWith(".lock") || !Repository.isValidRefName(Constants.R_TAGS + tagName)) {
            throw InvalidNameException.tag(tagName);
        }
        Objects.requireNonNull(tagger, "tagger");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("An annotated tag needs a message");
        }
        Repository repo = open(projectId);
        ObjectId target = resolveId(projectId, repo, ref);
        String refName = Constants.R_TAGS + tagName;
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            if (repo.exactRef(refName) != null) {
                throw new DuplicateTagException(projectId, tagName);
            }
            Instant time = clock.instant();
            TagBuilder tag = new TagBuilder();
            tag.setObjectId(target, Constants.OBJ_COMMIT);
            tag.setTag(tagName);
            tag.setTagger(new PersonIdent(tagger.name(), tagger.email(), time, clock.getZone()));
            tag.setMessage(message.strip() + "\n");
            ObjectId tagId = inserter.insert(tag);
            inserter.flush();
            RefUpdate.Result result = newRef(repo, refName, tagId);
            if (result == RefUpdate.Result.LOCK_FAILURE && locks.removeIfStale(projectId,
                    repo.getDirectory().toPath(), repo.getDirectory().toPath().resolve(refName + ".lock"))) {
                result = newRef(repo, refName, tagId);
            }
            if (result == RefUpdate.Result.NEW) {
                return new Tag(tagName, target.name(), tagger, time, tag.getMessage());
            }
            if (repo.exactRef(refName) != null) {
                throw new DuplicateTagException(projectId, tagName);
            }
            throw new StorageFailureException(projectId, "create tag " + tagName,
                    new IOException("ref update returned " + result));
        } catch (IOException e) {
            throw new StorageFailureException(projectId, "create tag " + tagName, e);
        }
    }

    @Override
    public List<Tag> listTags(String projectId) {
        Repository repo = open(projectId);
        try (RevWalk walk = new RevWalk(repo)) {
            List<Tag> tags = new ArrayList<>();
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                String name = ref.getName().substring(Constants.R_TAGS.length());
                RevObject object = walk.parseAny(ref.getObjectId());
                RevObject target = walk.peel(object);
                if (!(target instanceof RevCommit)) {
                    continue;
                }
                if (object instanceof RevTag annotated) {
                    PersonIdent ident = annotated.getTaggerIdent();
                    Person tagger = ident == null ? null : new Person(ident.getName(), ident.getEmailAddress());
                    Instant time = ident == null ? null : ident.getWhenAsInstant();
                    tags.add(new Tag(name, target.name(), tagger, time, annotated.getFullMessage()));
                } else {
                    tags.add(new Tag(name, target.name(), null, null, ""));
                }
            }
            tags.sort(Comparator.comparing(Tag::time, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Tag::name));
            return tags;
        } catch (IOException e) {
            throw new StorageFailureException(projectId, "list tags", e);
        }
    }

    @Override
    public void compact(String projectId) {
        Repository repo = open(projectId);
        try {
            // Packing the refs needs packed-refs.lock; one left by a crashed run would fail every night.
            locks.recover(projectId, repo.getDirectory().toPath());
            Git.wrap(repo).gc().call();
        } catch (IOException e) {
            throw new StorageFailureException(projectId, "compact the repository", e);
        } catch (GitAPIException e) {
            throw new StorageFailureException(projectId, "compact the repository", e);
        }
    }

    @Override
    public List<String> mirror(String projectId, String url, String username, String password) {
        Repository repo = open(projectId);
        try {
            if (url.startsWith("file:")) {
                Path target = Path.of(new URIish(url).getPath());
                if (!Files.exists(target)) {
                    Git.init().setBare(true).setInitialBranch("main").setDirectory(target.toFile()).call().close();
                }
            }
            PushCommand push = Git.wrap(repo).push().setRemote(url).setTimeout(60)
                    .setRefSpecs(new RefSpec("refs/heads/*:refs/heads/*"), new RefSpec("refs/tags/*:refs/tags/*"));
            if (username != null && !username.isBlank()) {
                push.setCredentialsProvider(new UsernamePasswordCredentialsProvider(username,
                        password == null ? "" : password));
            }
            List<String> refused = new ArrayList<>();
            for (PushResult result : push.call()) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK
                            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        refused.add(update.getRemoteName() + " " + update.getStatus()
                                + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                    }
                }
            }
            return refused;
        } catch (URISyntaxException | GitAPIException | JGitInternalException e) {
            throw new StorageFailureException(projectId, "mirror the repository", e);
        }
    }

    /** Closes the cached repositories. The store must not be used afterwards. */
    @Override
    public void close() {
        repositories.values().forEach(Repository::close);
        repositories.clear();
    }

    private Repository open(String projectId) {
        Path dir = repositoryDirectory(projectId);
        return repositories.computeIfAbsent(projectId, id -> {
            if (!Files.isDirectory(dir)) {
                throw new ProjectNotFoundException(id);
            }
            try {
                if (!dir.toRealPath().getParent().equals(root.toRealPath())) {
                    throw new InvalidProjectIdException(id);
                }
                // The first use after a start: a crash may have left lock files that would block writers for ever.
                locks.recover(id, dir);
                return new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().setMustExist(true).build();
            } catch (IOException e) {
                throw new StorageFailureException(id, "open the repository", e);
            }
        });
    }

    private static RefUpdate.Result newRef(Repository repo, String refName, ObjectId target) throws IOException {
        RefUpdate update = repo.updateRef(refName);
        update.setNewObjectId(target);
        update.setExpectedOldObjectId(ObjectId.zeroId());
        return update.update();
    }

    private static ObjectId currentHead(Repository repo) throws IOException {
        Ref main = repo.exactRef(MAIN_REF);
        return main == null ? null : main.getObjectId();
    }

    private static ObjectId writeTree(ObjectInserter inserter, ObjectReader reader, RevCommit parent,
                                      Map<String, String> files, Map<String, byte[]> binaries)
            throws IOException {
        DirCache index = DirCache.newInCore();
        if (parent != null) {
            DirCacheBuilder builder = index.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, parent.getTree());
            builder.finish();
        }
        DirCacheEditor editor = index.editor();
        Map<String, byte[]> contents = new TreeMap<>(binaries);
        files.forEach((path, text) -> contents.put(path, text.getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<String, byte[]> file : contents.entrySet()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue());
            editor.add(new DirCacheEditor.PathEdit(file.getKey()) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                }
            });
        }
        editor.finish();
        return index.writeTree(inserter);
    }

    private void moveMain(String projectId, Repository repo, ObjectId expected, ObjectId commitId, PersonIdent ident,
                          String message) throws IOException {
        for (int attempt = 0; ; attempt++) {
            RefUpdate update = repo.updateRef(MAIN_REF);
            update.setNewObjectId(commitId);
            update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
            update.setRefLogIdent(ident);
            update.setRefLogMessage("commit: " + message.lines().findFirst().orElse(""), false);
            RefUpdate.Result result = update.update();
            switch (result) {
                case NEW, FAST_FORWARD -> {
                    return;
                }
                case LOCK_FAILURE -> {
                    ObjectId actual = currentHead(repo);
                    if (!Objects.equals(actual, expected)) {
                        throw new StaleVersionException(projectId, nameOf(expected), nameOf(actual));
                    }
                    // The branch still holds our parent, so its lock file is in the way: either another writer holds
                    // it right now (wait for it; its outcome decides whether ours is stale), or a writer that
                    // crashed left it (older than any writer holds a lock: remove it and go on).
                    Path lock = repo.getDirectory().toPath().resolve(MAIN_REF + ".lock");
                    if (locks.removeIfStale(projectId, repo.getDirectory().toPath(), lock)) {
                        continue;
                    }
                    if (attempt >= LOCK_RETRIES) {
                        throw new StaleVersionException(projectId, nameOf(expected), nameOf(actual));
                    }
                    pause();
                }
                default -> throw new StorageFailureException(projectId, "move main",
                        new IOException("ref update returned " + result));
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(LOCK_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the branch lock", e);
        }
    }

    private static String commitMessage(CommitRequest request) {
        StringBuilder message = new StringBuilder(request.message().strip()).append('\n');
        Set<Person> coAuthors = new LinkedHashSet<>(request.coAuthors());
        coAuthors.remove(request.author());
        if (!coAuthors.isEmpty()) {
            message.append('\n');
            coAuthors.forEach(p -> message.append(CO_AUTHORED_BY).append(": ").append(p).append('\n'));
        }
        return message.toString();
    }

    private ObjectId resolveId(String projectId, Repository repo, String ref) {
        if (ref == null || ref.length() > 200 || !REF_NAME.matcher(ref).matches() || ref.contains("..")
                || ref.contains("//")) {
            throw UnknownRefException.unknown(projectId, ref);
        }
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = refTarget(repo, ref);
            if (id == null && HEX.matcher(ref).matches()) {
                id = commitByAbbreviation(projectId, walk.getObjectReader(), ref);
            }
            if (id == null) {
                throw UnknownRefException.unknown(projectId, ref);
            }
            return walk.parseCommit(id).copy();
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            throw UnknownRefException.unknown(projectId, ref);
        } catch (IOException e) {
            throw new StorageFailureException(projectId, "resolve " + ref, e);
        }
    }

    private static ObjectId refTarget(Repository repo, String ref) throws IOException {
        for (String name : List.of(ref, Constants.R_HEADS + ref, Constants.R_TAGS + ref)) {
            if (name.startsWith(Constants.R_REFS)) {
                Ref found = repo.exactRef(name);
                if (found != null) {
                    Ref peeled = repo.getRefDatabase().peel(found);
                    return peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
                }
            }
        }
        return null;
    }

    private static ObjectId commitByAbbreviation(String projectId, ObjectReader reader, String hex)
            throws IOException {
        if (hex.length() == Constants.OBJECT_ID_STRING_LENGTH) {
            return ObjectId.fromString(hex);
        }
        Collection<ObjectId> candidates = reader.resolve(AbbreviatedObjectId.fromString(hex));
        List<ObjectId> commits = new ArrayList<>();
        for (ObjectId candidate : candidates) {
            if (reader.open(candidate).getType() == Constants.OBJ_COMMIT) {
                commits.add(candidate);
            }
        }
        if (commits.size() > 1) {
            throw UnknownRefException.ambiguous(projectId, hex);
        }
        return commits.isEmpty() ? null : commits.get(0);
    }

    private static ObjectId parseFullId(String projectId, String id) {
        if (!ObjectId.isId(id)) {
            throw UnknownRefException.unknown(projectId, id);
        }
        return ObjectId.fromString(id);
    }

    private static Optional<byte[]> readBlob(ObjectReader reader, RevCommit commit, String path) throws IOException {
        try (TreeWalk tree = TreeWalk.forPath(reader, path, commit.getTree())) {
            if (tree == null || !tree.getFileMode(0).equals(FileMode.REGULAR_FILE)
                    && !tree.getFileMode(0).equals(FileMode.EXECUTABLE_FILE)) {
                return Optional.empty();
            }
            return Optional.of(reader.open(tree.getObjectId(0), Constants.OBJ_BLOB).getBytes());
        }
    }

    private static Map<ObjectId, List<String>> tagsByCommit(Repository repo, RevWalk walk) throws IOException {
        Map<ObjectId, List<String>> tags = new HashMap<>();
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            RevObject target = walk.peel(walk.parseAny(ref.getObjectId()));
            tags.computeIfAbsent(target.copy(), k -> new ArrayList<>())
                    .add(ref.getName().substring(Constants.R_TAGS.length()));
        }
        tags.values().forEach(names -> names.sort(Comparator.naturalOrder()));
        return tags;
    }

    private static Version toVersion(RevCommit commit, Map<ObjectId, List<String>> tags) {
        PersonIdent author = commit.getAuthorIdent();
        List<Person> coAuthors = new ArrayList<>();
        for (String value : commit.getFooterLines(CO_AUTHORED_BY)) {
            Matcher m = PERSON.matcher(value);
            if (m.matches()) {
                coAuthors.add(new Person(m.group(1), m.group(2).strip()));
            }
        }
        List<String> parents = Stream.of(commit.getParents()).map(ObjectId::name).toList();
        return new Version(commit.name(), commit.abbreviate(SHORT_ID_LENGTH).name(),
                new Person(author.getName(), author.getEmailAddress()), coAuthors, author.getWhenAsInstant(),
                commit.getFullMessage(), parents, tags.getOrDefault(commit, List.of()));
    }

    static void checkPath(String path) {
        if (path == null || path.isEmpty() || path.length() > 200) {
            throw InvalidNameException.path(path);
        }
        for (String segment : path.split("/", -1)) {
            if (!PATH_SEGMENT.matcher(segment).matches() || segment.equalsIgnoreCase(".git")) {
                throw InvalidNameException.path(path);
            }
        }
    }

    private static String nameOf(ObjectId id) {
        return id == null ? null : id.name();
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

}
