package org.draftroom.browser;

import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * One consultation round ({@code RoundView}): its head with the secretariat's actions and their reason dialogs, the
 * reviewer's submission bar with the sheet upload, and the tabs (the frozen draft with its comments, the dashboard,
 * the dispositions, the history). The draft tab is the comments module's {@link CommentsPage}.
 */
public final class RoundPage {

    private final Browser browser;

    private RoundPage(Browser browser) {
        this.browser = browser;
    }

    public static RoundPage open(Browser browser, long roundId) {
        browser.open("rounds/" + roundId);
        return shown(browser);
    }

    public static RoundPage shown(Browser browser) {
        browser.$("h2").id("round-title");
        return new RoundPage(browser);
    }

    /** The round's id, read from the address the browser shows. */
    public long id() {
        return Long.parseLong(browser.path().replaceAll("^.*rounds/(\\d+).*$", "$1"));
    }

    public String title() {
        return browser.$("h2").id("round-title").text();
    }

    /** The head of the round: title, state, window, frozen version, audience. */
    public String head() {
        return String.valueOf(browser.js("return document.querySelector('.round-head').innerText + '\\n'"
                + " + document.querySelector('.round-info').innerText"));
    }

    /** The reviewer's submission bar (what they may do now). */
    public String submissionBar() {
        return browser.$("div").id("submission-bar").text();
    }

    /** The frozen draft with its comments (the first tab). */
    public CommentsPage draft() {
        tab("tab-draft");
        return CommentsPage.shown(browser);
    }

    public RoundPage tab(String id) {
        browser.waitForVaadin();
        // A round page with a single page (a reviewer's open round) shows the draft without a tab bar.
        boolean noTabs = Boolean.TRUE.equals(browser.js("const t = document.querySelector('#round-tabs');"
                + " return !t || t.hidden || t.offsetParent === null"));
        if (noTabs && "tab-draft".equals(id)) {
            return this;
        }
        browser.$("vaadin-tab").id(id).click();
        return this;
    }

    /**
     * Selects the first {@code length} characters of the first text of the clause with this id (after its heading) as
     * a mouse would, and returns them.
     */
    public String selectWordsOf(String clauseId, int length) {
        Object words = browser.js("""
                const heading = document.getElementById(arguments[0]);
                let el = heading.nextElementSibling;
                while (el && !(/^H[1-6]$/.test(el.tagName) && el.classList.contains('dr-clause'))) {
                    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                        const text = n.data;
                        const start = text.search(/\\S/);
                        if (start >= 0 && text.length - start >= arguments[1]) {
                            const range = document.createRange();
                            range.setStart(n, start);
                            range.setEnd(n, start + arguments[1]);
                            const sel = window.getSelection();
                            sel.removeAllRanges();
                            sel.addRange(range);
                            return range.toString();
                        }
                    }
                    el = el.nextElementSibling;
                }
                return null;""", clauseId, length);
        if (words == null) {
            throw new AssertionError("No text of " + length + " characters in clause " + clauseId);
        }
        browser.waitUntil("the words to be offered for a comment", () -> Boolean.FALSE.equals(browser.js(
                "return document.querySelector('#comment-on-words').hasAttribute('disabled')")));
        return String.valueOf(words);
    }

    /**
     * Opens the comment dialog for the selected words, fills it in and submits it, leaving the dialog as the
     * application leaves it: closed when the comment was saved, open with the refusal under the text otherwise.
     */
    public RoundPage commentOnSelection(String type, String text) {
        browser.$(ButtonElement.class).id("comment-on-words").click();
        browser.$(DialogElement.class).first();
        browser.js("""
                const group = document.querySelector('#comment-type');
                const radio = [...group.querySelectorAll('vaadin-radio-button')]
                    .find(r => r.textContent.trim().startsWith(arguments[0]));
                radio.click();
                const area = document.querySelector('#comment-body');
                area.value = arguments[1];
                area.dispatchEvent(new Event('input', {bubbles: true}));
                area.dispatchEvent(new Event('change', {bubbles: true}));""", type, text);
        browser.waitForVaadin();
        browser.$(ButtonElement.class).id("comment-submit").click();
        return this;
    }

    /** The error shown under the comment text of the open comment dialog, once there is one. */
    public String commentRefusal() {
        browser.waitUntil("the comment dialog to show a refusal", () -> Boolean.TRUE.equals(browser.js(
                "return document.querySelector('#comment-body').invalid")));
        return String.valueOf(browser.js("return document.querySelector('#comment-body').errorMessage"));
    }

    /** The texts of the notifications shown now. */
    public String notifications() {
        return String.valueOf(browser.js("return [...document.querySelectorAll('vaadin-notification-card')]"
                + ".map(c => c.innerText).join('\\n')"));
    }

    public void cancelDialog() {
        browser.js("document.querySelector('#comment-cancel').click()");
        browser.$(DialogElement.class).waitUntilGone();
        browser.waitForVaadin();
    }

    // ---- the secretariat ---------------------------------------------------------------------------------------

    /** In the history tab, accepts late comments from the organisation with this code (until the proposed time). */
    public RoundPage allowLateComments(String organisationCode, String reason) {
        tab("tab-history");
        browser.$(ButtonElement.class).withText("Accept late comments from " + organisationCode).first().click();
        confirmReason("late-dialog", reason);
        return shown(browser);
    }

