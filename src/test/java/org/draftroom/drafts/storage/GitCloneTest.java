package org.draftroom.drafts.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.draftroom.drafts.storage.GitCommand.run;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any Git client can clone a project repository and read the draft as plain text. */
class GitCloneTest {

    @TempDir
    Path root;

    @TempDir
    Path work;

    @Test
    void command_line_git_clones_a_project_and_sees_draft_tags_and_authors() throws Exception {
        assumeTrue(GitCommand.available(), "the git binary is needed for this test");
        String draft = "# 前言 {#foreword .unnumbered}\n\n本文件按照GB/T 1.1—2020的规定起草。\n";
        String manifest = "id: gbt-35273\n";
        try (GitDraftStore store = new GitDraftStore(root,
                Clock.fixed(Instant.parse("2020-03-06T02:00:00Z"), ZoneOffset.ofHours(8)))) {
            store.createProject("gbt-35273");
            String id = store.commit("gbt-35273", CommitRequest.initial(
                    Map.of("draft.md", draft, "project.yaml", manifest), new Person("王丽", "wangli@example.cn"),
                    "Import the 2020 text").withCoAuthors(List.of(new Person("Bob", "bob@example.com"))))
                    .version().commitId();
            store.createTag("gbt-35273", "cd-1", id, new Person("秘书处", "secretariat@example.cn"), "征求意见稿");

            Path clone = work.resolve("clone");
            run(work, "git", "clone", "--quiet", store.repositoryDirectory("gbt-35273").toString(), clone.toString());

            assertThat(Files.readString(clone.resolve("draft.md"), StandardCharsets.UTF_8)).isEqualTo(draft);
            assertThat(Files.readString(clone.resolve("project.yaml"), StandardCharsets.UTF_8)).isEqualTo(manifest);
            assertThat(run(clone, "git", "rev-parse", "HEAD").strip()).isEqualTo(id);
            assertThat(run(clone, "git", "log", "-1", "--format=%an <%ae>|%aI|%(trailers:key=Co-authored-by,valueonly)"))
                    .startsWith("王丽 <wangli@example.cn>|2020-03-06T10:00:00+08:00|Bob <bob@example.com>");
            assertThat(run(clone, "git", "tag", "-n1").strip()).isEqualTo("cd-1            征求意见稿");
            assertThat(run(clone, "git", "fsck", "--strict")).doesNotContain("error");
        }
    }
}
