package org.draftroom.browser;

/** The redline between two versions ({@code RedlineView}). */
public final class RedlinePage {

    private final Browser browser;

    private RedlinePage(Browser browser) {
        this.browser = browser;
    }

    public static RedlinePage shown(Browser browser) {
        browser.$("div").id("redline");
        return new RedlinePage(browser);
    }

    /** The inserted runs of text, in document order. */
    public String insertedText() {
        return String.valueOf(browser.js(
                "return [...document.querySelectorAll('#redline ins')].map(e => e.textContent).join('|')"));
    }

    public String deletedText() {
        return String.valueOf(browser.js(
                "return [...document.querySelectorAll('#redline del')].map(e => e.textContent).join('|')"));
    }

    /** The "old → new" numbers shown for moved clauses. */
    public String text() {
        return browser.$("div").id("redline").text();
    }
}
