package org.draftroom.drafts.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.draftroom.drafts.storage.GitCommand.run;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.draftroom.drafts.DraftVersionCommitted;
import org.draftroom.drafts.DraftVersionTagged;
import org.draftroom.drafts.DraftsProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror a committee publishes its drafts to: real repositories on both sides, pushed over Git's own transport
 * (a {@code file:} URL), read back with the {@code git} command as a member reading the mirror would.
 */
class RepositoryMirrorTest {

    static final Person ALICE = new Person("王丽", "wangli@example.cn");

    @TempDir
    Path dir;

    GitDraftStore store;
    RepositoryMirror mirror;

    @BeforeEach
    void open() {
        assumeTrue(GitCommand.available(), "the git binary is needed for this test");
        store = new GitDraftStore(dir.resolve("repos"), Clock.fixed(Instant.parse("2024-08-02T09:00:00Z"),
                ZoneOffset.ofHours(8)));
    }

    @AfterEach
    void close() throws InterruptedException {
        if (mirror != null) {
            mirror.destroy();
        }
        if (store != null) {
            store.close();
        }
    }

    private RepositoryMirror mirrorAt(String url) {
        return new RepositoryMirror(store, new DraftsProperties(Duration.ofMinutes(2),
                new DraftsProperties.Mirror(url, "", "", Duration.ofMinutes(5))), null);
    }

    /** {@code file:///…/mirrors/{project}.git}, whether the directory exists or not. */
    private static String url(Path mirrors) {
        return mirrors.toUri().toString().replaceFirst("/$", "") + "/{project}.git";
    }

    private String commit(String projectId, String text) {
        if (!store.projectExists(projectId)) {
            store.createProject(projectId);
            return store.commit(projectId, CommitRequest.initial(Map.of("draft.md", text), ALICE, "Start"))
                    .version().commitId();
        }
        String head = store.head(projectId).orElseThrow();
        return store.commit(projectId, CommitRequest.onTopOf(head, Map.of("draft.md", text), ALICE, "Edit"))
                .version().commitId();
    }

    @Test
    void every_new_version_and_tag_reaches_the_mirror() throws Exception {
        Path mirrors = dir.resolve("mirrors");
        mirror = mirrorAt(url(mirrors));
        String first = commit("gbt-35273", "# 范围\n\n本文件规定了个人信息处理活动应遵循的原则。\n");
        mirror.on(new DraftVersionCommitted("gbt-35273", first, null));
        String second = commit("gbt-35273", "# 范围\n\n本文件规定了个人信息处理活动应遵循的原则和安全要求。\n");
        mirror.on(new DraftVersionCommitted("gbt-35273", second, first));
        store.createTag("gbt-35273", "cd-1", second, ALICE, "征求意见稿");
        mirror.on(new DraftVersionTagged("gbt-35273", "cd-1", second));

        Path published = mirrors.resolve("gbt-35273.git");
        await().atMost(30, TimeUnit.SECONDS).ignoreExceptions().until(() -> Files.isDirectory(published)
                && run(published, "git", "tag", "-n1").contains("cd-1"));
        assertThat(run(published, "git", "rev-parse", "refs/heads/main").strip()).isEqualTo(second);
        assertThat(run(published, "git", "rev-parse", "cd-1^{commit}").strip()).isEqualTo(second);
        assertThat(run(published, "git", "show", "main:draft.md")).contains("和安全要求");
        assertThat(run(published, "git", "log", "--format=%an", "main")).isEqualTo("王丽\n王丽\n");
        assertThat(run(published, "git", "fsck", "--full", "--strict")).doesNotContainIgnoringCase("error");
        // A member clones the mirror and finds the draft checked out.
        Path clone = dir.resolve("member");
        run(dir, "git", "clone", "--quiet", published.toString(), clone.toString());
        assertThat(Files.readString(clone.resolve("draft.md"))).contains("和安全要求");
    }

    @Test
    void a_mirror_that_is_down_delays_no_save_and_catches_up_when_it_is_back() throws Exception {
        Path mirrors = dir.resolve("mirrors");
        Files.writeString(mirrors, "not a directory: nothing can be created under it");
        mirror = mirrorAt(url(mirrors));
        String first = commit("p1", "a\n");

        assertThat(mirror.push("p1")).as("pushed to a mirror that cannot be written").isFalse();
        String second = commit("p1", "b\n");
        assertThat(store.head("p1")).contains(second);

        Files.delete(mirrors);
        Files.createDirectories(mirrors);
        assertThat(mirror.push("p1")).isTrue();
        assertThat(run(mirrors.resolve("p1.git"), "git", "rev-parse", "main").strip()).isEqualTo(second);
        assertThat(run(mirrors.resolve("p1.git"), "git", "rev-list", "--count", "main").strip()).isEqualTo("2");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_mirror_that_has_moved_on_elsewhere_is_never_rewound() throws Exception {
        Path mirrors = dir.resolve("mirrors");
        mirror = mirrorAt(url(mirrors));
        commit("p1", "a\n");
        assertThat(mirror.push("p1")).isTrue();

        // Someone commits on the mirror itself.
        Path clone = dir.resolve("clone");
        run(dir, "git", "clone", "--quiet", mirrors.resolve("p1.git").toString(), clone.toString());
        Files.writeString(clone.resolve("draft.md"), "written on the mirror\n");
        run(clone, "git", "-c", "user.name=Someone", "-c", "user.email=someone@example.org", "commit", "--quiet",
                "-am", "Elsewhere");
        run(clone, "git", "push", "--quiet", "origin", "main");
        String elsewhere = run(clone, "git", "rev-parse", "HEAD").strip();

        commit("p1", "b\n");
        assertThat(mirror.push("p1")).as("pushed over a mirror that moved on").isFalse();
        assertThat(run(mirrors.resolve("p1.git"), "git", "rev-parse", "main").strip()).isEqualTo(elsewhere);
    }
}