    private void confirmReason(String dialogId, String reason) {
        browser.$(DialogElement.class).first();
        fill("#" + dialogId + "-reason", reason);
        browser.$(ButtonElement.class).id(dialogId + "-confirm").click();
        browser.$(DialogElement.class).waitUntilGone();
        browser.waitForVaadin();
    }

    public String history() {
        tab("tab-history");
        return browser.$("div").id("round-history").text();
    }

    public GridElement dispositions() {
        tab("tab-dispositions");
        return browser.$(GridElement.class).id("dispositions-grid");
    }

    /**
     * Records a disposition of the comment with this readable id in the workspace's detail panel (shown by clicking its
     * row, unless the panel shows it already); the reason may be empty. Clicks: the row (if needed), the disposition,
     * the save button.
     */
    public RoundPage recordDisposition(String readableId, String disposition, String reason) {
        if (!detailShows(readableId)) {
            VaadinElement cell = dispositions().cell(readableId);
            browser.js("arguments[0].scrollIntoView({block: 'center'})", cell);
            cell.click();
            browser.waitUntil("the detail of " + readableId, () -> detailShows(readableId));
        }
        browser.js("""
                const radio = [...document.querySelectorAll('#disposition-choice vaadin-radio-button')]
                    .find(r => r.textContent.trim().startsWith(arguments[0] + ' ('));
                radio.click();""", disposition);
        browser.waitForVaadin();
        fill("#disposition-reason", reason);
        browser.$(ButtonElement.class).id("disposition-save").click();
        return this;
    }

    /** The readable id of the comment the workspace's detail panel shows, "" when none. */
    public String detailComment() {
        Object text = browser.js("const h = document.querySelector('#detail-heading');"
                + " return h && h.isConnected && h.offsetParent ? h.textContent : ''");
        String heading = String.valueOf(text);
        int dot = heading.indexOf(" · ");
        return dot < 0 ? "" : heading.substring(0, dot);
    }

    private boolean detailShows(String readableId) {
        return readableId.equals(detailComment());
    }

    /** The error under the reason of the open disposition dialog, once there is one. */
    public String dispositionReasonError() {
        browser.waitUntil("the reason to be marked invalid", () -> Boolean.TRUE.equals(browser.js(
                "return document.querySelector('#disposition-reason').invalid")));
        return String.valueOf(browser.js("return document.querySelector('#disposition-reason').errorMessage"));
    }

    /** Waits until the saved disposition reached the server (the workspace then shows the next comment). */
    public void waitForDialogToClose() {
        browser.waitForVaadin();
    }

    public RoundPage publishDispositions() {
        tab("tab-dispositions");
        browser.$(ButtonElement.class).id("publish-dispositions").click();
        browser.$(ConfirmDialogElement.class).first().confirm();
        browser.waitForVaadin();
        return shown(browser);
    }

    // ---- a reviewer --------------------------------------------------------------------------------------------

    /** Chooses this file in the sheet dialog; waits for the preview (or a problem with the file). */
    public RoundPage uploadSheet(Path file) {
        browser.$(ButtonElement.class).id("upload-sheet").click();
        VaadinElement upload = browser.$("vaadin-upload").id("sheet-upload");
        WebElement input = upload.webElement().getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.waitUntil("the sheet to be read", () -> Boolean.TRUE.equals(browser.js(
                "const g = document.querySelector('#sheet-preview'); const p = document.querySelector("
                        + "'#sheet-file-problems'); return (!!g && !g.hidden) || (!!p && p.innerText.trim() !== '')")));
        browser.waitForVaadin();
        return this;
    }

    /** The preview of the uploaded sheet: summary, file problems and the rows' texts. */
    public String sheetPreview() {
        return String.valueOf(browser.js("return ['#sheet-summary', '#sheet-file-problems', '#sheet-preview']"
                + ".map(s => document.querySelector(s)).filter(e => !!e).map(e => e.id === 'sheet-preview'"
                + " ? [...e.querySelectorAll('vaadin-grid-cell-content')].map(c => c.innerText).join(' | ')"
                + " : e.innerText).join('\\n')"));
    }

    public String importButtonText() {
        return browser.$(ButtonElement.class).id("sheet-import").text();
    }

    public RoundPage importSheet() {
        browser.$(ButtonElement.class).id("sheet-import").click();
        browser.$(DialogElement.class).waitUntilGone();
        browser.waitForVaadin();
        return shown(browser);
    }

    /** Marks (dis)satisfaction with the disposition of one's own comment (by its database id). */
    public RoundPage markSatisfaction(long commentId, boolean satisfied) {
        tab("tab-dispositions");
        browser.$(ButtonElement.class).id((satisfied ? "satisfied-" : "not-satisfied-") + commentId).click();
        return this;
    }

    private void fill(String css, String value) {
        browser.js("""
                const area = document.querySelector(arguments[0]);
                area.value = arguments[1];
                area.dispatchEvent(new Event('input', {bubbles: true}));
                area.dispatchEvent(new Event('change', {bubbles: true}));""", css, value);
        browser.waitForVaadin();
    }
}
