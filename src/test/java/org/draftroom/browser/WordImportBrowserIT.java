package org.draftroom.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Word files written from scratch in LibreOffice, as a committee member would write them, become projects through the
 * "New project" dialog: one with numbers typed in the headings and no styles, one with heading styles numbered
 * automatically by a list style. The preview lists the clauses with the numbers the reader saw before anything is
 * saved; the draft view then shows the standard. The files are made by {@code src/test/resources/libreoffice/make.py}
 * (LibreOffice through UNO); skipped with a message where LibreOffice or its Python bridge is missing.
 */
class WordImportBrowserIT extends BrowserTestBase {

    private static final String TYPED = """
            {"out": "%s", "paragraphs": [
              {"text": "前言"}, {"text": "本文件按照GB/T 1.1—2020的规定起草。"},
              {"text": "1 范围"}, {"text": "本文件规定了移动应用收集个人信息的基本要求。"},
              {"text": "2 规范性引用文件"}, {"text": "本文件没有规范性引用文件。"},
              {"text": "3 术语和定义"}, {"text": "下列术语和定义适用于本文件。"},
              {"text": "3.1 个人信息 personal information"},
              {"text": "以电子或者其他方式记录的与已识别或者可识别的自然人有关的各种信息。"},
              {"text": "4 基本要求"}, {"text": "4.1 总则"}, {"text": "移动应用收集个人信息时："},
              {"text": "a) 应明示收集的目的；"}, {"text": "b) 不应超出必要的范围。"},
              {"text": "4.2 同意"}, {"text": "收集前应取得个人信息主体的同意，见4.1。"},
              {"text": "附录A（资料性）示例"}, {"text": "A.1 收集清单"}, {"text": "清单列出收集的个人信息。"}]}""";

    private static final String STYLED = """
            {"out": "%s", "chapterNumbering": true, "paragraphs": [
              {"style": "Heading 1", "text": "范围"}, {"text": "本文件规定了移动应用收集个人信息的基本要求。"},
              {"style": "Heading 1", "text": "规范性引用文件"}, {"text": "本文件没有规范性引用文件。"},
              {"style": "Heading 1", "text": "基本要求"}, {"style": "Heading 2", "text": "总则"},
              {"text": "移动应用收集个人信息时应明示收集的目的。"},
              {"style": "Heading 2", "text": "同意"}, {"text": "收集前应取得个人信息主体的同意。"},
              {"style": "Heading 3", "text": "撤回同意"}, {"text": "个人信息主体可以撤回同意。"},
              {"style": "Heading 1", "text": "安全管理"}, {"text": "组织应指定负责人。"}]}""";

    private static Path made;

    /** Both Word files, written by LibreOffice once for the class. */
    private static synchronized Path files() throws IOException, InterruptedException {
        if (made != null) {
            return made;
        }
        String python = null;
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            if (succeeds(List.of(candidate, "-c", "import uno"))) {
                python = candidate;
                break;
            }
        }
        assumeTrue(python != null && succeeds(List.of("soffice", "--version")), "LibreOffice Writer with "
                + "python3-uno is not installed: apt-get install libreoffice-writer-nogui python3-uno");
        Path dir = Files.createTempDirectory("word-import-");
        Path script = dir.resolve("make.py");
        try (var in = WordImportBrowserIT.class.getResourceAsStream("/libreoffice/make.py")) {
            Files.copy(in, script);
        }
        Path spec = Files.writeString(dir.resolve("spec.json"), "[" + TYPED.formatted(dir.resolve("typed.docx"))
                + "," + STYLED.formatted(dir.resolve("styled.docx")) + "]", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(python, script.toString(), spec.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("libreoffice.log").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("libreoffice.log"))).isZero();
        made = dir;
        return dir;
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Opens "New project", fills it in and chooses the Word file; returns the code. */
    private String newProjectFrom(Browser browser, Path docx, Locale language) {
        AppShell shell = LoginPage.open(browser).signInAs("secretariat", DEMO_PASSWORD);
        if (!shell.currentLanguage().getLanguage().equals(language.getLanguage())) {
            shell.switchTo(language);
        }
        browser.open("projects");
        browser.waitForVaadin();
        browser.$("vaadin-button").id("new-project").click();
        String code = "GB/T LO" + (System.nanoTime() % 100_000);
        browser.$(TextFieldElement.class).id("project-code").setValue(code);
        browser.$(TextFieldElement.class).id("project-title-zh").setValue("移动应用收集个人信息基本要求");
        browser.$(TextFieldElement.class).id("project-title-en").setValue("Collection of personal information by apps");
        browser.$(ComboBoxElement.class).id("project-working-group").selectByText("WG7");
        WebElement input = browser.$("vaadin-upload").first().webElement().getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(docx.toAbsolutePath().toString());
        browser.waitUntil("the Word preview", () -> Boolean.TRUE.equals(browser.js(
                "return !!document.querySelector('#word-outline')")));
        browser.waitForVaadin();
        return code;
    }

    private static String outline(Browser browser) {
        browser.js("document.querySelector('#word-preview').scrollIntoView({block: 'start'})");
        return String.valueOf(browser.js("return document.querySelector('#word-outline').innerText"));
    }

    private static void saveAndOpen(Browser browser, String name) {
        browser.$("vaadin-button").id("project-save").click();
        browser.waitUntil("the new project's draft", () -> Boolean.TRUE.equals(browser.js(
                "return !!document.querySelector('#document')")));
        browser.waitForVaadin();
        browser.screenshot(name + "-1400");
        browser.driver().manage().window().setSize(new Dimension(800, 1000));
        browser.screenshot(name + "-800");
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void a_word_file_with_typed_numbers_and_no_styles_made_in_libreoffice_becomes_a_project() throws Exception {
        Path typed = files().resolve("typed.docx");
        Browser en = browser();
        newProjectFrom(en, typed, ENGLISH);
        assertThat(outline(en)).contains("前言", "1 范围", "3.1 个人信息 personal information", "4.2 同意", "A.1 收集清单");
        en.screenshot("word-import-typed-preview-en-1400");
        saveAndOpen(en, "word-import-typed-draft-en");
        String document = String.valueOf(en.js("return document.querySelector('#document').innerText"));
        assertThat(document).contains("4.2", "同意", "附录A", "见4.1", "a)");
        assertNoMissingTexts(en);
    }

    @Test
    void a_word_file_with_heading_styles_and_automatic_numbering_made_in_libreoffice_becomes_a_project()
            throws Exception {
        Path styled = files().resolve("styled.docx");
        Browser zh = anotherBrowser(CHINESE);
        newProjectFrom(zh, styled, CHINESE);
        assertThat(outline(zh)).contains("1 范围", "3.1 总则", "3.2.1 撤回同意", "4 安全管理");
        zh.screenshot("word-import-styled-preview-zh-1400");
        saveAndOpen(zh, "word-import-styled-draft-zh");
        String document = String.valueOf(zh.js("return document.querySelector('#document').innerText"));
        assertThat(document).contains("3.2.1", "撤回同意", "4", "安全管理");
        assertNoMissingTexts(zh);
    }
}
