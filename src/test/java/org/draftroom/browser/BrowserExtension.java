package org.draftroom.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * starts the browser; before each test it points the browser at the application Spring started and signs it out
 * (no cookies); when a test fails it saves what every open browser shows as {@code target/screenshots/<test>.png}.
 * Register it on a static field after the Spring extension, as {@link BrowserTestBase} does.
 */
public final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, TestExecutionExceptionHandler,
        AfterEachCallback, AfterAllCallback {

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
        browser = Browser.start(binaries, language);
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

    /** Starts another browser for the running test (e.g. a second person); it is closed after the test. */
    public Browser anotherBrowser(Locale language) {
        Browser other = Browser.start(binaries, language);
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
                other.close();
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
            browser.close();
        }
    }

    /** {@code BrowserIT.method}, plus the invocation for parameterised tests ({@code BrowserIT.method[2] editor1}). */
    private static String testName(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        return display.startsWith("[") ? name + display : name;
    }
}
