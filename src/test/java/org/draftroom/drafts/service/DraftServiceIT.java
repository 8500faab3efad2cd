package org.draftroom.drafts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.draftroom.IntegrationTest;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.domain.ClauseChange;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Drafts against real Git repositories and the real database, through the services' security boundary. */
@IntegrationTest
class DraftServiceIT {

    private static final String SAMPLE = "gbt-35273";

    @Autowired DraftService drafts;
    @Autowired ProjectService projects;
    @Autowired DraftStore store;
    @Autowired UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    /** A fresh WG7 project with the sample's 2020 text, so tests do not disturb each other. */
    private Project freshProject(String code) {
        SignedIn.as(users, "secretariat");
        DraftDocument text = drafts.open(SAMPLE, "cd-1").document();
        Project project = projects.create(new ProjectForm(code, "测试项目", "Test project", DocumentType.GB_T, "WG7",
                Stage.DRAFTING, "20.20", "CN-BCL"), text);
        SignedIn.nobody();
        return project;
    }

    @Test
    void the_sample_project_is_imported_with_its_two_versions_and_milestones() {
        SignedIn.as(users, "editor1");
        List<VersionInfo> history = drafts.history(SAMPLE, 0, 10);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).tags()).containsExactly("cd-1");
        assertThat(history.get(1).tags()).containsExactly("wd-1");
        assertThat(drafts.open(SAMPLE, "cd-1").outline().number("c-rights")).isEqualTo("8");
    }

    @Test
    void saving_creates_one_version_authored_by_the_editor() {
        Project project = freshProject("GB/T 90001");
        SignedIn.as(users, "editor2");
        DraftService.DraftSnapshot snapshot = drafts.open(project.id(), null);
        DraftDocument edited = Outline.replaceBody(snapshot.document(), "scope", "\n本文件规定了个人信息处理活动的安全要求。\n\n");

        DraftService.SaveResult result = drafts.save(project.id(), snapshot.version().commitId(), edited.text(),
                "Tighten the scope");

        assertThat(result.changed()).isTrue();
        assertThat(result.version().authorName()).isEqualTo("刘洋 Liu Yang");
        assertThat(result.version().authorEmail()).isEqualTo("editor2@example.org");
        assertThat(drafts.history(project.id(), 0, 1).get(0).subject()).isEqualTo("Tighten the scope");
        assertThat(new String(drafts.rawDraft(project.id(), null), StandardCharsets.UTF_8))
                .contains("本文件规定了个人信息处理活动的安全要求。");
    }

    @Test
    void two_saves_from_the_same_version_touching_different_clauses_are_merged() {
        Project project = freshProject("GB/T 90002");
        SignedIn.as(users, "editor2");
        DraftService.DraftSnapshot base = drafts.open(project.id(), null);
        String baseId = base.version().commitId();
        DraftDocument first = Outline.replaceBody(base.document(), "scope", "\n第一位编辑修改了范围。\n\n");
        DraftDocument second = Outline.retitle(base.document(), "c-rights", "个人信息主体的权利（修订）");

        drafts.save(project.id(), baseId, first.text(), "First editor");
        DraftService.SaveResult secondResult = drafts.save(project.id(), baseId, second.text(), "Second editor");

        assertThat(secondResult.merged()).isTrue();
        DraftDocument now = drafts.open(project.id(), null).document();
        assertThat(now.require("scope").body()).contains("第一位编辑修改了范围");
        assertThat(now.require("c-rights").title()).isEqualTo("个人信息主体的权利（修订）");
    }

    @Test
    void two_saves_changing_the_same_clause_differently_are_a_conflict_and_nothing_is_overwritten() {
        Project project = freshProject("GB/T 90003");
        SignedIn.as(users, "editor2");
        DraftService.DraftSnapshot base = drafts.open(project.id(), null);
        String baseId = base.version().commitId();
        drafts.save(project.id(), baseId, Outline.replaceBody(base.document(), "scope", "\n甲的范围。\n\n").text(),
                "A");
        String headAfterFirst = store.head(project.id()).orElseThrow();

        assertThatThrownBy(() -> drafts.save(project.id(), baseId,
                Outline.replaceBody(base.document(), "scope", "\n乙的范围。\n\n").text(), "B"))
                .isInstanceOfSatisfying(SaveConflictException.class, e -> {
                    assertThat(e.conflicts()).singleElement().satisfies(c -> {
                        assertThat(c.clauseId()).isEqualTo("scope");
                        assertThat(c.oursText()).contains("乙的范围");
                        assertThat(c.theirsText()).contains("甲的范围");
                    });
                    assertThat(e.currentCommitId()).isEqualTo(headAfterFirst);
                });
        assertThat(store.head(project.id())).contains(headAfterFirst);
        assertThat(drafts.open(project.id(), null).document().require("scope").body()).contains("甲的范围");
    }

    @Test
    void a_reviewer_or_an_editor_of_another_working_group_cannot_save() {
        Project project = freshProject("GB/T 90004");
        SignedIn.as(users, "editor1");
        DraftService.DraftSnapshot snapshot = drafts.open(project.id(), null);
        assertThat(snapshot.editable()).as("WG1 editor reads the WG7 draft but may not edit it").isFalse();
        assertThatThrownBy(() -> drafts.save(project.id(), snapshot.version().commitId(),
                snapshot.document().text() + "\n追加。\n", "Sneaky edit")).isInstanceOf(AccessDeniedException.class);

        SignedIn.as(users, "reviewer1");
        assertThatThrownBy(() -> drafts.open(project.id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> drafts.save(project.id(), snapshot.version().commitId(), "# x {#x}\n", "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(drafts.history(projectAs("editor2", project), 0, 10)).hasSize(1);
    }

    private String projectAs(String username, Project project) {
        SignedIn.as(users, username);
        return project.id();
    }

    @Test
    void a_save_without_a_message_is_refused() {
        Project project = freshProject("GB/T 90005");
        SignedIn.as(users, "editor2");
        DraftService.DraftSnapshot snapshot = drafts.open(project.id(), null);
        assertThatThrownBy(() -> drafts.save(project.id(), snapshot.version().commitId(),
                snapshot.document().text() + "\n", "  ")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("draft.save.message-required"));
    }

    @Test
    void a_save_nesting_quotes_ten_thousand_levels_deep_is_refused_and_writes_nothing() {
        Project project = freshProject("GB/T 90010");
        SignedIn.as(users, "editor2");
        DraftService.DraftSnapshot snapshot = drafts.open(project.id(), null);
        int versions = drafts.history(project.id(), 0, 10).size();
        String deep = snapshot.document().text() + "\n" + ">".repeat(10_000) + " deep\n";
        assertThatThrownBy(() -> drafts.save(project.id(), snapshot.version().commitId(), deep, "deep"))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("draft.save.too-deep"));
        assertThat(drafts.history(project.id(), 0, 10)).hasSize(versions);
    }

    @Test
    void a_faulty_markdown_upload_is_refused_with_its_problems_and_writes_nothing() {
        Project project = freshProject("GB/T 90006");
        SignedIn.as(users, "editor2");
        String before = store.head(project.id()).orElseThrow();
        byte[] faulty = """
                # 范围 {#scope}

                见[](#missing)。

                # 范围二 {#scope}
                """.getBytes(StandardCharsets.UTF_8);
        byte[] invalidUtf8 = {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'};

        // The file's own problems first; cross-references are checked once its clauses are matched to the
        // previous version's (a reference may name an id the previous version has).
        assertThatThrownBy(() -> drafts.importVersion(project.id(), faulty, "Upload"))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.key()).contains("draft.check.duplicate-id"));
        byte[] brokenReference = """
                # 范围 {#scope}

                见[](#missing)。
                """.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> drafts.importVersion(project.id(), brokenReference, "Upload"))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.key()).contains("draft.check.broken-reference"));
        assertThatThrownBy(() -> drafts.importVersion(project.id(), invalidUtf8, "Upload"))
                .isInstanceOf(ImportRejectedException.class);
        assertThatThrownBy(() -> drafts.importVersion(project.id(), new byte[3 * 1024 * 1024], "Upload"))
                .isInstanceOf(ImportRejectedException.class);
        assertThat(store.head(project.id())).contains(before);
    }

    @Test
    void plain_markdown_with_headings_becomes_a_new_version_with_assigned_ids() {
        Project project = freshProject("GB/T 90007");
        SignedIn.as(users, "editor2");
        byte[] plain = "# 前言\n\n本文件按照GB/T 1.1—2020的规定起草。\n\n# 范围\n\n本文件规定了要求。\n\n## 总则\n\n略。\n"
                .getBytes(StandardCharsets.UTF_8);

        DraftService.SaveResult result = drafts.importVersion(project.id(), plain, "Import from Word export");

        DraftService.DraftSnapshot now = drafts.open(project.id(), null);
        assertThat(result.changed()).isTrue();
        assertThat(now.outline().clauses()).extracting(c -> c.number()).containsExactly("", "1", "1.1");
        assertThat(now.document().clauses()).allSatisfy(c -> assertThat(c.id()).isNotBlank());
    }

    @Test
    void the_redline_of_the_sample_shows_the_rights_clauses_as_moved_from_clause_7_to_clause_8() {
        SignedIn.as(users, "editor1");
        DraftService.Comparison comparison = drafts.compare(SAMPLE, "wd-1", "cd-1");

        List<ClauseChange> rights = comparison.redline().changes().stream()
                .filter(c -> c.before() != null && c.before().number().startsWith("7.") && c.after() != null
                        && c.after().number().startsWith("8."))
                .toList();
        assertThat(rights).hasSizeGreaterThanOrEqualTo(5).allSatisfy(c -> {
            assertThat(c.status()).isIn(ClauseChange.Status.MOVED, ClauseChange.Status.MODIFIED);
            assertThat(c.moved()).isTrue();
        });
    }

    @Test
    void the_secretariat_tags_a_milestone_and_moves_the_project_to_another_stage() {
        Project project = freshProject("GB/T 90008");
        SignedIn.as(users, "secretariat");
        String head = store.head(project.id()).orElseThrow();

        drafts.tag(project.id(), head, "wd-2", "工作组讨论稿第二稿");
        assertThatThrownBy(() -> drafts.tag(project.id(), head, "wd-2", "again"))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("drafts.error.duplicate-tag"));
        assertThatThrownBy(() -> drafts.tag(project.id(), head, "Not A Tag!", ""))
                .isInstanceOf(UserFacingException.class);

        projects.changeStage(project.id(), Stage.CONSULTATION, "30.20", "征求意见稿完成，开始征求意见");
        assertThat(projects.get(project.id()).stage()).isEqualTo(Stage.CONSULTATION);
        assertThat(projects.stageHistory(project.id())).extracting(s -> s.toCode()).containsExactly("20.20", "30.20");
        assertThat(store.readFile(project.id(), "main", DraftStore.MANIFEST_FILE).orElseThrow())
                .contains("key: consultation").contains("code: '30.20'");
        assertThat(drafts.history(project.id(), 0, 10).get(1).tags()).containsExactly("wd-2");

        assertThatThrownBy(() -> projects.changeStage(project.id(), Stage.REVIEW, "4O.OO", "typo"))
                .isInstanceOfSatisfying(FieldProblemException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("project.stage-code.invalid"));
        SignedIn.as(users, "editor2");
        assertThatThrownBy(() -> projects.changeStage(project.id(), Stage.REVIEW, "40.20", "not mine"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> drafts.tag(project.id(), head, "cd-9", "")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void project_codes_are_unique_and_a_project_id_never_leaves_the_repository_directory() {
        freshProject("GB/T 90009");
        SignedIn.as(users, "secretariat");
        assertThatThrownBy(() -> projects.create(new ProjectForm("gb/t 90009", "重复", "Duplicate", DocumentType.GB_T,
                "WG7", Stage.DRAFTING, "", null), null)).isInstanceOfSatisfying(FieldProblemException.class,
                e -> assertThat(e.messageKey()).isEqualTo("project.code.taken"));
        Project odd = projects.create(new ProjectForm("../../etc/passwd", "路径", "Path", DocumentType.GB_Z, "WG7",
                Stage.PRELIMINARY, "", null), null);
        assertThat(odd.id()).matches("[a-z0-9][a-z0-9-]*").doesNotContain("..");
        SignedIn.as(users, "editor1");
        assertThatThrownBy(() -> drafts.open("../" + SAMPLE, null)).isInstanceOf(UserFacingException.class);
    }
}
