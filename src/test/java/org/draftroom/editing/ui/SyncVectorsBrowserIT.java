package org.draftroom.editing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.draftroom.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser's sync client, the real {@code dr-live-text.js} with the diff-match-patch WebJar it runs on, in headless
 * Chromium against the shared test vectors ({@code editing-sync/vectors.json}) that the Java engine passes in
 * {@code editing.sync.SharedSyncVectorsTest}. No application is started: the page is blank and gets the three scripts
 * in the order {@link LiveText} loads them.
 */
class SyncVectorsBrowserIT {

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.startAt("about:blank", Locale.ENGLISH);
        browser.driver().get("about:blank");
        for (String script : List.of("META-INF/resources/js/dr-module-shim.js",
                "META-INF/resources/webjars/diff-match-patch/1.0.5/index.js",
                "META-INF/resources/js/dr-live-text.js")) {
            // A <script> element runs the file in the page's global scope, as the application's page does.
            browser.js("const s = document.createElement('script'); s.textContent = arguments[0];"
                    + " document.head.appendChild(s);", resource(script));
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_browser_client_passes_the_vectors_the_java_engine_passes() {
        assertThat(browser.js("return !!(window.draftroom && window.draftroom.live)"))
                .as("dr-live-text.js loaded and offers window.draftroom.live").isEqualTo(true);
        Object failures = browser.js(resource("editing-sync/run-vectors.js")
                + "\nreturn runSyncVectors(JSON.parse(arguments[0]), window.draftroom.live);",
                resource("editing-sync/vectors.json"));
        assertThat((List<?>) failures).as("vectors the browser's client fails").isEmpty();
    }

    @Test
    void the_page_gets_one_global_of_its_own() {
        assertThat(browser.js("return Object.keys(window.draftroom)")).isEqualTo(List.of("live"));
        assertThat(browser.js("return typeof window.drKeepWork")).isEqualTo("undefined");
    }

    private static String resource(String path) {
        try (InputStream in = SyncVectorsBrowserIT.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
