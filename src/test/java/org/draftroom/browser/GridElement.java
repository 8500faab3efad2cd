package org.draftroom.browser;

import java.util.List;
import org.openqa.selenium.WebElement;

/** A grid; rows are found through the text of their cells, as a person scans them. */
@VaadinTag("vaadin-grid")
public class GridElement extends VaadinElement {

    GridElement(Browser browser, WebElement element) {
        super(browser, element);
    }

    /** The cell showing exactly {@code text}, waiting until the grid shows it. */
    public VaadinElement cell(String text) {
        return $("vaadin-grid-cell-content").withText(text).first();
    }

    /**
     * The texts of the row whose cell shows {@code key}, in column order (header cells excluded), e.g. to read a
     * user's status. Waits until the row is shown.
     */
    public List<String> row(String key) {
        cell(key);
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) browser.js("""
                const grid = arguments[0];
                const rows = [...grid.shadowRoot.querySelectorAll('tbody#items tr')];
                for (const row of rows) {
                  const texts = [...row.querySelectorAll('td slot')].map(s => {
                    const content = grid.querySelector(`vaadin-grid-cell-content[slot="${s.name}"]`);
                    return content ? content.innerText.trim() : '';
                  });
                  if (texts.includes(arguments[1])) { return texts; }
                }
                return [];""", this, key);
        return texts;
    }
}
