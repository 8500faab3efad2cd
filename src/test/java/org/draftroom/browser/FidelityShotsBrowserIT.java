package org.draftroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * The draft view scrolled to a clause with GB/T lists and the redline page at its first cross-reference, at 1400 px in
 * both interface languages, saved as {@code target/shots/<name>-<lang>.png} to look at; and what a reader would notice
 * at once: the redline shows no draft-format source ({@code ](#}, {@code {#}) and the draft's list items are blocks of
 * their own.
 */
class FidelityShotsBrowserIT extends BrowserTestBase {

    private static final String SAMPLE = "gbt-35273";

    @Test
    void the_draft_with_its_lists_and_the_redline_read_right_in_both_languages() {
        look(browser(), "en");
        look(anotherBrowser(CHINESE), "zh");
    }

    private void look(Browser browser, String language) {
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));
        LoginPage.open(browser).signInAs("secretariat", DEMO_PASSWORD);

        browser.open("projects/" + SAMPLE);
        browser.waitForVaadin();
        browser.waitUntil("the draft's lists", () -> Boolean.TRUE.equals(browser.js(
                "return document.querySelectorAll('.dr-list > li').length > 20")));
        browser.js("""
                const lists = document.querySelectorAll('ol.dr-list');
                (lists[1] || lists[0] || document.querySelector('.dr-list')).scrollIntoView({block: 'start'});""");
        copy(browser.screenshot("fidelity-draft-lists-" + language), "draft-lists-" + language);

        browser.open("projects/" + SAMPLE + "/redline?from=wd-1&to=cd-1");
        browser.waitForVaadin();
        browser.waitUntil("the redline", () -> Boolean.TRUE.equals(browser.js(
                "return document.querySelectorAll('ins, del').length > 0")));
        assertThat(browser.pageText()).doesNotContain("](#").doesNotContain("{#");
        browser.js("""
                const x = document.querySelector('.dr-xref') || document.querySelector('ins, del');
                x.scrollIntoView({block: 'center'});""");
        copy(browser.screenshot("fidelity-redline-" + language), "redline-" + language);
    }

    private static void copy(Path shot, String name) {
        try {
            Path dir = Path.of("target", "shots");
            Files.createDirectories(dir);
            Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
