package org.draftroom.editing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.draftroom.StickyProxy;
import org.draftroom.browser.Browser;
import org.draftroom.browser.BrowserTestBase;
import org.draftroom.browser.LoginPage;
import org.draftroom.security.Role;
import org.draftroom.security.SignedIn;
import org.draftroom.security.domain.UserForm;
import org.draftroom.security.domain.WorkingGroup;
import org.draftroom.security.service.DirectoryService;
import org.draftroom.security.service.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Live co-editing in real browsers: three editors of the project's working group type into the same clause at the
 * same time and end with the same text holding every keystroke; a late joiner sees that text; presence markers come
 * and go; Chinese input-method composition is never disturbed by incoming text; the network may drop.
 */
class LiveEditingBrowserIT extends BrowserTestBase {

    private static final String SAMPLE = "gbt-35273";
    /** Three editors of WG7, the sample project's working group: editor2, the secretariat, and one made here. */
    private static final String THIRD = "live.editor3";
    private static final String THIRD_NAME = "陈静 Chen Jing";

    @Autowired
    private UserService users;
    @Autowired
    private DirectoryService directory;
    @Autowired
    private UserDetailsService userDetails;
    @LocalServerPort
    private int port;

    @BeforeEach
    void a_third_editor_of_wg7_exists() {
        SignedIn.as(userDetails, "admin");
        try {
            if (users.count(THIRD) == 0) {
                long wg7 = directory.workingGroups().stream().filter(g -> g.code().equals("WG7"))
                        .map(WorkingGroup::id).findFirst().orElseThrow();
                UserForm form = new UserForm();
                form.setUsername(THIRD);
                form.setDisplayName(THIRD_NAME);
                form.setPassword(DEMO_PASSWORD + "-3");
                form.setRoles(Set.of(Role.EDITOR));
                form.setWorkingGroupIds(Set.of(wg7));
                users.create(form);
                SignedIn.as(userDetails, THIRD);
                users.changeOwnPassword(DEMO_PASSWORD + "-3", DEMO_PASSWORD, false, null);
            }
        } finally {
            SignedIn.nobody();
        }
    }

    private LivePage signInAndOpen(Browser browser, String username) {
        LoginPage.open(browser).signInAs(username, DEMO_PASSWORD);
        return LivePage.open(browser, SAMPLE);
    }

    @Test
    void three_editors_typing_into_one_clause_at_once_end_with_the_same_text_holding_every_keystroke() throws Exception {
        LivePage en = signInAndOpen(browser(), "editor2");
        LivePage zh = signInAndOpen(anotherBrowser(CHINESE), "secretariat");
        LivePage third = signInAndOpen(anotherBrowser(ENGLISH), THIRD);
        List<LivePage> pages = List.of(en, zh, third);
        for (LivePage page : pages) {
            page.selectClause("scope", "范围");
        }
        // Each editor gets a line of their own at the end of the clause and types at its end.
        en.caretAfter(en.text());
        en.type("\n[A]\n[B]\n[C]");
        for (LivePage page : pages) {
            page.browser().waitUntil("the three lines to reach every editor", () -> page.text().contains("[A]\n[B]\n[C]"));
        }
        assertThat(en.markersInOutline("scope")).containsExactlyInAnyOrder("刘洋 Liu Yang", "王芳 Wang Fang",
                THIRD_NAME);

        String typedA = "the quick brown fox jumps over the lazy dog, shall conform to clause 5. ".repeat(3)
                .substring(0, 210);
        String typedB = "本文件规定了个人信息控制者在收集、保存、使用、共享、转让、公开披露等信息处理环节中的相关行为应遵循的原则和安全要求。"
                .repeat(5).substring(0, 205);
        String typedC = "0123456789 ABCDEFGHIJ KLMNOPQRST UVWXYZ ".repeat(6).substring(0, 220);
        String[] typed = {typedA, typedB, typedC};
        String[] markers = {"[A]", "[B]", "[C]"};
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> typing = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                LivePage page = pages.get(i);
                String text = typed[i];
                String marker = markers[i];
                typing.add(pool.submit(() -> {
                    page.caretAfter(marker);
                    for (int k = 0; k < text.length(); k += 3) {
                        page.type(text.substring(k, Math.min(text.length(), k + 3)));
                    }
                    return null;
                }));
            }
            // Mid-burst: everyone's text is arriving in everyone's editor.
            en.browser().waitUntil("others' typing to show up while typing",
                    () -> en.text().contains("[B]本文件") && en.text().contains("[C]0123"));
            en.browser().screenshot("live-three-typing-en");
            zh.browser().screenshot("live-three-typing-zh");
            third.browser().screenshot("live-three-typing-third");
            for (Future<?> f : typing) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        for (LivePage page : pages) {
            page.browser().waitUntil("the editor to settle", page::settled);
        }
        String expected = "[A]" + typedA + "\n[B]" + typedB + "\n[C]" + typedC;
        for (LivePage page : pages) {
            page.browser().waitUntil("every editor to show every keystroke",
                    () -> page.text().endsWith(expected) && page.text().equals(en.text()));
        }
        assertThat(zh.text()).isEqualTo(en.text()).isEqualTo(third.text()).endsWith(expected);
        assertThat(en.state().get("resyncs")).isEqualTo(0L);
        en.browser().screenshot("live-three-done-en");
        zh.browser().screenshot("live-three-done-zh");
        assertNoMissingTexts(en.browser());
        assertNoMissingTexts(zh.browser());

