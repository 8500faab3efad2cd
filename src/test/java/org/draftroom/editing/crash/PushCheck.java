package org.draftroom.editing.crash;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
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
        ChromeDriver a = open(args[0], args[1], args[3], args[4], args[5]);
        ChromeDriver b = open(args[0], args[2], args[3], args[4], args[5]);
        try {
            ((JavascriptExecutor) b).executeScript("clearInterval(document.querySelector('dr-live-text').poller);");
            String word = " push-" + Long.toString(System.nanoTime(), 36);
            ((JavascriptExecutor) a).executeScript("""
                    const t = document.querySelector('dr-live-text').textarea;
                    t.focus(); t.setSelectionRange(t.value.length, t.value.length);""");
            long start = System.nanoTime();
            new Actions(a).sendKeys(word).perform();
            new WebDriverWait(b, Duration.ofSeconds(15), Duration.ofMillis(20)).until(d -> String.valueOf(
                    ((JavascriptExecutor) d).executeScript("return document.querySelector('dr-live-text').textarea.value"))
                    .contains(word));
            System.out.printf("PASS: the second editor (not polling) showed \"%s\" %d ms after the first began typing"
                    + " it%n", word.trim(), (System.nanoTime() - start) / 1_000_000);
        } finally {
            a.quit();
            b.quit();
        }
    }

    private static ChromeDriver open(String base, String user, String password, String project, String clauseTitle) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--lang=en");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(base + "/login");
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-login-form input[name=username]")).isEmpty());
        driver.findElement(By.cssSelector("vaadin-login-form input[name=username]")).sendKeys(user);
        driver.findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        driver.get(base + "/projects/" + project + "/live");
        JavascriptExecutor js = driver;
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                "const e = document.querySelector('dr-live-text'); return !!(e && e.$server && e.textarea);")));
        wait.until(d -> Boolean.TRUE.equals(js.executeScript("""
                const cell = [...document.querySelectorAll('#live-outline vaadin-grid-cell-content')]
                    .find(c => c.innerText.trim().endsWith(arguments[0]));
                if (cell) { cell.click(); return true; }
                return false;""", clauseTitle)));
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                "const e = document.querySelector('dr-live-text'); return !!e.clauseId && !e.textarea.disabled;")));
        return driver;
    }
}
