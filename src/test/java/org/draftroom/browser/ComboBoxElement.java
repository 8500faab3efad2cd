package org.draftroom.browser;

import org.openqa.selenium.WebElement;

@VaadinTag("vaadin-combo-box")
public class ComboBoxElement extends TextFieldElement {

    ComboBoxElement(Browser browser, WebElement element) {
        super(browser, element);
    }

    /**
     * Chooses the item whose label starts with {@code label}: types it as a filter, waits for the server to send the
     * matching items, and clicks the match in the opened list.
     */
    public void selectByText(String label) {
        input().click();
        type(label);
        Overlays.clickItem(browser, "vaadin-combo-box-overlay[opened] vaadin-combo-box-item", label);
        browser.waitUntil(this + " to show " + label, () -> selectedText().startsWith(label));
    }

    /** The label of the chosen item as the field shows it (the component's value is only an item key). */
    public String selectedText() {
        return input().getDomProperty("value");
    }
}
