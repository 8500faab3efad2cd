package org.draftroom.browser;

/**
 * A project's draft ({@code DraftView}): the outline, the rendered document, and the way into live editing.
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

    /** Whether the page offers editing: "Edit live" (the only way a draft is edited, docs/editing-decision.md). */
    public boolean canEdit() {
        return browser.$(ButtonElement.class).attribute("id", "open-live-editing").exists();
    }

    /** Whether an editing mode other than live editing is offered (there must be none). */
    public boolean offersClassicEditing() {
        return browser.$(ButtonElement.class).attribute("id", "edit-toggle").exists()
                || Boolean.TRUE.equals(browser.js("return !!document.querySelector('#clause-body')"));
    }

    public void editLive() {
        browser.$(ButtonElement.class).id("open-live-editing").click();
    }

    public HistoryPage openHistory() {
        browser.$(ButtonElement.class).id("open-history").click();
        return HistoryPage.shown(browser);
    }
}
