package org.draftroom.drafts.storage.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.draftroom.drafts.storage.GitDraftStore;
import org.draftroom.drafts.storage.HistoryQuery;
import org.draftroom.drafts.storage.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The large sample's first-start generation killed with SIGKILL midway, in a JVM of its own: nothing of the
 * half-written history is visible, and the next start removes the leftovers and generates the complete project.
 */
class SampleGenerationCrashIT {

    static final String PROJECT = LargeProjectGenerator.PROJECT_ID;
    static final int COMMITS = LargeProjectGenerator.DEFAULT_EDITS + 1;

    @TempDir
    Path work;

    @Test
    void a_generation_killed_midway_leaves_no_half_project_and_the_next_start_completes_it() throws Exception {
        Path root = work.resolve("drafts-repo");
        Path noSeeds = Files.createDirectories(work.resolve("seed"));
        Files.createDirectories(root);
        int killAfter = ThreadLocalRandom.current().nextInt(100, COMMITS - 200);

        Process start = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                SampleStart.class.getName(), root.toString(), noSeeds.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("first-start.log").toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> committedInBuild(root) >= killAfter);
            // While the first start lives, its build is in progress, and another start must not take it away.
            try (GitDraftStore other = new GitDraftStore(root, Clock.systemUTC())) {
                assertThat(other.removeAbandonedBuilds()).isEmpty();
            }
            start.destroyForcibly();
            assertThat(start.waitFor()).as("killed by SIGKILL").isEqualTo(128 + 9);
        } finally {
            start.destroyForcibly();
        }
        int commitsAtKill = committedInBuild(root);
        assertThat(commitsAtKill).isBetween(killAfter, COMMITS - 1);

        try (GitDraftStore afterCrash = new GitDraftStore(root, Clock.systemUTC())) {
            assertThat(afterCrash.listProjects()).as("no half project after the crash").isEmpty();
        }
        assertThat(buildDirectories(root)).hasSize(1);

        SeedImporter.Report next = SampleStart.run(root, noSeeds);

        assertThat(next.created()).containsExactly(PROJECT);
        assertThat(buildDirectories(root)).isEmpty();
        try (GitDraftStore store = new GitDraftStore(root, Clock.systemUTC())) {
            assertThat(store.listProjects()).containsExactly(PROJECT);
            assertThat(store.history(PROJECT, HistoryQuery.page(0, 5_000))).hasSize(COMMITS);
            assertThat(store.listTags(PROJECT)).extracting(Tag::name).containsExactly("wd-1", "wd-2", "cd-1");
        }
        System.out.printf("Killed the first start after %,d of %,d commits; the next start made all %,d%n",
                commitsAtKill, COMMITS, COMMITS);
    }

    /** Commits on main of the repository being built, 0 while there is none. */
    static int committedInBuild(Path root) throws IOException {
        Optional<Path> build = buildDirectories(root).stream()
                .filter(b -> Files.exists(b.resolve(PROJECT + ".git/refs/heads/main"))).findFirst();
        if (build.isEmpty()) {
            return 0;
        }
        try (GitDraftStore reader = new GitDraftStore(build.get(), Clock.systemUTC())) {
            return reader.history(PROJECT, HistoryQuery.page(0, 5_000)).size();
        } catch (RuntimeException movedOrBeingWritten) {
            return 0;
        }
    }

    static List<Path> buildDirectories(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> p.getFileName().toString().startsWith(".build-")).toList();
        }
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