        // A fourth editor joining late sees the same text.
        LivePage late = signInAndOpen(anotherBrowser(ENGLISH), "editor2");
        late.selectClause("scope", "范围");
        assertThat(late.text()).isEqualTo(en.text());
        en.browser().waitUntil("the late joiner's marker", () -> en.markersInOutline("scope").size() == 4);
        en.browser().screenshot("live-presence-four");

        // Markers go when people leave or move to another clause.
        third.browser().open("projects");
        en.browser().waitUntil("the third editor's marker to go", () -> !en.markersInOutline("scope").contains(THIRD_NAME)
                && !en.peopleInDocument().contains(THIRD_NAME));
        zh.selectClause("t-pi", "个人信息 personal information");
        en.browser().waitUntil("the secretariat's marker to move to 3.1",
                () -> !en.markersInOutline("scope").contains("王芳 Wang Fang")
                        && en.markersInOutline("t-pi").contains("王芳 Wang Fang"));
        en.browser().screenshot("live-presence-moved");
        zh.browser().screenshot("live-presence-moved-zh");
    }

    @Test
    void an_idle_live_editor_polls_about_every_two_seconds_and_still_gets_others_typing_at_once() {
        LivePage idle = signInAndOpen(browser(), "editor2");
        LivePage typist = signInAndOpen(anotherBrowser(ENGLISH), "secretariat");
        idle.selectClause("scope", "范围");
        typist.selectClause("scope", "范围");
        idle.waitUntilSettled();
        typist.waitUntilSettled();
        long before = (Long) idle.state().get("syncs");
        // Ten seconds of nobody typing: one poll per 2 s gives 5; syncing after every round trip gave hundreds.
        long end = System.currentTimeMillis() + 10_000;
        idle.browser().waitUntil("ten idle seconds", () -> System.currentTimeMillis() >= end);
        assertThat((Long) idle.state().get("syncs") - before).as("syncs of an idle editor in 10 s")
                .isBetween(3L, 8L);

        // Polling slowly must not make others' typing slow: it comes with a "sync now" push, not the next poll.
        long pushesBefore = (Long) idle.state().get("pushes");
        List<Long> latencies = new ArrayList<>();
        typist.caretAtEnd();
        for (int i = 1; i <= 3; i++) {
            String word = " idle" + i + "x";
            long sent = System.currentTimeMillis();
            typist.type(word);
            idle.browser().waitUntil("the other editor's word " + word, () -> idle.text().contains(word));
            latencies.add(System.currentTimeMillis() - sent);
            typist.waitUntilSettled();
        }
        System.out.println("Keystroke to an idle editor's screen (ms): " + latencies);
        assertThat((Long) idle.state().get("pushes") - pushesBefore).as("sync-now pushes to the idle editor")
                .isGreaterThanOrEqualTo(3L);
        assertThat(latencies.stream().sorted().toList().get(1)).as("median ms from key to the idle editor's screen")
                .isLessThan(1_500L);
        assertThat(idle.text()).isEqualTo(typist.text());
    }

    @Test
    void an_incoming_update_waits_while_an_input_method_composition_is_open() {
        LivePage composing = signInAndOpen(browser(), "editor2");
        LivePage other = signInAndOpen(anotherBrowser(ENGLISH), "secretariat");
        composing.selectClause("normative-references", "规范性引用文件");
        other.selectClause("normative-references", "规范性引用文件");
        composing.caretAfter(composing.text());
        composing.browser().js("""
                const t = document.querySelector('dr-live-text').textarea;
                t.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
                t.setRangeText('zhong', t.selectionStart, t.selectionEnd, 'end');""");
        other.caretAfter(other.text());
        other.type(" incoming");
        other.browser().waitUntil("the other's edit to be acknowledged", other::settled);
        // The server has pushed "sync now" and the composing editor keeps polling; nothing may touch its text.
        long deadline = System.currentTimeMillis() + 2500;
        while (System.currentTimeMillis() < deadline) {
            assertThat(composing.text()).endsWith("zhong").doesNotContain(" incoming");
        }
        composing.browser().js("""
                const t = document.querySelector('dr-live-text').textarea;
                t.setRangeText('中', t.selectionStart - 5, t.selectionStart, 'end');
                t.dispatchEvent(new CompositionEvent('compositionend', {data: '中'}));
                t.dispatchEvent(new InputEvent('input', {data: '中', inputType: 'insertCompositionText'}));""");
        composing.browser().waitUntil("both texts after the composition", () -> composing.text().contains(" incoming")
                && composing.text().contains("中") && composing.settled());
        other.browser().waitUntil("the composed character to reach the other", () -> other.text().equals(composing.text()));
        assertThat(composing.text()).doesNotContain("zhong");
    }

    @Test
    void outline_changes_reach_everyone_and_deleting_a_clause_someone_types_in_warns_first() {
        LivePage first = signInAndOpen(browser(), "editor2");
        LivePage second = signInAndOpen(anotherBrowser(CHINESE), "secretariat");
        first.selectClause("t-collect", "收集 collection");
        second.selectClause("t-collect", "收集 collection");
        // A new clause is titled in the document's language (Chinese), whatever the interface language.
        String added = text("draft.new-clause", CHINESE);
        long before = second.outlineTexts().stream().filter(t -> t.endsWith(added)).count();

        first.browser().$("vaadin-button").id("live-op-add-after").click();
        second.browser().waitUntil("the new clause in the other editor's outline, numbered 3.6",
                () -> second.outlineTexts().stream().filter(t -> t.endsWith(added)).count() > before
                        && second.outlineTexts().stream().anyMatch(t -> t.startsWith("3.6") && t.endsWith(added)));

        second.browser().$("vaadin-button").id("live-op-delete").click();
        second.browser().waitUntil("a warning that someone types in the clause", () -> Boolean.TRUE.equals(
                second.browser().js("const d = document.querySelector('#live-delete-warning');"
                        + " return !!d && d.opened && d.message.includes('刘洋 Liu Yang');")));
        second.browser().screenshot("live-delete-warning-zh");
        second.browser().js("document.querySelector('#live-delete-warning').opened = false;");
        assertThat(first.text()).isNotEmpty();
    }

    @Test
    void typing_offline_is_kept_and_sent_when_the_connection_returns() throws Exception {
        // The offline editor reaches the server through a proxy that can drop its connections, as a pulled cable
        // or a dead Wi-Fi does (Chromium's offline emulation alone leaves an open websocket working).
        try (StickyProxy cable = new StickyProxy(List.of(port), 0)) {
            Browser viaCable = anotherBrowser(ENGLISH);
            viaCable.useApplicationAt(cable.baseUrl());
            LivePage offline = signInAndOpen(viaCable, "editor2");
            LivePage online = signInAndOpen(anotherBrowser(ENGLISH), "secretariat");
            offline.selectClause("terms", "术语和定义");
            online.selectClause("terms", "术语和定义");
            ChromeDriver driver = (ChromeDriver) offline.browser().driver();
            driver.executeCdpCommand("Network.enable", java.util.Map.of());
            driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", true,
                    "latency", 0, "downloadThroughput", 0, "uploadThroughput", 0));
            cable.unplug();
            offline.caretAfter(offline.text());
            offline.type(" typed while offline");
            offline.browser().waitUntil("the offline state on screen",
                    () -> offline.status().equals(text("editing.status.offline", ENGLISH)));
            offline.browser().screenshot("live-offline");
            assertThat(offline.text()).endsWith(" typed while offline");
            assertThat(online.text()).doesNotContain("typed while offline");
            cable.plug();
            driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", false,
                    "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
            online.browser().waitUntil("the offline typing to arrive",
                    () -> online.text().endsWith(" typed while offline"));
            offline.browser().waitUntil("the editor to be back online", () -> offline.settled()
                    && offline.status().equals(text("editing.status.synced", ENGLISH)));
        }
    }
}
