package org.draftroom.editing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.draftroom.browser.AppShell;
import org.draftroom.browser.Browser;
import org.draftroom.browser.BrowserTestBase;
import org.draftroom.browser.DraftPage;
import org.draftroom.browser.LoginPage;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.editing.data.EditJournal;
import org.draftroom.security.SignedIn;
import org.draftroom.security.web.ActiveSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * No way out of the editor loses typed text (docs/editing-decision.md). An editor types into a clause and leaves at
 * once, before the typing could have been sent on its own (it is sent every 250 ms): through the navigation, by
 * signing out, by the session ending on the server, by closing the page (a reload); coming back to the clause's
 * address, every typed character is there and acknowledged by the server.
 */
class UnsavedWorkBrowserIT extends BrowserTestBase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String CLAUSE = "scope";

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired UserDetailsService userDetails;
    @Autowired ActiveSessions sessions;
    @Autowired EditJournal journal;

    private String projectId;

    @BeforeEach
    void a_fresh_project_of_editor2s_group() {
        SignedIn.as(userDetails, "secretariat");
        try {
            int n = COUNTER.incrementAndGet();
            projectId = TestProjects.consultationCopy(projects, drafts, "GB/T 96" + (100 + n), "保留测试" + n,
                    "Keep work " + n);
        } finally {
            SignedIn.nobody();
        }
    }

    /** Signs in as editor2, opens the clause by its address and types {@code typed} at its end. */
    private LivePage typeInto(String typed) {
        LoginPage.open(browser()).signInAs("editor2", DEMO_PASSWORD);
        return typeWhileSignedIn(typed);
    }

    private LivePage typeWhileSignedIn(String typed) {
        LivePage live = openAtEnd();
        live.type(typed);
        return live;
    }

    /** Opens the clause by its address with the caret at its end. */
    private LivePage openAtEnd() {
        browser().open("projects/" + projectId + "/live/" + CLAUSE);
        LivePage live = LivePage.shown(browser()).waitForClause(CLAUSE);
        live.caretAtEnd();
        return live;
    }

    /** Comes back to the clause's address (signing in first when asked to) and checks the typing is all there. */
    private void assertKept(String typed) {
        if (browser().path().startsWith("login")) {
            LoginPage.shown(browser()).signInAs("editor2", DEMO_PASSWORD);
        }
        browser().open("projects/" + projectId + "/live/" + CLAUSE);
        LivePage live = LivePage.shown(browser()).waitForClause(CLAUSE);
        browser().waitUntil("the typed text to be back", () -> live.text().contains(typed));
        live.waitUntilSettled();
        assertThat(live.acknowledgedText()).as("acknowledged by the server").contains(typed);
        // And someone else opening the clause reads it too: it is on the server, not only in this browser.
        Browser other = anotherBrowser(CHINESE);
        LoginPage.open(other).signInAs("secretariat", DEMO_PASSWORD);
        other.open("projects/" + projectId + "/live/" + CLAUSE);
        LivePage theirs = LivePage.shown(other).waitForClause(CLAUSE);
        other.waitUntil("the typed text to reach another editor", () -> theirs.text().contains(typed));
    }

    @Test
    void leaving_through_the_navigation_right_after_typing_keeps_the_text() {
        String typed = "离开前输入的文字 navigation";
        typeInto(typed);
        browser().js("document.querySelector('#live-back').click()");
        DraftPage.shown(browser());
        assertKept(typed);
    }

    @Test
    void signing_out_right_after_typing_keeps_the_text() {
        String typed = "退出前输入的文字 sign-out";
        typeInto(typed);
        AppShell.shown(browser()).signOut();
        assertKept(typed);
    }

    @Test
    void the_session_ending_on_the_server_right_after_typing_keeps_the_text_in_the_browser_until_it_is_sent() {
        String typed = "会话过期前输入的文字 expired";
        typeInto(typed);
        sessions.endSessionsOf("editor2", null);
        // What the server had not acknowledged yet stays in this browser (localStorage) and is sent after signing in.
        browser().js("setTimeout(() => location.assign('/'), 0)");
        browser().leaveEvenIfAsked();
        browser().waitForVaadin();
        assertKept(typed);
    }

    @Test
    void after_a_reload_the_editor_is_not_shown_to_themselves_as_someone_else_typing_here() {
        typeInto("重新载入 reload");
        browser().js("setTimeout(() => location.reload(), 0)");
        browser().leaveEvenIfAsked();
        browser().waitForVaadin();
        browser().open("projects/" + projectId + "/live/" + CLAUSE);
        LivePage again = LivePage.shown(browser()).waitForClause(CLAUSE);
        // The page left behind is gone at once, not after the 30 seconds in which a page that stopped answering is
        // still counted as present.
        browser().waitUntil("only this page to be shown as present", () -> again.othersInClause().isEmpty()
                && again.peopleInDocument().size() == 1);
    }

    @Test
    void typing_the_server_took_without_its_answer_arriving_comes_back_once_after_a_reload() {
        LoginPage.open(browser()).signInAs("editor2", DEMO_PASSWORD);
        LivePage live = openAtEnd();
        // The server takes each message, but no answer reaches the page (a connection cut after the request, a node
        // dying after its commit): the page cannot know what the server has.
        browser().js("""
                const e = document.querySelector('dr-live-text');
                const sync = e.$server.sync.bind(e.$server);
                e.$server.sync = m => { sync(m); return new Promise(() => {}); };""");
        live.type(" alpha1");
        browser().waitUntil("the server to take the first typing", () -> journal.countEdits(projectId) > 0);
        live.type(" beta2");
        browser().js("setTimeout(() => location.reload(), 0)");
        browser().leaveEvenIfAsked();
        browser().waitForVaadin();
        browser().open("projects/" + projectId + "/live/" + CLAUSE);
        LivePage again = LivePage.shown(browser()).waitForClause(CLAUSE);
        browser().waitUntil("the typing to be back", () -> again.text().contains("beta2"));
        again.waitUntilSettled();
        assertThat(again.text().stripTrailing()).as("every word once, in order").endsWith(" alpha1 beta2")
                .containsOnlyOnce("alpha1").containsOnlyOnce("beta2");
    }

    @Test
    void typing_sent_but_never_taken_survives_a_rejoin() {
        LoginPage.open(browser()).signInAs("editor2", DEMO_PASSWORD);
        LivePage live = openAtEnd();
        // Messages leave the page but never reach the server.
        browser().js("""
                const e = document.querySelector('dr-live-text');
                e.realSync = e.$server.sync;
                e.$server.sync = m => new Promise(() => {});""");
        live.type(" alpha1");
        browser().waitUntil("the typing to be on its way", () -> Boolean.TRUE.equals(browser().js(
                "return document.querySelector('dr-live-text').state().pending > 0")));
        live.type(" beta2");
        // The connection is back, and the server tells the page to join again (as after a node dropped the clause).
        browser().js("""
                const e = document.querySelector('dr-live-text');
                e.$server.sync = e.realSync;
                e.resync('UNKNOWN_CLIENT');""");
        browser().waitUntil("the rejoin", () -> Boolean.TRUE.equals(browser().js(
                "return document.querySelector('dr-live-text').state().resyncs === 1")));
        live.waitUntilSettled();
        assertThat(live.text()).as("nothing sent is lost, nothing comes twice").endsWith(" alpha1 beta2")
                .containsOnlyOnce("alpha1");
        assertThat(live.acknowledgedText()).endsWith(" alpha1 beta2");
        assertThat(journal.countEdits(projectId)).isPositive();
    }

    @Test
    void closing_the_page_right_after_typing_keeps_the_text() {
        String typed = "关闭页面前输入的文字 close";
        typeInto(typed);
        browser().js("setTimeout(() => location.reload(), 0)");
        browser().leaveEvenIfAsked();
        browser().waitForVaadin();
        assertKept(typed);
    }
}
