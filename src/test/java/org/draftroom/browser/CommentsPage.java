package org.draftroom.browser;

import java.util.List;

/**
 * The comments on a version of a draft ({@code CommentsView} with its {@code CommentedDraft}): the document with
 * highlighted words, the margin of comment cards, the comment dialog and the thread dialog.
 */
public final class CommentsPage {

    private final Browser browser;

    private CommentsPage(Browser browser) {
        this.browser = browser;
    }

    public static CommentsPage open(Browser browser, String projectId) {
        browser.open("projects/" + projectId + "/comments");
        return shown(browser);
    }

    public static CommentsPage shown(Browser browser) {
        browser.$("div").id("document");
        browser.$("vaadin-grid").id("margin");
        browser.waitUntil("the browser helper to be attached", () -> Boolean.TRUE.equals(browser.js(
                "return !!(window.draftroom && window.draftroom.comments"
                        + " && document.querySelector('#document').__drComments)")));
        return new CommentsPage(browser);
    }

    /** Selects these words (the first occurrence in the rendered text of the clause with this id) as a mouse would. */
    public CommentsPage selectWords(String clauseId, String words) {
        Object found = browser.js("""
                const heading = document.getElementById(arguments[0]);
                let el = heading.nextElementSibling;
                while (el && !(/^H[1-6]$/.test(el.tagName) && el.classList.contains('dr-clause'))) {
                    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                        const at = n.data.indexOf(arguments[1]);
                        if (at >= 0) {
                            const range = document.createRange();
                            range.setStart(n, at);
                            range.setEnd(n, at + arguments[1].length);
                            const sel = window.getSelection();
                            sel.removeAllRanges();
                            sel.addRange(range);
                            return true;
                        }
                    }
                    el = el.nextElementSibling;
                }
                return false;""", clauseId, words);
        if (!Boolean.TRUE.equals(found)) {
            throw new AssertionError("The words '" + words + "' are not in one text node of clause " + clauseId);
        }
        browser.waitUntil("the words to be offered for a comment", () -> Boolean.FALSE.equals(browser.js(
                "return document.querySelector('#comment-on-words').hasAttribute('disabled')")));
        return this;
    }

    /** Opens the comment dialog for the selected words, fills it in and submits it. */
    public CommentsPage commentOnSelection(String type, String text, String proposedChange) {
        browser.$(ButtonElement.class).id("comment-on-words").click();
        browser.$(DialogElement.class).first();
        browser.js("""
                const group = document.querySelector('#comment-type');
                const radio = [...group.querySelectorAll('vaadin-radio-button')]
                    .find(r => r.textContent.trim().startsWith(arguments[0]));
                radio.click();
                for (const [id, value] of [['#comment-body', arguments[1]], ['#comment-proposed', arguments[2]]]) {
                    const area = document.querySelector(id);
                    area.value = value;
                    area.dispatchEvent(new Event('input', {bubbles: true}));
                    area.dispatchEvent(new Event('change', {bubbles: true}));
                }""", type, text, proposedChange);
        browser.waitForVaadin();
        if (!proposedChange.isEmpty()) {
            browser.waitUntil("the redline preview to show the proposed change", () -> Boolean.TRUE.equals(browser.js(
                    "const p = document.querySelector('#comment-preview'); return !!p && !p.hidden"
                            + " && !!p.querySelector('ins, del')")));
        }
        browser.$(ButtonElement.class).id("comment-submit").click();
        browser.$(DialogElement.class).waitUntilGone();
        browser.waitForVaadin();
        return this;
    }

    /** The text of the redline preview in the open comment dialog. */
    public String preview() {
        return browser.$("div").id("comment-preview").text();
    }

    /** The texts of the highlights of this comment (by its database id), in document order. */
    @SuppressWarnings("unchecked")
    public List<String> highlightsOf(long commentId) {
        return (List<String>) browser.js("""
                return [...document.querySelectorAll('#document mark.dr-cmark')]
                    .filter(m => (m.dataset.comments || '').split(' ').includes(arguments[0]))
                    .map(m => m.textContent);""", String.valueOf(commentId));
    }

    /** The text of the comment card with this readable id, once it is in the margin. */
    public String card(String readableId) {
        browser.waitUntil("the card " + readableId + " to be in the margin", () -> Boolean.TRUE.equals(browser.js(
                "return !!document.getElementById(arguments[0])", "comment-" + readableId)));
        return String.valueOf(browser.js("return document.getElementById(arguments[0]).innerText",
                "comment-" + readableId));
    }

    /** Opens the thread of the comment through the replies button of its card. */
    public CommentsPage openThread(String readableId) {
        card(readableId);
        browser.js("document.getElementById(arguments[0]).querySelector('.dr-ccard-open').click()",
                "comment-" + readableId);
        browser.$(DialogElement.class).first();
        browser.$("div").id("thread-replies");
        return this;
    }

    public String threadText() {
        return browser.$(DialogElement.class).first().text();
    }

    /** Opens the history of the comment in the open thread and returns its text. */
    public String history() {
        browser.js("document.querySelector('#comment-history').opened = true");
        browser.waitUntil("the history to open", () -> Boolean.TRUE.equals(browser.js(
                "return document.querySelector('#comment-history').opened")));
        return String.valueOf(browser.js("return document.querySelector('#comment-history').innerText"));
    }

    public CommentsPage reply(String text) {
        fill("#reply-text", text);
        browser.$(ButtonElement.class).id("reply-send").click();
        browser.waitUntil("the reply to be shown", () -> threadText().contains(text));
        return this;
    }

    /** Resolves (or reopens) the comment in the open thread, giving this reason. */
    public CommentsPage changeStatus(String buttonId, String reason) {
        fill("#status-reason", reason);
        browser.$(ButtonElement.class).id(buttonId).click();
        browser.waitForVaadin();
        return this;
    }

    public boolean hasButton(String id) {
        return browser.$(ButtonElement.class).attribute("id", id).exists();
    }

    /** Applies the proposed change of the comment in the open thread; the link to the version it created. */
    public String applyProposedChange() {
        browser.$(ButtonElement.class).id("comment-apply").click();
        browser.waitForVaadin();
        return browser.$("a").id("applied-version").attribute("href");
    }

    public void clickAppliedVersion() {
        browser.$("a").id("applied-version").click();
    }

    private void fill(String css, String value) {
        browser.js("""
                const area = document.querySelector(arguments[0]);
                area.value = arguments[1];
                area.dispatchEvent(new Event('change', {bubbles: true}));""", css, value);
        browser.waitForVaadin();
    }
}
