package org.draftroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.editing.ui.LivePage;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Drafts in a real browser: an editor of the project's working group edits a clause live and saves a version, then
 * finds the version in the history and the change in its redline; editors of other groups and reviewers cannot edit.
 */
class DraftsBrowserIT extends BrowserTestBase {

    private static final String SAMPLE = "gbt-35273";

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired UserDetailsService users;

    /**
     * A WG7 copy of the sample for the editing test alone: the sample's newest version can change under it when
     * another test's round opens on the sample (the project moves to the consultation stage in a version).
     */
    private String ownCopy() {
        SignedIn.as(users, "secretariat");
        try {
            return TestProjects.consultationCopy(projects, drafts, "GB/T DB" + (System.nanoTime() % 1_000_000),
                    "起草浏览器测试", "Drafts browser test");
        } finally {
            SignedIn.nobody();
        }
    }

    @Test
    void an_editor_edits_a_clause_saves_and_sees_the_version_in_the_history_and_the_change_in_the_redline() {
        String project = ownCopy();
        LoginPage.open(browser()).signInAs("editor2", DEMO_PASSWORD);
        DraftPage draft = DraftPage.open(browser(), project);
        assertThat(draft.documentText()).contains("范围", "5.1", "8.1", "个人信息主体的权利");

        assertThat(draft.offersClassicEditing()).as("one way to edit: live").isFalse();
        String added = "本文件也适用于主管监管部门开展个人信息安全检查。";
        draft.editLive();
        LivePage live = LivePage.shown(browser()).selectClause("范围");
        live.caretAtEnd();
        live.type(added);
        live.waitUntilSettled();
        browser().screenshot("draft-editing-en");
        live.saveVersion("Extend the scope to supervisory inspections");

        draft = DraftPage.open(browser(), project);
        browser().waitUntil("the saved version to be shown",
                () -> draft2(browser()).versionLine().contains("Extend the scope to supervisory inspections"));
        assertThat(draft.documentText()).contains(added);

        HistoryPage history = draft.openHistory();
        assertThat(history.row("Extend the scope to supervisory inspections")).contains("刘洋 Liu Yang");
        browser().screenshot("history-en");
        RedlinePage redline = history.changesOf("Extend the scope to supervisory inspections");
        assertThat(redline.insertedText()).contains("主管监管部门开展个人信息安全检查");
        browser().screenshot("redline-en");
    }

    private static DraftPage draft2(Browser browser) {
        return DraftPage.shown(browser);
    }

    @Test
    void the_redline_of_the_sample_milestones_shows_the_rights_clauses_as_moved() {
        LoginPage.open(browser()).signInAs("secretariat", DEMO_PASSWORD);
        browser().open("projects/" + SAMPLE + "/redline?from=wd-1&to=cd-1");
        RedlinePage redline = RedlinePage.shown(browser());
        assertThat(redline.text()).contains("7.4 → 8.1");
        assertNoMissingTexts(browser());
    }

    @Test
    void an_editor_of_another_working_group_reads_the_draft_but_cannot_edit_it() {
        LoginPage.open(browser()).signInAs("editor1", DEMO_PASSWORD);
        DraftPage draft = DraftPage.open(browser(), SAMPLE);
        assertThat(draft.documentText()).contains("范围");
        assertThat(draft.canEdit()).isFalse();
    }

    @Test
    void a_reviewer_cannot_open_the_working_drafts() {
        LoginPage.open(browser()).signInAs("reviewer1", DEMO_PASSWORD);
        browser().open("projects/" + SAMPLE);
        browser().waitForVaadin();
        assertThat(browser().$("div").attribute("id", "document").exists()).isFalse();
        assertThat(browser().pageText()).doesNotContain("个人信息安全规范");
    }
}
