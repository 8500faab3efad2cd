package org.draftroom.browser;

/**
 * A project's draft ({@code DraftView}): the outline, the rendered document, and the editing tools of editors.
 */
public final class DraftPage {

    private final Browser browser;

    private DraftPage(Browser browser) {
        this.browser = browser;
    }

    public static DraftPage open(Browser browser, String projectId) {
        browser.open("projects/" + projectId);
        return shown(browser);
    }

    public static DraftPage shown(Browser browser) {
        browser.$("vaadin-grid").id("outline");
        browser.$("div").id("document");
        return new DraftPage(browser);
    }

    /** The whole rendered document's text, also the parts scrolled out of view. */
    public String documentText() {
        browser.$("div").id("document");
        return String.valueOf(browser.js("return document.querySelector('#document').textContent"));
    }

    public String versionLine() {
        return browser.$("span").id("version-line").text();
    }

    public boolean canEdit() {
        return browser.$(ButtonElement.class).attribute("id", "edit-toggle").exists();
    }

    public DraftPage startEditing() {
        browser.$(ButtonElement.class).id("edit-toggle").click();
        browser.$("vaadin-text-area").id("clause-body");
        return this;
    }

    /** Selects the clause in the outline whose row shows this title (after its number). */
    public DraftPage selectClause(String title) {
        browser.waitUntil("the outline to show " + title, () -> Boolean.TRUE.equals(browser.js("""
                const cell = [...document.querySelectorAll('#outline vaadin-grid-cell-content')]
                    .find(c => c.innerText.trim().endsWith(arguments[0]));
                if (cell) { cell.click(); return true; }
                return false;""", title)));
        browser.waitForVaadin();
        browser.waitUntil("the clause editor to show " + title, () -> title.equals(browser.js(
                "return document.querySelector('#clause-title').value")));
        return this;
    }

    /** Replaces the selected clause's text as a person would: types it, then leaves the field. */
    public DraftPage replaceClauseText(String text) {
        browser.js("""
                const area = document.querySelector('#clause-body');
                area.value = arguments[0];
                area.dispatchEvent(new Event('change', {bubbles: true}));""", text);
        browser.waitForVaadin();
        return this;
    }

    public DraftPage saveVersion(String message) {
        browser.$(ButtonElement.class).id("save-version").click();
        browser.waitForVaadin();
        browser.js("""
                const area = document.querySelector('#save-message');
                area.value = arguments[0];
                area.dispatchEvent(new Event('change', {bubbles: true}));""", message);
        browser.waitForVaadin();
        browser.$(ButtonElement.class).id("save-confirm").click();
        browser.waitForVaadin();
        browser.waitUntil("the saved version to be shown", () -> versionLine().contains(message));
        return this;
    }

    public HistoryPage openHistory() {
        browser.$(ButtonElement.class).id("open-history").click();
        return HistoryPage.shown(browser);
    }
}
