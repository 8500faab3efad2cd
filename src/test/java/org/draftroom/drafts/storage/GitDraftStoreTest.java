package org.draftroom.drafts.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitDraftStoreTest {

    static final Person ALICE = new Person("王丽", "wangli@example.cn");
    static final Person BOB = new Person("Bob Chen", "bob@example.com");
    static final Instant T0 = Instant.parse("2024-08-02T09:00:00Z");

    @TempDir
    Path root;

    GitDraftStore store;

    @BeforeEach
    void openStore() {
        store = new GitDraftStore(root, Clock.fixed(T0, ZoneId.of("Asia/Shanghai")));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    String firstVersion(String projectId, String draft) {
        store.createProject(projectId);
        return store.commit(projectId, CommitRequest.initial(Map.of("draft.md", draft, "project.yaml", "id: x\n"),
                ALICE, "Start the draft")).version().commitId();
    }

    @Test
    void committed_text_reads_back_byte_identical() {
        String draft = "# 前言 {#foreword .unnumbered}\r\n\r\n本文件按照GB/T 1.1—2020的规定起草。\n\n"
                + "## 个人信息 personal information {#t-pi .term}\n\ttab\u00a0nbsp 😀 no final newline";
        String id = firstVersion("gbt-35273", draft);

        assertThat(store.readFile("gbt-35273", id, "draft.md")).contains(draft);
        assertThat(store.readBytes("gbt-35273", "main", "draft.md")).hasValueSatisfying(
                bytes -> assertThat(bytes).isEqualTo(draft.getBytes(StandardCharsets.UTF_8)));
        assertThat(store.readFile("gbt-35273", "main", "missing.md")).isEmpty();
    }

    @Test
    void a_commit_records_author_time_message_and_parent() {
        String first = firstVersion("p1", "a\n");
        CommitResult second = store.commit("p1", CommitRequest.onTopOf(first, Map.of("draft.md", "b\n"), BOB,
                "Reword the scope"));

        Version v = second.version();
        assertThat(second.created()).isTrue();
        assertThat(v.author()).isEqualTo(BOB);
        assertThat(v.time()).isEqualTo(T0);
        assertThat(v.subject()).isEqualTo("Reword the scope");
        assertThat(v.parentIds()).containsExactly(first);
        assertThat(v.shortId()).hasSizeGreaterThanOrEqualTo(7).satisfies(s -> assertThat(v.commitId()).startsWith(s));
        assertThat(store.head("p1")).contains(v.commitId());
        assertThat(store.readFile("p1", "main", "project.yaml")).as("files not named are kept").contains("id: x\n");
    }

    @Test
    void co_authors_are_written_as_trailers_and_read_back() {
        String first = firstVersion("p1", "a\n");
        Version v = store.commit("p1", CommitRequest.onTopOf(first, Map.of("draft.md", "b\n"), ALICE,
                "Apply comments CN-001 to CN-004").withCoAuthors(List.of(BOB, ALICE, BOB))).version();

        assertThat(v.message()).isEqualTo("Apply comments CN-001 to CN-004\n\nCo-authored-by: Bob Chen <bob@example.com>\n");
        assertThat(v.coAuthors()).containsExactly(BOB);
        assertThat(store.history("p1", HistoryQuery.page(0, 1)).get(0).coAuthors()).containsExactly(BOB);
    }

    @Test
    void saving_unchanged_content_makes_no_empty_commit() {
        String first = firstVersion("p1", "same\n");
        CommitResult result = store.commit("p1", CommitRequest.onTopOf(first, Map.of("draft.md", "same\n"), BOB,
                "Nothing really"));

        assertThat(result.created()).isFalse();
        assertThat(result.version().commitId()).isEqualTo(first);
        assertThat(store.history("p1", HistoryQuery.page(0, 10))).hasSize(1);
    }

    @Test
    void a_writer_based_on_an_old_head_gets_a_stale_version_and_nothing_is_written() {
        String base = firstVersion("p1", "base\n");
        String winner = store.commit("p1", CommitRequest.onTopOf(base, Map.of("draft.md", "first writer\n"), ALICE,
                "First")).version().commitId();

        assertThatThrownBy(() -> store.commit("p1", CommitRequest.onTopOf(base, Map.of("draft.md", "second\n"), BOB,
                "Second")))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.expectedParentId()).isEqualTo(base);
                    assertThat(e.actualHeadId()).isEqualTo(winner);
                    assertThat(e.messageKey()).isEqualTo("drafts.error.stale-version");
                });
        assertThat(store.head("p1")).contains(winner);
        assertThat(store.history("p1", HistoryQuery.page(0, 10))).extracting(Version::commitId)
                .containsExactly(winner, base);
        assertThat(store.readFile("p1", "main", "draft.md")).contains("first writer\n");
    }

    @Test
    void a_first_commit_into_a_project_that_has_one_already_is_stale() {
        String base = firstVersion("p1", "base\n");

        assertThatThrownBy(() -> store.commit("p1", CommitRequest.initial(Map.of("draft.md", "x"), BOB, "Also first")))
                .isInstanceOfSatisfying(StaleVersionException.class,
                        e -> assertThat(e.actualHeadId()).isEqualTo(base));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "/etc", "..", "A", "x", "-ab", "ab_c", "ab.git", "ab c", "ab\n",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void malformed_project_ids_are_rejected_with_a_message_key(String projectId) {
        assertThatThrownBy(() -> store.createProject(projectId))
                .isInstanceOfSatisfying(InvalidProjectIdException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("drafts.error.invalid-project-id"));
        assertThatThrownBy(() -> store.readFile(projectId, "main", "draft.md"))
                .isInstanceOf(InvalidProjectIdException.class);
        assertThat(root.getParent().resolve("x.git")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.md", "/etc/passwd", "a//b", ".git/config", "dir/../draft.md", "", "a\\b"})
    void file_paths_that_leave_the_tree_are_rejected(String path) {
        String base = firstVersion("p1", "base\n");

        assertThatThrownBy(() -> store.commit("p1", CommitRequest.onTopOf(base, Map.of(path, "x"), BOB, "Escape")))
                .isInstanceOfSatisfying(InvalidNameException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("drafts.error.invalid-file-path"));
        assertThatThrownBy(() -> store.readFile("p1", "main", path)).isInstanceOf(InvalidNameException.class);
    }

    @Test
    void an_unknown_project_or_ref_gives_a_clear_exception() {
        firstVersion("p1", "a\n");

        assertThatThrownBy(() -> store.readFile("nope", "main", "draft.md"))
                .isInstanceOf(ProjectNotFoundException.class);
        assertThatThrownBy(() -> store.readFile("p1", "cd-9", "draft.md"))
                .isInstanceOfSatisfying(UnknownRefException.class, e -> {
                    assertThat(e.ref()).isEqualTo("cd-9");
                    assertThat(e.getMessage()).contains("cd-9", "p1");
                });
        assertThatThrownBy(() -> store.resolve("p1", "HEAD@{1}")).isInstanceOf(UnknownRefException.class);
        assertThatThrownBy(() -> store.resolve("p1", "0000000")).isInstanceOf(UnknownRefException.class);
    }

    @Test
    void a_project_without_commits_has_no_head_and_main_is_unknown() {
        store.createProject("empty");

        assertThat(store.head("empty")).isEmpty();
        assertThat(store.listProjects()).containsExactly("empty");
        assertThatThrownBy(() -> store.readFile("empty", "main", "draft.md")).isInstanceOf(UnknownRefException.class);
    }

    @Test
    void creating_a_project_twice_is_refused() {
        store.createProject("p1");

        assertThatThrownBy(() -> store.createProject("p1")).isInstanceOf(ProjectAlreadyExistsException.class);
        assertThat(store.projectExists("p1")).isTrue();
        assertThat(store.projectExists("p2")).isFalse();
    }

    @Test
    void refs_resolve_from_branch_tag_full_and_abbreviated_ids() {
        String first = firstVersion("p1", "a\n");
        store.createTag("p1", "wd-1", first, ALICE, "Working draft 1");

        assertThat(store.resolve("p1", "main")).isEqualTo(first);
        assertThat(store.resolve("p1", "wd-1")).isEqualTo(first);
        assertThat(store.resolve("p1", first)).isEqualTo(first);
        assertThat(store.resolve("p1", first.substring(0, 8))).isEqualTo(first);
        assertThat(store.resolve("p1", "refs/tags/wd-1")).isEqualTo(first);
    }

    @Test
    void annotated_tags_are_listed_and_shown_on_their_version() {
        String first = firstVersion("p1", "a\n");
        String second = store.commit("p1", CommitRequest.onTopOf(first, Map.of("draft.md", "b\n"), BOB, "Edit"))
                .version().commitId();
        store.createTag("p1", "wd-1", first, ALICE, "工作组讨论稿");
        Tag cd = store.createTag("p1", "cd-1", "main", ALICE, "征求意见稿");

        assertThat(cd.commitId()).isEqualTo(second);
        assertThat(store.listTags("p1")).extracting(Tag::name, Tag::commitId, Tag::tagger, Tag::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("wd-1", first, ALICE, "工作组讨论稿\n"),
                        org.assertj.core.groups.Tuple.tuple("cd-1", second, ALICE, "征求意见稿\n"));
        assertThat(store.history("p1", HistoryQuery.page(0, 10))).extracting(Version::tags)
                .containsExactly(List.of("cd-1"), List.of("wd-1"));
        assertThat(store.readFile("p1", "wd-1", "draft.md")).contains("a\n");
    }

    @Test
    void a_duplicate_tag_is_refused_and_the_first_stays() {
        String first = firstVersion("p1", "a\n");
        store.createTag("p1", "cd-1", first, ALICE, "First");
        String second = store.commit("p1", CommitRequest.onTopOf(first, Map.of("draft.md", "b\n"), BOB, "Edit"))
                .version().commitId();

        assertThatThrownBy(() -> store.createTag("p1", "cd-1", second, ALICE, "Again"))
                .isInstanceOfSatisfying(DuplicateTagException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("drafts.error.duplicate-tag"));
        assertThat(store.resolve("p1", "cd-1")).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CD-1", "1cd", "cd--1", "cd-", "cd..1", "cd/1", "cd 1", "x.lock", "main^"})
    void malformed_tag_names_are_refused(String name) {
        String first = firstVersion("p1", "a\n");

        assertThatThrownBy(() -> store.createTag("p1", name, first, ALICE, "Tag"))
                .isInstanceOfSatisfying(InvalidNameException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("drafts.error.invalid-tag-name"));
    }

    @Test
    void history_pages_newest_first_and_filters_by_path() {
        String head = firstVersion("p1", "v0\n");
        for (int i = 1; i <= 24; i++) {
            Map<String, String> files = i % 5 == 0 ? Map.of("project.yaml", "id: x\nstage: " + i + "\n")
                    : Map.of("draft.md", "v" + i + "\n");
            head = store.commit("p1", CommitRequest.onTopOf(head, files, BOB, "Edit " + i)).version().commitId();
        }

        assertThat(store.history("p1", HistoryQuery.page(0, 10))).extracting(Version::subject)
                .startsWith("Edit 24", "Edit 23").hasSize(10);
        assertThat(store.history("p1", HistoryQuery.page(20, 10))).extracting(Version::subject)
                .containsExactly("Edit 4", "Edit 3", "Edit 2", "Edit 1", "Start the draft");
        assertThat(store.history("p1", HistoryQuery.page(25, 10))).isEmpty();
        List<Version> yamlEdits = store.history("p1", HistoryQuery.page(1, 3).touching("project.yaml"));
        assertThat(yamlEdits).extracting(Version::subject).containsExactly("Edit 15", "Edit 10", "Edit 5");
        assertThat(yamlEdits.get(0).parentIds()).as("real parents, not the filtered ones").hasSize(1)
                .allSatisfy(p -> assertThat(store.history("p1", HistoryQuery.page(0, 1).from(p)).get(0).subject())
                        .isEqualTo("Edit 14"));
    }

    @Test
    void a_file_is_read_at_two_versions_for_a_redline() {
        String first = firstVersion("p1", "old text\n");
        store.createTag("p1", "wd-1", first, ALICE, "WD1");
        String second = store.commit("p1", CommitRequest.onTopOf(first, Map.of("draft.md", "new text\n"), BOB,
                "Edit")).version().commitId();

        FileVersions pair = store.readFileAtTwoVersions("p1", "draft.md", "wd-1", second.substring(0, 10));

        assertThat(pair).isEqualTo(new FileVersions("draft.md", first, "old text\n", second, "new text\n"));
    }

    @Test
    void a_new_store_over_the_same_root_sees_the_projects() {
        String first = firstVersion("p1", "kept\n");
        store.close();

        try (GitDraftStore reopened = new GitDraftStore(root, Clock.systemUTC())) {
            assertThat(reopened.head("p1")).contains(first);
            assertThat(Files.isDirectory(reopened.repositoryDirectory("p1"))).isTrue();
        }
    }

    @Test
    void compacting_keeps_every_version_readable() {
        String head = firstVersion("p1", "v0\n");
        for (int i = 1; i <= 5; i++) {
            head = store.commit("p1", CommitRequest.onTopOf(head, Map.of("draft.md", "v" + i + "\n"), BOB, "Edit"))
                    .version().commitId();
        }
        store.createTag("p1", "cd-1", head, ALICE, "CD");

        store.compact("p1");

        assertThat(store.history("p1", HistoryQuery.page(0, 10))).hasSize(6);
        assertThat(store.readFile("p1", "cd-1", "draft.md")).contains("v5\n");
        String next = store.commit("p1", CommitRequest.onTopOf(head, Map.of("draft.md", "v6\n"), BOB, "After gc"))
                .version().commitId();
        assertThat(store.head("p1")).contains(next);
    }
}
