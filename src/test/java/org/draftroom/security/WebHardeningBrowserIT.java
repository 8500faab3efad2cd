package org.draftroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.draftroom.browser.Browser;
import org.draftroom.browser.BrowserTestBase;
import org.draftroom.browser.DraftPage;
import org.draftroom.browser.LoginPage;
import org.draftroom.browser.MenuBarElement;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.editing.ui.LivePage;
import org.draftroom.rounds.service.RoundService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The Content-Security-Policy in Chromium: the main screens, live editing (static scripts, the diff-match-patch
 * WebJar, the push connection) and a PDF download run without one violation in the console; and pages that cannot
 * be opened say why in the person's language, never with an internal message key.
 */
class WebHardeningBrowserIT extends BrowserTestBase {

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired UserDetailsService users;
    @Autowired RoundService rounds;

    @Test
    void the_main_screens_live_editing_and_a_pdf_download_cause_no_content_security_policy_violation() {
        Browser browser = browser();
        List<String> violations = new ArrayList<>();
        browser.consoleMessages(); // what earlier tests left
        for (String path : List.of("login", "register")) {
            browser.open(path);
            collect(browser, path, violations);
        }
        LoginPage.open(browser).signInAs("secretariat", DEMO_PASSWORD);
        String project;
        long roundId;
        SignedIn.as(users, "secretariat");
        try {
            roundId = rounds.visibleRounds().get(0).id();
            project = TestProjects.consultationCopy(projects, drafts, "GB/T CSP" + System.nanoTime() % 100_000,
                    "内容安全策略", "Content security policy");
        } finally {
            SignedIn.nobody();
        }
        for (String path : List.of("", "projects", "projects/gbt-35273", "projects/gbt-35273/comments",
                "projects/gbt-35273/history", "rounds", "profile", "admin/organisations")) {
            browser.open(path);
            collect(browser, path, violations);
        }
        String round = "rounds/" + roundId;
        browser.open(round);
        collect(browser, round, violations);

        DraftPage.open(browser, project);
        browser.$(MenuBarElement.class).id("download-menu").choose("download-pdf");
        browser.$("a").id("export-ready-download");
        collect(browser, "PDF download", violations);

        LivePage live = LivePage.open(browser, project);
        live.selectClause("范围");
        live.caretAtEnd();
        live.type(" CSP");
        browser.waitUntil("the typing to be acknowledged over push", () -> live.acknowledgedText().endsWith(" CSP"));
        collect(browser, "live editing", violations);

        assertThat(violations).isEmpty();

        // The check sees a violation when there is one: an image from another site is refused by img-src.
        browser.js("const i = document.createElement('img'); i.src = 'https://example.invalid/x.png';"
                + "document.body.appendChild(i);");
        browser.waitUntil("Chromium to report the refused image", () -> {
            collect(browser, "control", violations);
            return !violations.isEmpty();
        });
        assertThat(violations.get(0)).contains("Content Security Policy");
    }

    @Test
    void a_round_or_project_that_does_not_exist_is_explained_in_english_and_chinese_without_message_keys() {
        for (Locale language : List.of(ENGLISH, CHINESE)) {
            Browser browser = language.equals(ENGLISH) ? browser() : anotherBrowser(language);
            LoginPage.open(browser).signInAs("reviewer1", DEMO_PASSWORD);
            for (String path : List.of("rounds/999999", "rounds/not-a-number")) {
                browser.open(path);
                String message = browser.$("p").id("navigation-error-message").text();
                assertThat(message).isEqualTo(text("round.not-found", language, path.substring("rounds/".length())));
                assertThat(browser.pageText()).doesNotContain("round.not-found").doesNotContain("[")
                        .contains(text("error.page.title", language));
            }
            browser.open("projects/no-such-project");
            assertThat(browser.pageText()).doesNotContain("not-found").doesNotContain("[")
                    .doesNotContain("Exception");
            assertNoMissingTexts(browser);
        }
    }

    @Test
    void a_sign_in_page_whose_session_changed_after_it_was_loaded_still_signs_in() {
        Browser browser = browser();
        LoginPage page = LoginPage.open(browser);
        // What a request left over from a page just signed out of does: it reaches the server without a live
        // session and is given a new one, whose cookie replaces the one the open sign-in page's token belongs to.
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.js("return fetch('/login', {credentials: 'same-origin'}).then(r => r.status)");
        assertThat(browser.driver().manage().getCookieNamed("JSESSIONID")).as("a new session").isNotNull();

        page.signInAs("editor2", DEMO_PASSWORD);
        assertThat(browser.path()).isEmpty();
    }

    private static void collect(Browser browser, String where, List<String> violations) {
        browser.consoleMessages().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .map(m -> where + ": " + m)
                .forEach(violations::add);
    }
}
