package org.draftroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.search.service.SearchIndexer;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Search in a real browser: the top bar's field (reached with "/"), the results page with marked words and facet
 * filters in both interface languages, a clause result opening the draft at its clause with the words marked,
 * find with next and previous, find and replace as one version with a redline preview, the term comparison with a
 * second standard that defines "个人信息" differently, and the projects list's answer to a phrase of the text.
 */
class SearchBrowserIT extends BrowserTestBase {

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired UserDetailsService users;
    @Autowired SearchIndexer indexer;
    @Autowired CommentService comments;

    private static String other;

    @BeforeEach
    void secondStandard() {
        if (other != null) {
            return;
        }
        SignedIn.as(users, "secretariat");
        try {
            String md = """
                    # 范围 {#scope}

                    本文件规定了移动互联网应用程序收集个人信息的基本要求。

                    # 术语和定义 {#terms}

                    ## 个人信息 personal information {#t-pi .term}

                    以电子或者其他方式记录的与已识别或者可识别的自然人有关的各种信息，不包括匿名化处理后的信息。

                    ## 收集 collection {#t-collect .term}

                    获得对个人信息的控制权的行为。
                    """;
            other = projects.create(new ProjectForm("GB/T 41391", "移动互联网应用程序收集个人信息基本要求",
                    "Basic requirements for collection of personal information of mobile internet applications",
                    DocumentType.GB_T, "WG7", Stage.DRAFTING, "20.20", "CN-BCL"),
                    DraftFormat.parse(md.getBytes(StandardCharsets.UTF_8))).id();
        } finally {
            SignedIn.nobody();
        }
        indexer.rebuild();
    }

    /**
     * Signs in and makes sure the interface is in the language: a person's remembered choice (left by any earlier
     * test that switched it) wins over the browser's language, so the language is chosen, not assumed.
     */
    private static void signIn(Browser browser, String username, Locale language) {
        AppShell shell = LoginPage.open(browser).signInAs(username, DEMO_PASSWORD);
        if (!shell.currentLanguage().getLanguage().equals(language.getLanguage())) {
            shell.switchTo(language);
        }
    }

