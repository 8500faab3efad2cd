package org.draftroom.comments.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.draftroom.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The comments' browser helper ({@code js/comments/selection.js}) in headless Chromium on a blank page, without the
 * application: a selection in an attached document is reported, and once the document has left the page and
 * {@code detachRemoved()} ran (what {@link CommentedDraft} does when it is detached), the page-level listener it
 * added is gone, so views opened one after another do not pile listeners up.
 */
class SelectionScriptBrowserIT {

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.startAt("about:blank", Locale.ENGLISH);
        browser.driver().get("about:blank");
        browser.js("window.reported = [];"
                + " window.addEventListener('draftroom-comments', () => { window.loadedEvent = true; });"
                + " const s = document.createElement('script'); s.textContent = arguments[0];"
                + " document.head.appendChild(s);", resource("META-INF/resources/js/comments/selection.js"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_removed_document_leaves_no_listener_on_the_page() {
        assertThat(browser.js("return window.loadedEvent === true && Object.keys(window.draftroom)"))
                .as("the helper announced itself and offers window.draftroom.comments")
                .isEqualTo(List.of("comments"));
        long before = selectionListeners();
        browser.js("""
                const doc = document.createElement('div');
                doc.id = 'document';
                doc.innerHTML = '<h2 class="dr-clause" id="scope">1 Scope</h2><p>This document applies to drafts.</p>';
                document.body.append(doc);
                const server = {$server: {selected: (clause, start, end, text) => window.reported.push(text),
                    markClicked: () => {}, topClause: () => {}}};
                window.draftroom.comments.attach(doc, server);
                window.draftroom.comments.attach(doc, server);
                const text = doc.querySelector('p').firstChild;
                getSelection().setBaseAndExtent(text, 5, text, 13);""");
        browser.waitUntil("the selection to be reported", () -> Boolean.TRUE.equals(
                browser.js("return window.reported.includes('document')")));
        assertThat(selectionListeners()).as("one page-level listener for the document, attached twice")
                .isEqualTo(before + 1);

        browser.js("document.querySelector('#document').remove(); window.draftroom.comments.detachRemoved();");
        assertThat(selectionListeners()).as("page-level listeners after the document left").isEqualTo(before);
    }

    /** The {@code selectionchange} listeners on the page's document, as Chromium's DevTools count them. */
    private static long selectionListeners() {
        Map<String, Object> answer = ((ChromeDriver) browser.driver()).executeCdpCommand("Runtime.evaluate", Map.of(
                "expression", "(getEventListeners(document).selectionchange || []).length",
                "includeCommandLineAPI", true, "returnByValue", true));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) answer.get("result");
        return ((Number) result.get("value")).longValue();
    }

    private static String resource(String path) {
        try (InputStream in = SelectionScriptBrowserIT.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
