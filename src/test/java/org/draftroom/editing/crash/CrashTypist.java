package org.draftroom.editing.crash;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * The typist of the crash check ({@code docs/crash-check.sh}, described in {@code docs/co-editing.md}): signs in as
 * an editor in headless Chromium, opens the live editor on a clause and types numbered words into it without pause,
 * writing after every word the clause text the server has acknowledged completely ({@code acknowledgedText} of the
 * {@code <dr-live-text>} element) to a file. The script kills the server with SIGKILL while this runs; the last text
 * in the file is then what must survive the restart.
 *
 * <p>Arguments: base URL, username, password, project id, clause title (as shown in the outline), output file,
 * seconds to type.
 */
public final class CrashTypist {

    private CrashTypist() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String username = args[1];
        String password = args[2];
        String project = args[3];
        String clauseTitle = args[4];
        Path out = Path.of(args[5]);
        long seconds = Long.parseLong(args[6]);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--lang=en");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(base + "/login");
            wait.until(d -> !d.findElements(By.cssSelector("vaadin-login-form input[name=username]")).isEmpty());
            driver.findElement(By.cssSelector("vaadin-login-form input[name=username]")).sendKeys(username);
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
            js.executeScript("""
                    const t = document.querySelector('dr-live-text').textarea;
                    t.focus(); t.setSelectionRange(t.value.length, t.value.length);""");
            System.out.println("typing");
            long end = System.currentTimeMillis() + seconds * 1000;
            for (int word = 1; System.currentTimeMillis() < end; word++) {
                new Actions(driver).sendKeys(String.format(" w%04d", word)).perform();
                Object acknowledged = js.executeScript("return document.querySelector('dr-live-text').acknowledgedText");
                Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
                Files.writeString(tmp, String.valueOf(acknowledged), StandardCharsets.UTF_8);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw e;
        } finally {
            driver.quit();
        }
    }
}
