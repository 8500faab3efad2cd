package org.draftroom.browser;

import java.util.List;

/** The versions of a draft ({@code HistoryView}), newest first. */
public final class HistoryPage {

    private final Browser browser;

    private HistoryPage(Browser browser) {
        this.browser = browser;
    }

    public static HistoryPage shown(Browser browser) {
        browser.$(GridElement.class).id("history-grid");
        return new HistoryPage(browser);
    }

    /** The texts of the row of the version with this message. */
    public List<String> row(String message) {
        return browser.$(GridElement.class).id("history-grid").row(message);
    }

    /** Opens the redline of the version with this message against the version it was made from. */
    public RedlinePage changesOf(String message) {
        row(message);
        browser.waitUntil("the changes button of " + message, () -> Boolean.TRUE.equals(browser.js("""
                const grid = document.querySelector('#history-grid');
                for (const row of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
                  const contents = [...row.querySelectorAll('td slot')]
                      .map(s => grid.querySelector(`vaadin-grid-cell-content[slot="${s.name}"]`)).filter(c => c);
                  if (contents.some(c => c.innerText.trim() === arguments[0])) {
                    const button = contents.map(c => c.querySelector('.version-changes')).find(b => b);
                    if (button) { button.click(); return true; }
                  }
                }
                return false;""", message)));
        return RedlinePage.shown(browser);
    }
}
