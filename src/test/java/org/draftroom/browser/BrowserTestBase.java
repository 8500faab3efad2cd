package org.draftroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.draftroom.AdjustableClock;
import org.draftroom.base.Messages;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the browser tests: the real application on a random port with the {@code demo} profile (its accounts and
 * organisations), an empty database and drafts directory of its own under {@code target/it-data/<uuid>}, and an
 * English-speaking Chromium ({@link #browser()}). Its clock is an {@link AdjustableClock}. All test classes extending
 * this share one application (Spring caches the context), so a test must not rely on another's leftovers and should
 * leave shared accounts and the clock as it found them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "draftroom.demo.large-project=false"})
@ActiveProfiles("demo")
@Import(AdjustableClock.Configuration.class)
public abstract class BrowserTestBase {

    /** The demo accounts' password (README, {@code DemoUsers}). */
    protected static final String DEMO_PASSWORD = "draftroom-demo";
    protected static final Locale ENGLISH = Messages.ENGLISH;
    protected static final Locale CHINESE = Messages.CHINESE;

    private static final Path IT_DATA = Path.of("target", "it-data").toAbsolutePath();
    /** One directory per test JVM, chosen once, so that every read of the property sees the same place. */
    private static final Path RUN_DATA = freshRunDirectory();

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension(ENGLISH);

    @Autowired
    private Messages messages;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("draftroom.data-dir", () -> RUN_DATA.resolve("data").toString());
        registry.add("draftroom.drafts-repo", () -> RUN_DATA.resolve("drafts-repo").toString());
    }

    /** The class's English browser, signed out at the start of every test. */
    protected Browser browser() {
        return browsers.browser();
    }

    /** One more browser for this test only, e.g. for a second person or another language. */
    protected Browser anotherBrowser(Locale language) {
        return browsers.anotherBrowser(language);
    }

    /** A text from the bundles, as the application shows it; fails when the key is missing in that language. */
    protected String text(String key, Locale locale, Object... args) {
        String text = messages.getTranslation(key, locale, args);
        if (text.startsWith("!")) {
            throw new AssertionError("No text " + key + " in the " + locale + " bundle");
        }
        return text;
    }

    /**
     * Fails when the page shows a text whose key is missing from the bundles: the application shows those as
     * {@code !key}.
     */
    protected static void assertNoMissingTexts(Browser browser) {
        assertThat(browser.pageText()).as("texts missing from the bundles")
                .doesNotContainPattern("![a-z][\\w.-]*\\.[\\w.-]+");
    }

    /**
     * A new directory for this run's database and drafts. Directories of earlier runs are removed, except those
     * whose embedded PostgreSQL still runs (a test JVM running at the same time in this work tree).
     */
    private static Path freshRunDirectory() {
        try {
            Files.createDirectories(IT_DATA);
            try (Stream<Path> runs = Files.list(IT_DATA)) {
                for (Path run : runs.toList()) {
                    if (!postgresRunsIn(run)) {
                        deleteTree(run);
                    }
                }
            }
            return Files.createDirectories(IT_DATA.resolve(UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + IT_DATA, e);
        }
    }

    private static boolean postgresRunsIn(Path run) throws IOException {
        Path pidFile = run.resolve("data/postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        String pid = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        return pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isPresent();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
