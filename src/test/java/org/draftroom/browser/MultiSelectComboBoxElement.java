package org.draftroom.browser;

import java.util.List;
import org.openqa.selenium.WebElement;

@VaadinTag("vaadin-multi-select-combo-box")
public class MultiSelectComboBoxElement extends TextFieldElement {

    MultiSelectComboBoxElement(Browser browser, WebElement element) {
        super(browser, element);
    }

    /** Adds the item whose label starts with {@code label} to the selection, then closes the drop-down. */
    public void selectByText(String label) {
        input().click();
        type(label);
        Overlays.clickItem(browser,
                "vaadin-multi-select-combo-box-overlay[opened] vaadin-multi-select-combo-box-item", label);
        browser.waitUntil(this + " to have " + label + " chosen",
                () -> chosen().stream().anyMatch(c -> c.startsWith(label)));
        browser.js("arguments[0].opened = false", this);
        browser.waitForVaadin();
    }

    /** The labels of the chosen items, as their chips show them. */
    public List<String> chosen() {
        return $("vaadin-multi-select-combo-box-chip").all().stream()
                .filter(chip -> !"overflow".equals(chip.attribute("slot")))
                .map(chip -> String.valueOf(chip.property("label"))).toList();
    }
}
