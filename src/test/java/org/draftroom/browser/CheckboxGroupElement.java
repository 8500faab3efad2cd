package org.draftroom.browser;

import java.util.List;
import org.openqa.selenium.WebElement;

@VaadinTag("vaadin-checkbox-group")
public class CheckboxGroupElement extends VaadinElement {

    CheckboxGroupElement(Browser browser, WebElement element) {
        super(browser, element);
    }

    /** Ticks the box with this label (leaves it ticked when it already is). */
    public void check(String label) {
        VaadinElement box = $("vaadin-checkbox").withText(label).first();
        if (!box.hasAttribute("checked")) {
            box.click();
        }
        browser.waitUntil(label + " to be ticked", () -> checked().contains(label));
    }

    public List<String> checked() {
        return $("vaadin-checkbox").attribute("checked").all().stream().map(VaadinElement::text).toList();
    }
}
