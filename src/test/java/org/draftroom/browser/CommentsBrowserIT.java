package org.draftroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Comments in a real browser: an editor selects words and comments on them; another editor changes the text before
 * those words; after a reload the highlight still covers the same words; the thread takes a reply, is resolved and
 * reopened with reasons, and applying the proposed change links to the version it created.
 */
class CommentsBrowserIT extends BrowserTestBase {

    private static final String SAMPLE = "gbt-35273";

    @Autowired
    private CommentService comments;
    @Autowired
    private CommentReader commentReader;

    @Autowired
    private DraftService drafts;

    @Autowired
    private UserDetailsService users;

    @AfterEach
    void signOutOfServices() {
        SignedIn.nobody();
    }

    private Comment find(String body) {
        SignedIn.as(users, "secretariat");
        try {
            return commentReader.find(SAMPLE, "", CommentFilter.all(), 0, 10_000).stream().map(PlacedComment::comment)
                    .filter(c -> c.body().equals(body)).findFirst().orElseThrow();
        } finally {
            SignedIn.nobody();
        }
    }

    @Test
    void a_comment_on_selected_words_keeps_its_highlight_through_an_edit_and_its_proposal_is_applied() {
        LoginPage.open(browser()).signInAs("editor2", DEMO_PASSWORD);
        CommentsPage page = CommentsPage.open(browser(), SAMPLE);
        String words = "单独告知所需的个人敏感信息";
        String text = "Say \"separately\" once. " + UUID.randomUUID();
        page.selectWords("c-consent", words).commentOnSelection("ed", text, "单独告知所需的敏感个人信息");
        Comment made = find(text);
        assertThat(made.anchor().quote()).isEqualTo(words);
        assertThat(made.proposedChange()).isEqualTo("单独告知所需的敏感个人信息");
        assertThat(page.highlightsOf(made.id())).containsExactly(words);
        assertThat(page.card(made.readableId())).contains(made.readableId(), "ed", words, "5.4");
        browser().screenshot("comments-margin-en");

        // Another editor inserts words before the quoted ones, in the same clause, and saves a version.
        SignedIn.as(users, "secretariat");
        try {
            DraftService.DraftSnapshot latest = drafts.open(SAMPLE, null);
            String body = latest.document().require("c-consent").body();
            String changed = body.replace("b) 收集个人敏感信息前，", "b) 收集个人敏感信息（见附录B）前，");
            assertThat(changed).isNotEqualTo(body);
            DraftDocument edited = Outline.replaceBody(latest.document(), "c-consent", changed);
            drafts.save(SAMPLE, latest.version().commitId(), edited.text(), "Point to annex B before consent");
        } finally {
            SignedIn.nobody();
        }

        CommentsPage reloaded = CommentsPage.open(browser(), SAMPLE);
        browser().waitUntil("the highlight to be drawn", () -> !reloaded.highlightsOf(made.id()).isEmpty());
        assertThat(reloaded.highlightsOf(made.id())).containsExactly(words);
        assertThat(String.valueOf(browser().js("return document.querySelector('#document').textContent")))
                .contains("收集个人敏感信息（见附录B）前");

        reloaded.openThread(made.readableId()).reply("同意，改为“敏感个人信息”。");
        reloaded.changeStatus("comment-resolve", "Agreed in the WG meeting");
        browser().waitUntil("the comment to be resolved", () -> reloaded.hasButton("comment-reopen"));
        reloaded.changeStatus("comment-reopen", "Apply it through the platform");
        browser().waitUntil("the comment to be open again", () -> reloaded.hasButton("comment-apply"));
        assertThat(reloaded.history()).contains("Agreed in the WG meeting", "Apply it through the platform");
        browser().screenshot("comments-thread-en");

        String link = reloaded.applyProposedChange();
        // The page underneath shows the new text at once, without a reload: not the words the change replaced.
        browser().waitUntil("the comments page to show the applied text", () -> String.valueOf(
                browser().js("return document.querySelector('#document').textContent")).contains("单独告知所需的敏感个人信息"));
        assertThat(String.valueOf(browser().js("return document.querySelector('#document').textContent")))
                .doesNotContain(words);
        Comment applied = find(text);
        assertThat(applied.appliedCommitId()).isNotNull();
        assertThat(link).contains("projects/" + SAMPLE).contains("ref=" + applied.appliedCommitId());
        reloaded.clickAppliedVersion();
        DraftPage draft = DraftPage.shown(browser());
        browser().waitUntil("the applied version to be shown",
                () -> draft.versionLine().contains(applied.appliedCommitId().substring(0, 7)));
        assertThat(draft.documentText()).contains("单独告知所需的敏感个人信息").doesNotContain(words);
        assertNoMissingTexts(browser());
    }

    /**
     * A keyboard user (WCAG 2.1.1) selects words to comment on: the draft takes the focus, the arrow keys move a caret
     * through the read-only text, Shift with the arrows selects, and "Comment on selected words" quotes them.
     */
    @Test
    void words_to_comment_on_are_selected_with_the_keyboard() {
        LoginPage.open(browser()).signInAs("editor2", DEMO_PASSWORD);
        CommentsPage.open(browser(), SAMPLE);
        browser().js("document.querySelector('#document').focus()");
        Actions keys = new Actions(browser().driver());
        // From the heading of the first clause (前言) down to its first line of text, then four characters.
        keys.sendKeys(Keys.ARROW_DOWN);
        keys.keyDown(Keys.SHIFT);
        for (int i = 0; i < 4; i++) {
            keys.sendKeys(Keys.ARROW_RIGHT);
        }
        keys.keyUp(Keys.SHIFT).perform();
        String selected = String.valueOf(browser().js("return window.getSelection().toString()"));
        assertThat(selected.strip()).as("four characters selected by Shift+Right").hasSizeGreaterThanOrEqualTo(3);
        browser().waitUntil("the selected words to be offered for a comment", () -> Boolean.FALSE.equals(browser().js(
                "return document.querySelector('#comment-on-words').hasAttribute('disabled')")));
        // Tab order is the page's; here the button takes the focus directly, and Enter presses it.
        browser().js("document.querySelector('#comment-on-words').focus()");
        new Actions(browser().driver()).sendKeys(Keys.ENTER).perform();
        browser().$(DialogElement.class).first();
        browser().waitUntil("the dialog to quote the selected words", () -> String.valueOf(browser().js(
                "const t = document.querySelector('#comment-target'); return t ? t.textContent : ''"))
                .contains(selected.strip()));
        browser().screenshot("comments-keyboard-selection-en");
        browser().$(ButtonElement.class).id("comment-cancel").click();
        browser().$(DialogElement.class).waitUntilGone();
    }
}
