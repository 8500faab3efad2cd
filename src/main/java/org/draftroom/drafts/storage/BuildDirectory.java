package org.draftroom.drafts.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A private directory beside the project repositories ({@code <root>/.build-<uuid>}) in which a repository is built
 * or taken apart out of sight, so that the repository appears or disappears in one rename on the same file system.
 *
 * <p>The directory holds {@code build.lock}, locked with an operating-system file lock for as long as the directory
 * is in use. The operating system releases that lock when the process ends, however it ends (also on SIGKILL), so
 * {@link #removeAbandoned} can tell the leftovers of a crashed process (lock free) from a build in progress in any
 * process (lock held) without knowing process ids.
 *
 * <p>Not thread-safe: one thread uses a build directory.
 */
final class BuildDirectory implements AutoCloseable {

    static final String PREFIX = ".build-";
    /** Staging directories of earlier versions of the store; created and renamed in one method, never in use long. */
    private static final String LEGACY_PREFIX = ".creating-";
    private static final String LOCK_FILE = "build.lock";
    /**
     * Build directories in use in this process. Probing their lock from this process would be wrong twice over: the
     * lock is held per process, and on Linux closing any channel of the file releases the process's lock on it.
     */
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private BuildDirectory(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates and locks a fresh build directory under {@code root}. */
    static BuildDirectory create(Path root) throws IOException {
        Path dir = Files.createDirectory(root.resolve(PREFIX + UUID.randomUUID()));
        ACTIVE.add(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        try {
            return new BuildDirectory(dir, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            channel.close();
            ACTIVE.remove(dir);
            throw e;
        }
    }

    /** @return the directory to build in */
    Path dir() {
        return dir;
    }

    /** Deletes the directory with whatever is left in it, and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            deleteTree(dir);
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
                ACTIVE.remove(dir);
            }
        }
    }

    /**
     * Deletes the build directories under {@code root} that no live process holds: what a crash left of a build
     * (a half-written repository) or of a removal. A build in progress in this or another process is left alone.
     *
     * @return the directories deleted
     */
    static List<Path> removeAbandoned(Path root) throws IOException {
        List<Path> candidates;
        try (Stream<Path> children = Files.list(root)) {
            candidates = children.filter(p -> {
                String name = p.getFileName().toString();
                return Files.isDirectory(p) && (name.startsWith(PREFIX) || name.startsWith(LEGACY_PREFIX));
            }).sorted().toList();
        }
        List<Path> removed = new ArrayList<>();
        for (Path candidate : candidates) {
            if (candidate.getFileName().toString().startsWith(LEGACY_PREFIX) || !inUse(candidate)) {
                deleteTree(candidate);
                removed.add(candidate);
            }
        }
        return removed;
    }

    /** Whether a live process holds the directory's lock. A directory without its lock file is a crash's leftover. */
    private static boolean inUse(Path dir) throws IOException {
        if (ACTIVE.contains(dir)) {
            return true;
        }
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
