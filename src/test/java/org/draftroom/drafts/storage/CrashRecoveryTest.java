package org.draftroom.drafts.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What a crashed writer leaves in the repository root (half-built repositories, lock files) never blocks the next
 * start or the next commit, and what a live writer holds is never taken from it.
 */
class CrashRecoveryTest {

    static final Person ALICE = new Person("王丽", "wangli@example.cn");

    @TempDir
    Path root;

    GitDraftStore store;
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    Logger staleLocksLog = (Logger) LoggerFactory.getLogger(StaleLocks.class);

    @BeforeEach
    void openStore() {
        store = new GitDraftStore(root, Clock.systemUTC(), Duration.ofMinutes(2));
        warnings.start();
        staleLocksLog.addAppender(warnings);
    }

    @AfterEach
    void closeStore() {
        staleLocksLog.detachAppender(warnings);
        store.close();
    }

    String firstVersion(String projectId) {
        return store.createProject(projectId, CommitRequest.initial(Map.of("draft.md", "# 范围 {#scope}\n\n文本。\n"),
                ALICE, "Start")).version().commitId();
    }

    Path leaveLock(String projectId, String name, Duration age) throws IOException {
        Path lock = root.resolve(projectId + ".git").resolve(name);
        Files.createDirectories(lock.getParent());
        Files.writeString(lock, "0000000000000000000000000000000000000000\n");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(age)));
        return lock;
    }

    @Test
    void a_branch_lock_left_by_a_crashed_commit_is_removed_with_a_warning_and_the_next_commit_succeeds()
            throws IOException {
        String first = firstVersion("p1");
        Path lock = leaveLock("p1", "refs/heads/main.lock", Duration.ofMinutes(10));

        CommitResult next = store.commit("p1", CommitRequest.onTopOf(first, Map.of("draft.md", "# 范围 {#scope}\n\n新。\n"),
                ALICE, "Edit"));

        assertThat(next.created()).isTrue();
        assertThat(store.head("p1")).contains(next.version().commitId());
        assertThat(lock).doesNotExist();
        assertThat(warnings.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("main.lock").contains("p1");
        });
    }

    @Test
    void a_fresh_branch_lock_of_a_commit_in_progress_is_not_taken_away() throws IOException {
        String first = firstVersion("p1");
        Path lock = leaveLock("p1", "refs/heads/main.lock", Duration.ofSeconds(1));
        String content = Files.readString(lock);

        assertThatThrownBy(() -> store.commit("p1", CommitRequest.onTopOf(first,
                Map.of("draft.md", "# 范围 {#scope}\n\n新。\n"), ALICE, "Edit")))
                .isInstanceOf(StaleVersionException.class);

        assertThat(lock).exists().hasContent(content);
        assertThat(store.head("p1")).contains(first);
        assertThat(warnings.list).isEmpty();
    }

    @Test
    void a_stale_tag_lock_does_not_stop_tagging() throws IOException {
        String first = firstVersion("p1");
        Path lock = leaveLock("p1", "refs/tags/cd-1.lock", Duration.ofHours(3));

        store.createTag("p1", "cd-1", first, ALICE, "征求意见稿");

        assertThat(lock).doesNotExist();
        assertThat(store.listTags("p1")).extracting(Tag::name).containsExactly("cd-1");
    }

    @Test
    void a_stale_packed_refs_lock_does_not_stop_packing() throws IOException {
        firstVersion("p1");
        Path lock = leaveLock("p1", "packed-refs.lock", Duration.ofMinutes(5));

        store.compact("p1");

        assertThat(lock).doesNotExist();
        assertThat(root.resolve("p1.git/packed-refs")).exists();
    }

    @Test
    void stale_locks_are_removed_when_a_repository_is_first_opened_after_a_start() throws IOException {
        firstVersion("p1");
        store.close();
        Path stale = leaveLock("p1", "packed-refs.lock", Duration.ofMinutes(30));
        Path fresh = leaveLock("p1", "refs/tags/wd-1.lock", Duration.ZERO);

        try (GitDraftStore restarted = new GitDraftStore(root, Clock.systemUTC(), Duration.ofMinutes(2))) {
            assertThat(restarted.head("p1")).isPresent();
        }

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void a_build_that_fails_midway_leaves_no_trace() {
        assertThatThrownBy(() -> store.buildProject("half", staging -> {
            staging.createProject("half");
            staging.commit("half", CommitRequest.initial(Map.of("draft.md", "x\n"), ALICE, "First"));
            throw new IllegalStateException("the build broke off");
        })).hasMessage("the build broke off");

        assertThat(store.projectExists("half")).isFalse();
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void a_project_appears_only_when_its_build_is_complete() {
        String head = store.buildProject("whole", staging -> {
            staging.createProject("whole");
            String id = staging.commit("whole", CommitRequest.initial(Map.of("draft.md", "v1\n"), ALICE, "1"))
                    .version().commitId();
            assertThat(store.projectExists("whole")).isFalse();
            return staging.commit("whole", CommitRequest.onTopOf(id, Map.of("draft.md", "v2\n"), ALICE, "2"))
                    .version().commitId();
        });

        assertThat(store.head("whole")).contains(head);
        assertThat(store.history("whole", HistoryQuery.page(0, 10))).hasSize(2);
        assertThat(store.listProjects()).containsExactly("whole");
    }

    @Test
    void leftovers_of_a_crashed_build_are_removed_but_a_build_in_progress_is_not() throws IOException {
        // What a killed process leaves: a build directory with a half-written repository and a lock file no process
        // holds (the operating system released it when the process died).
        Path crashed = Files.createDirectories(root.resolve(".build-crashed/tc260-large-sample.git/objects/ab"));
        Files.writeString(root.resolve(".build-crashed/build.lock"), "");
        Files.writeString(crashed.resolve("cdef"), "half");
        Path older = root.resolve(".creating-p2-0001.git");
        Files.createDirectories(older.resolve("refs"));

        List<Path> removedDuringBuild = store.buildProject("p3", staging -> {
            staging.createProject("p3");
            staging.commit("p3", CommitRequest.initial(Map.of("draft.md", "x\n"), ALICE, "First"));
            return store.removeAbandonedBuilds();
        });

        assertThat(removedDuringBuild).containsExactlyInAnyOrder(root.resolve(".build-crashed"), older);
        assertThat(store.head("p3")).isPresent();
        try (Stream<Path> left = Files.list(root)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("p3.git");
        }
    }

    @Test
    void a_deleted_project_disappears_at_once_and_leaves_nothing_behind() {
        firstVersion("gone");

        store.deleteProject("gone");

        assertThat(store.projectExists("gone")).isFalse();
        assertThat(root).isEmptyDirectory();
    }
}