    private static void at800(Browser browser, String name) {
        browser.driver().manage().window().setSize(new Dimension(800, 1000));
        browser.screenshot(name);
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));
    }

    private void search(Browser browser, String query) {
        WebElement body = browser.driver().findElement(By.tagName("body"));
        body.sendKeys("/");
        browser.waitUntil("the search field to have the focus", () -> Boolean.TRUE.equals(browser.js(
                "return document.activeElement && document.activeElement.closest('#global-search') !== null")));
        WebElement field = browser.driver().switchTo().activeElement();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(query, Keys.ENTER);
        browser.waitUntil("the results page for " + query, () -> browser.path().startsWith("search")
                && query.equals(java.net.URLDecoder.decode(String.valueOf(java.net.URI.create(
                        browser.driver().getCurrentUrl()).getRawQuery()).replaceAll("(^|.*&)q=([^&]*).*", "$2"),
                        StandardCharsets.UTF_8)));
        browser.waitForVaadin();
    }

    @Test
    void a_chinese_query_in_the_chinese_interface_finds_clauses_inside_words_and_filters_by_kind() {
        Browser zh = anotherBrowser(CHINESE);
        signIn(zh, "secretariat", CHINESE);
        search(zh, "个人信息 同意");
        VaadinElement results = zh.$("div").id("search-results");
        zh.waitUntil("results with marked words", () -> !results.$("mark").all().isEmpty());
        assertThat(results.text()).contains("GB/T 35273", "授权同意");
        assertThat(zh.$("span").id("search-count").text()).contains("个结果");
        zh.screenshot("search-zh-query-zh-ui-1400");
        zh.driver().manage().window().setSize(new Dimension(800, 1000));
        zh.screenshot("search-zh-query-zh-ui-800");
        zh.driver().manage().window().setSize(new Dimension(1400, 1000));

        zh.open("search?q=" + java.net.URLEncoder.encode("个人信息", StandardCharsets.UTF_8) + "&kind=term");
        zh.waitForVaadin();
        zh.waitUntil("only terms", () -> zh.$("div").id("search-results").text().contains("术语"));
        assertThat(zh.$("div").id("search-results").text()).doesNotContain("条款");
        assertNoMissingTexts(zh);
    }

    @Test
    void an_english_query_finds_stemmed_words_and_a_clause_result_opens_the_draft_there_with_find() {
        Browser en = browser();
        signIn(en, "editor2", ENGLISH);
        search(en, "consents");
        VaadinElement results = en.$("div").id("search-results");
        en.waitUntil("results", () -> !results.$("mark").all().isEmpty());
        assertThat(results.$("mark").first().text().toLowerCase()).startsWith("consent");
        en.screenshot("search-en-query-en-ui-1400");
        at800(en, "search-en-query-en-ui-800");
        search(en, "个人信息 同意");
        en.waitUntil("results", () -> en.$("div").id("search-results").text().contains("GB/T 35273"));
        en.screenshot("search-zh-query-en-ui-1400");
        at800(en, "search-zh-query-en-ui-800");

        // Another person: switching editor2 to Chinese here would be remembered and answer en's next page in Chinese.
        Browser zhUi = anotherBrowser(CHINESE);
        signIn(zhUi, "secretariat", CHINESE);
        search(zhUi, "consent");
        zhUi.waitUntil("results", () -> !zhUi.$("div").id("search-results").$("mark").all().isEmpty());
        zhUi.screenshot("search-en-query-zh-ui-1400");
        at800(zhUi, "search-en-query-zh-ui-800");

        en.open("search?q=" + java.net.URLEncoder.encode("授权同意", StandardCharsets.UTF_8) + "&kind=clause");
        en.waitForVaadin();
        en.$("div").id("search-results").$("a").withClass("search-hit-title").first().click();
        en.waitUntil("the find view", () -> en.path().contains("/find"));
        en.waitForVaadin();
        VaadinElement count = en.$("span").id("find-count");
        en.waitUntil("the count", () -> count.text().matches("\\d+ of \\d+"));
        assertThat(en.$("div").id("find-document").$("mark").withClass("dr-find").all()).hasSizeGreaterThan(1);
        String first = count.text();
        en.$("vaadin-button").id("find-next").click();
        en.waitUntil("the next match", () -> !count.text().equals(first));
        assertThat(en.$("div").id("find-document").$("mark").withClass("current").all()).hasSize(1);
        en.screenshot("find-in-draft-en-1400");
        assertNoMissingTexts(en);

        // A query of two words opens the find view with both marked, the stem of an English word included.
        en.open("projects/gbt-35273/find?q=" + java.net.URLEncoder.encode("个人信息 consents", StandardCharsets.UTF_8));
        en.waitForVaadin();
        en.waitUntil("the count", () -> en.$("span").id("find-count").text().matches("\\d+ of \\d+"));
        assertThat(en.$("div").id("find-document").$("mark").withClass("dr-find").all()).extracting(VaadinElement::text)
                .contains("个人信息").anyMatch(t -> t.toLowerCase().startsWith("consent"));
    }

    @Test
    void a_comment_result_opens_the_comment_in_its_draft() {
        SignedIn.as(users, "editor2");
        try {
            comments.create("gbt-35273", null, new CommentForm(null, CommentType.ED, "c-minimisation", 0, 0, "",
                    "Please define searchablecommentword before it is used.", ""));
        } finally {
            SignedIn.nobody();
        }
        indexer.rebuild();
        Browser en = browser();
        signIn(en, "editor2", ENGLISH);
        search(en, "searchablecommentword");
        VaadinElement results = en.$("div").id("search-results");
        en.waitUntil("the comment result", () -> results.text().contains("searchablecommentword"));
        results.$("a").withClass("search-hit-title").first().click();
        en.waitUntil("the comments of the draft", () -> en.path().contains("/comments"));
        VaadinElement thread = en.$("vaadin-dialog-overlay").first();
        en.waitUntil("the comment's thread", () -> thread.text().contains("searchablecommentword"));
        en.screenshot("comment-result-opened-en-1400");
    }

    @Test
    void an_editor_replaces_over_the_whole_draft_after_a_redline_preview_as_one_version() {
        SignedIn.as(users, "secretariat");
        String copy;
        try {
            copy = TestProjects.consultationCopy(projects, drafts, "GB/T R" + System.nanoTime() % 100000, "替换",
                    "Replace");
        } finally {
            SignedIn.nobody();
        }
        Browser en = browser();
        signIn(en, "editor2", ENGLISH);
        en.open("projects/" + copy + "/find");
        en.waitForVaadin();
        en.$(TextFieldElement.class).id("find-query").setValue("个人信息主体");
        en.$(TextFieldElement.class).id("find-replacement").setValue("个人信息主体（用户）");
        en.$("vaadin-button").id("find-preview").click();
        VaadinElement dialog = en.$("vaadin-dialog-overlay").first();
        en.waitUntil("the redline", () -> !dialog.$("ins").all().isEmpty());
        assertThat(dialog.text()).contains("个人信息主体（用户）");
        en.screenshot("find-replace-preview-en-1400");
        en.$("vaadin-button").id("find-apply").click();
        en.waitUntil("the new version", () -> {
            SignedIn.as(users, "editor2");
            try {
                return drafts.history(copy, 0, 1).get(0).subject().startsWith("Replace \"个人信息主体\"");
            } finally {
                SignedIn.nobody();
            }
        });
        SignedIn.as(users, "editor2");
        try {
            List<org.draftroom.drafts.domain.VersionInfo> history = drafts.history(copy, 0, 3);
            assertThat(history.get(1).subject()).doesNotStartWith("Replace");
            assertThat(drafts.open(copy, null).document().text()).doesNotContain("个人信息主体的").contains(
                    "个人信息主体（用户）");
        } finally {
            SignedIn.nobody();
        }
        // Every occurrence the find view counted was replaced, headings included.
        en.waitUntil("the find view on the new version", () -> en.$(TextFieldElement.class).id("find-query")
                .property("value").equals("个人信息主体（用户）"));
        en.$(TextFieldElement.class).id("find-query").setValue("个人信息主体的");
        en.$(TextFieldElement.class).id("find-query").type(Keys.ENTER.toString());
        en.waitUntil("no match left", () -> en.$("span").id("find-count").text().equals("No match"));

        // "When did this first appear?" answers the version the replacement made.
        String replaced;
        SignedIn.as(users, "editor2");
        try {
            replaced = drafts.history(copy, 0, 1).get(0).shortId();
        } finally {
            SignedIn.nobody();
        }
        en.$(TextFieldElement.class).id("find-query").setValue("个人信息主体（用户）");
        en.$("vaadin-button").id("find-first-version").click();
        en.waitUntil("the first version", () -> en.$("span").id("find-first-result").text().contains(replaced));
        en.$(TextFieldElement.class).id("find-query").setValue("个人信息主体的权利");
        en.$("vaadin-button").id("find-first-version").click();
        en.waitUntil("the first version", () -> !en.$("span").id("find-first-result").text().contains(replaced)
                && en.$("span").id("find-first-result").text().startsWith("First in version"));
        en.screenshot("find-first-version-en-1400");
    }

    @Test
    void a_term_defined_by_two_standards_is_compared_with_a_warning_and_listed_in_the_term_index() {
        Browser zh = anotherBrowser(CHINESE);
        signIn(zh, "editor2", CHINESE);
        zh.open("projects/" + other + "/find?clause=t-pi");
        zh.waitForVaadin();
        VaadinElement terms = zh.$("div").id("find-terms");
        zh.waitUntil("the comparison", () -> terms.text().contains("GB/T 35273"));
        assertThat(terms.text()).contains("个人信息 personal information", "定义不一致");
        zh.screenshot("term-comparison-zh-1400");
        // Beside the term in the draft itself: the other standard's definition, and a structure warning.
        zh.open("projects/" + other);
        zh.waitForVaadin();
        zh.waitUntil("the note beside the term", () -> zh.$("aside").all().stream()
                .anyMatch(a -> a.text().contains("GB/T 35273")));
        assertThat(String.valueOf(zh.js("""
                const a = document.querySelector('aside.dr-clause-note[data-clause="t-pi"]');
                if (!a) { return 'no note'; }
                let e = a.previousElementSibling;
                while (e && !/^H[1-6]$/.test(e.tagName)) { e = e.previousElementSibling; }
                let n = a.nextElementSibling;
                return (e ? e.id : '-') + '|' + (n ? n.id : '-') + '|' + a.className + '|' + a.textContent;""")))
                .startsWith("t-pi|t-collect|")
                .contains("dr-clause-note-warning", "中的定义不同", "GB/T 35273 3.");
        assertThat(String.valueOf(zh.js("return document.getElementById('problems').textContent")))
                .contains("“个人信息 personal information”在 GB/T 35273", "中的定义不同");
        zh.js("document.querySelector('aside.dr-clause-note').scrollIntoView({block: 'center'})");
        zh.screenshot("term-beside-draft-zh-1400");
        at800(zh, "term-beside-draft-zh-800");
        zh.open("terms");
        zh.waitForVaadin();
        zh.waitUntil("the term index", () -> zh.pageText().contains("GB/T 41391"));
        zh.screenshot("term-index-zh-1400");

        Browser en = browser();
        signIn(en, "editor2", ENGLISH);
        en.open("projects/" + other + "/find?clause=t-pi");
        en.waitForVaadin();
        en.waitUntil("the comparison", () -> en.$("div").id("find-terms").text().contains("definitions differ"));
        en.screenshot("term-comparison-en-1400");
        en.open("projects/" + other);
        en.waitForVaadin();
        en.waitUntil("the note beside the term", () -> en.$("aside").all().stream()
                .anyMatch(a -> a.text().contains("Defined differently in GB/T 35273")));
        en.js("document.querySelector('aside.dr-clause-note').scrollIntoView({block: 'center'})");
        en.screenshot("term-beside-draft-en-1400");
        at800(en, "term-beside-draft-en-800");
        assertNoMissingTexts(en);
    }

    @Test
    void the_projects_list_offers_to_search_the_text_for_a_phrase_it_does_not_match() {
        Browser en = browser();
        LoginPage.open(en).signInAs("secretariat", DEMO_PASSWORD);
        en.open("projects");
        en.waitForVaadin();
        en.$(TextFieldElement.class).id("projects-search").setValue("最小必要");
        VaadinElement noMatch = en.$("div").id("projects-no-match");
        en.waitUntil("the message", () -> noMatch.text().contains("Search the text of all standards"));
        en.screenshot("projects-no-match-en-1400");
        noMatch.$("a").first().click();
        en.waitUntil("the results page", () -> en.path().startsWith("search"));
        en.waitUntil("results", () -> en.$("div").id("search-results").text().contains("最小必要"));
    }
}
