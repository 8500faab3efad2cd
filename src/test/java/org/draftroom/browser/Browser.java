package org.draftroom.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium with its own profile, speaking one language, pointed at the application under test. Offers
 * TestBench-style element queries ({@code $(ButtonElement.class).id("save")}) and waits for conditions, never for a
 * fixed time. Not thread-safe: one test drives it at a time.
 */
public final class Browser implements AutoCloseable {

    /** How long a wait lasts before the test fails; generous because other builds share the two cores. */
    /** How long to wait for the page; {@code -Ddraftroom.browser.timeout-seconds=N} gives a loaded machine longer. */
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("draftroom.browser.timeout-seconds",
            Long.getLong("draftroom.browser.timeout", 20)));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** True when every Vaadin client on the page has loaded and has no request to the server in flight. */
    private static final String VAADIN_IDLE = """
            const flow = window.Vaadin && window.Vaadin.Flow;
            if (document.readyState !== 'complete' || !flow || !flow.clients) { return false; }
            const clients = Object.values(flow.clients);
            return clients.length > 0 && clients.every(c => !c.isActive || !c.isActive());""";

    private final ChromeDriver driver;
    private final Path profile;
    private String baseUrl;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser whose user interface and {@code Accept-Language} are {@code language}. */
    static Browser start(BrowserBinaries binaries, Locale language) {
        Path profile;
        try {
            profile = Files.createTempDirectory("draftroom-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String tag = language.toLanguageTag();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binaries.chromium().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--lang=" + tag, "--user-data-dir=" + profile);
        String accepted = tag.equals(language.getLanguage()) ? tag : tag + "," + language.getLanguage();
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", accepted));
        // Keeps the page's console (where Chromium reports Content-Security-Policy violations) for consoleMessages().
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        // An explicit driver executable keeps Selenium Manager, which would try to download one, from ever running.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(binaries.chromedriver().toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    /** A browser on an application started elsewhere (benchmark harnesses), with Chromium found as for the tests. */
    public static Browser startAt(String baseUrl, Locale language) {
        Browser browser = start(BrowserBinaries.locate(), language);
        browser.useApplicationAt(baseUrl);
        return browser;
    }

    /** From now on, opens pages of the application at this address (e.g. through a proxy). */
    public void useApplicationAt(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application (e.g. {@code "admin/users"}) and waits until Vaadin has rendered it. */
    public void open(String path) {
        driver.get(baseUrl + "/" + path);
        waitForVaadin();
    }

    /** The path of the page shown, without the leading slash and without the query, e.g. {@code "login"}. */
    public String path() {
        String path = URI.create(driver.getCurrentUrl()).getPath();
        return path == null ? "" : path.replaceFirst("^/", "");
    }

    public String title() {
        return driver.getTitle();
    }

    /** The page's {@code lang} attribute, which screen readers and font selection follow. */
    public String documentLanguage() {
        return String.valueOf(js("return document.documentElement.lang"));
    }

    /** Elements of the given kind anywhere in the page, as TestBench's {@code $(ButtonElement.class)}. */
    public <T extends VaadinElement> ElementQuery<T> $(Class<T> type) {
        return new ElementQuery<>(this, driver, type, ElementQuery.tagOf(type));
    }

    /** Elements with the given tag anywhere in the page, e.g. {@code $("vaadin-text-field").id("user-username")}. */
    public ElementQuery<VaadinElement> $(String tag) {
        return new ElementQuery<>(this, driver, VaadinElement.class, tag);
    }

    /** Waits until every Vaadin client on the page is idle (loaded, no server round trip in flight). */
    public void waitForVaadin() {
        waitUntil("Vaadin to finish talking to the server", () -> Boolean.TRUE.equals(js(VAADIN_IDLE)));
    }

    /**
     * Waits until the page that showed {@code before} has been replaced (a reload, a redirect, a form post) and the
     * new one is ready.
     */
    public void waitForNewPage(VaadinElement before) {
        waitUntil("the page to be replaced", () -> {
            try {
                before.webElement().isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (isNodeOfReplacedDocument(e)) {
                    return true;
                }
                throw e;
            }
        });
        waitForVaadin();
    }

    /**
     * Waits until {@code condition} holds, re-trying while elements go stale under it (Vaadin re-renders).
     *
     * @param what what is awaited, for the failure message
     */
    public void waitUntil(String what, Supplier<Boolean> condition) {
        waitFor(what, () -> Boolean.TRUE.equals(condition.get()) ? Boolean.TRUE : null);
    }

    /**
     * Waits until {@code value} gives something other than null, and returns it.
     *
     * @param what what is awaited, for the failure message
     */
    public <V> V waitFor(String what, Supplier<V> value) {
        try {
            return new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class)
                    .withMessage(() -> "waiting for " + what + " (page " + driver.getCurrentUrl() + ")")
                    .until(d -> {
                        try {
                            return value.get();
                        } catch (WebDriverException e) {
                            if (isNodeOfReplacedDocument(e)) {
                                return null;
                            }
                            throw e;
                        }
                    });
        } catch (TimeoutException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * Chromium sometimes reports an element of a document that Vaadin or a navigation has just replaced as "does not
     * belong to the document" instead of as stale; both mean the same.
     */
    private static boolean isNodeOfReplacedDocument(WebDriverException e) {
        return !(e instanceof TimeoutException)
                && String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /**
     * The page may ask "leave the site?" (beforeunload, while typing is unsent) when the person leaves: they leave
     * anyway. Waits up to two seconds for the question.
     */
    public void leaveEvenIfAsked() {
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            try {
                driver.switchTo().alert().accept();
                return;
            } catch (NoAlertPresentException notAsked) {
                Thread.onSpinWait();
            } catch (WebDriverException gone) {
                return;
            }
        }
    }

    /** Runs JavaScript in the page; {@code arguments[i]} are the given values (elements are passed as nodes). */
    public Object js(String script, Object... arguments) {
        Object[] unwrapped = Stream.of(arguments)
                .map(a -> a instanceof VaadinElement e ? e.webElement() : a).toArray();
        return ((JavascriptExecutor) driver).executeScript(script, unwrapped);
    }

    /**
     * The console messages the pages logged since the last call (Chromium reports a blocked script, style, frame or
     * connection there as "Refused to ... because it violates the following Content Security Policy directive").
     */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** The visible text of the whole page. */
    public String pageText() {
        return String.valueOf(js("return document.body.innerText"));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png} and returns the file. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaves the application and forgets every cookie, so the next test starts signed out with a new session. */
    void forgetEverything() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Chromium may still be writing into its profile while it exits: the temporary directory stays behind.
            System.err.println("Could not delete the browser profile " + profile + ": " + e);
        }
    }
}
