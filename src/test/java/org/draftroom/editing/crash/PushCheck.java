package org.draftroom.editing.crash;

import java.time.Duration;
import java.util.Locale;
import org.draftroom.browser.Browser;
import org.draftroom.browser.LoginPage;
import org.draftroom.editing.ui.LivePage;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Checks that server push reaches a live editor in a running application (e.g. the production jar): two browsers open
 * the same clause; the second stops its own polling, so it only syncs when the server pushes "sync now"; the first
 * types; the check passes when the second shows the text, and prints how long it took.
 *
 * <p>Arguments: base URL, editor A's username, editor B's username, password, project id, clause title.
 * Documented in {@code docs/co-editing.md}.
 */
public final class PushCheck {

    private PushCheck() {
    }

    public static void main(String[] args) throws Exception {
        Browser a = Browser.startAt(args[0], Locale.ENGLISH);
        Browser b = Browser.startAt(args[0], Locale.ENGLISH);
        try {
            LivePage typist = open(a, args[1], args[3], args[4], args[5]);
            LivePage watcher = open(b, args[2], args[3], args[4], args[5]);
            b.js("clearInterval(document.querySelector('dr-live-text').poller);");
            String word = " push-" + Long.toString(System.nanoTime(), 36);
            typist.caretAtEnd();
            long start = System.nanoTime();
            typist.type(word);
            new WebDriverWait(b.driver(), Duration.ofSeconds(15), Duration.ofMillis(20))
                    .until(d -> watcher.text().contains(word));
            System.out.printf("PASS: the second editor (not polling) showed \"%s\" %d ms after the first began typing"
                    + " it%n", word.trim(), (System.nanoTime() - start) / 1_000_000);
        } finally {
            a.close();
            b.close();
        }
    }

    private static LivePage open(Browser browser, String user, String password, String project, String clauseTitle) {
        LoginPage.open(browser).signInAs(user, password);
        return LivePage.open(browser, project).selectClause(clauseTitle);
    }
}
