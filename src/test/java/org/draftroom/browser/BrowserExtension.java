package org.draftroom.browser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a test class one browser for all its tests, and a test more browsers when it needs other people at once.
 * Before the class it checks that Chromium and chromedriver are installed (failing, never skipping, when not) and
 * takes the browser; before each test it points the browser at the application Spring started and signs it out
 * (no cookies); when a test fails it saves what every open browser shows as {@code target/screenshots/<test>.png}.
 * Register it on a static field after the Spring extension, as {@link BrowserTestBase} does.
 *
 * <p>Browsers are reused: a test's extra browsers after the test, and the class's browser after the class, are
 * {@linkplain Browser#reset() reset} (one window, no cookies or storage, usual size, online) and kept, by
 * language, for the next test or class that asks for one; they are closed when the test run ends. Starting Chromium
 * took seconds each time, and the browser tests started some 50 of them in a run.
 */
public final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, TestExecutionExceptionHandler,
        AfterEachCallback, AfterAllCallback {

    /** Reset browsers waiting for the next test or class, by language tag; shared by every class of the run. */
    private static final Map<String, Deque<Browser>> IDLE = new HashMap<>();
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);

    private final Locale language;
    private final List<Browser> others = new ArrayList<>();
    private BrowserBinaries binaries;
    private Browser browser;
    private String baseUrl;

    /** @param language the language of the class's browser (its user interface and {@code Accept-Language}) */
    public BrowserExtension(Locale language) {
        this.language = language;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        binaries = BrowserBinaries.locate();
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("idle browsers",
                k -> (ExtensionContext.Store.CloseableResource) BrowserExtension::closeIdle);
        browser = take(binaries, language);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port");
        baseUrl = "http://localhost:" + port;
        browser.useApplicationAt(baseUrl);
        browser.forgetEverything();
    }

    /** The class's browser, signed out at the start of each test. */
    public Browser browser() {
        return browser;
    }

    /** Another browser for the running test (e.g. a second person), signed out; it is taken back after the test. */
    public Browser anotherBrowser(Locale language) {
        Browser other = take(binaries, language);
        other.useApplicationAt(baseUrl);
        others.add(other);
        return other;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        String name = testName(context);
        try {
            browser.screenshot(name);
            for (int i = 0; i < others.size(); i++) {
                others.get(i).screenshot(name + "-browser" + (i + 2));
            }
        } catch (RuntimeException screenshotFailed) {
            failure.addSuppressed(screenshotFailed);
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RuntimeException closing = null;
        for (Browser other : others) {
            try {
                giveBack(other);
            } catch (RuntimeException e) {
                closing = e;
            }
        }
        others.clear();
        if (closing != null) {
            throw closing;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            giveBack(browser);
            browser = null;
        }
    }

    private static Browser take(BrowserBinaries binaries, Locale language) {
        Browser idle;
        synchronized (IDLE) {
            Deque<Browser> waiting = IDLE.get(language.toLanguageTag());
            idle = waiting == null ? null : waiting.poll();
        }
        if (idle != null) {
            try {
                idle.forgetEverything();
                return idle;
            } catch (RuntimeException gone) {
                // Chromium ended while it waited: a new one instead
                try {
                    idle.close();
                } catch (RuntimeException alreadyGone) {
                    System.err.println("Could not close a browser: " + alreadyGone);
                }
            }
        }
        return Browser.start(binaries, language);
    }

    /** Keeps the browser for another test when it can be reset, else closes it. */
    private static void giveBack(Browser browser) {
        if (browser.reset()) {
            synchronized (IDLE) {
                IDLE.computeIfAbsent(browser.language().toLanguageTag(), k -> new ArrayDeque<>()).push(browser);
            }
        } else {
            browser.close();
        }
    }

    /** At the end of the test run. */
    private static void closeIdle() {
        List<Browser> all = new ArrayList<>();
        synchronized (IDLE) {
            IDLE.values().forEach(all::addAll);
            IDLE.clear();
        }
        for (Browser browser : all) {
            try {
                browser.close();
            } catch (RuntimeException e) {
                System.err.println("Could not close a browser: " + e);
            }
        }
    }

    /** {@code BrowserIT.method}, plus the invocation for parameterised tests ({@code BrowserIT.method[2] editor1}). */
    private static String testName(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        return display.startsWith("[") ? name + display : name;
    }
}
