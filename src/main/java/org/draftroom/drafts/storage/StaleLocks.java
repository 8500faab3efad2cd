package org.draftroom.drafts.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and removes the lock files a crashed writer left in a bare repository. Git (and JGit) take a lock by creating
 * {@code <file>.lock} and release it by renaming it over the file; a process killed in between leaves the lock file
 * behind, and from then on every update of that file fails (a branch that can never move again). A lock is taken to
 * be abandoned when it is older than {@code staleAfter}: longer than any holder keeps one (a ref update holds its
 * lock for milliseconds; nothing in the store holds one for more than a few seconds).
 *
 * <p>Looked at: {@code refs/**}{@code /*.lock}, and {@code packed-refs.lock}, {@code HEAD.lock}, {@code config.lock}
 * and {@code index.lock} at the top of the repository. Thread-safe: removals are serialised, so two threads never
 * judge the same file (one could otherwise delete the fresh lock a writer took after the other removed the stale one).
 */
final class StaleLocks {

    private static final Logger log = LoggerFactory.getLogger(StaleLocks.class);
    private static final List<String> TOP_LEVEL = List.of("packed-refs.lock", "HEAD.lock", "config.lock",
            "index.lock");

    private final Duration staleAfter;
    private final Clock wallClock;

    /**
     * @param staleAfter age from which a lock file counts as abandoned
     * @param wallClock the clock file modification times are compared with (the file system's time, not a clock that
     *         seeding sets to historical dates)
     */
    StaleLocks(Duration staleAfter, Clock wallClock) {
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("The stale-lock age must be positive, got " + staleAfter);
        }
        this.staleAfter = staleAfter;
        this.wallClock = wallClock;
    }

    Duration staleAfter() {
        return staleAfter;
    }

    /**
     * Removes the stale lock files of a repository, logging each at WARN.
     *
     * @return the lock files removed
     */
    synchronized List<Path> recover(String projectId, Path gitDir) throws IOException {
        List<Path> locks = new ArrayList<>();
        for (String name : TOP_LEVEL) {
            Path lock = gitDir.resolve(name);
            if (Files.isRegularFile(lock)) {
                locks.add(lock);
            }
        }
        Path refs = gitDir.resolve("refs");
        if (Files.isDirectory(refs)) {
            try (Stream<Path> files = Files.walk(refs)) {
                files.filter(p -> p.getFileName().toString().endsWith(".lock") && Files.isRegularFile(p))
                        .forEach(locks::add);
            }
        }
        List<Path> removed = new ArrayList<>();
        for (Path lock : locks) {
            if (removeIfStale(projectId, gitDir, lock)) {
                removed.add(lock);
            }
        }
        return removed;
    }

    /**
     * Removes one lock file if it is stale.
     *
     * @return whether it was removed (false when it is fresh or gone already)
     */
    synchronized boolean removeIfStale(String projectId, Path gitDir, Path lock) throws IOException {
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(lock).toInstant();
        } catch (NoSuchFileException released) {
            return false;
        }
        Duration age = Duration.between(modified, wallClock.instant());
        if (age.compareTo(staleAfter) < 0) {
            return false;
        }
        if (Files.deleteIfExists(lock)) {
            log.warn("Removed the lock file {} of project {}, left {} s ago by a writer that did not finish (a crash);"
                    + " no writer holds a lock longer than {} s", gitDir.relativize(lock), projectId,
                    age.toSeconds(), staleAfter.toSeconds());
            return true;
        }
        return false;
    }
}
