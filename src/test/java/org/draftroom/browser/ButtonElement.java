package org.draftroom.browser;

import org.openqa.selenium.WebElement;

@VaadinTag("vaadin-button")
public class ButtonElement extends VaadinElement {

    ButtonElement(Browser browser, WebElement element) {
        super(browser, element);
    }

    /** For toggle buttons such as the language switch: whether it is shown pressed. */
    public boolean isPressed() {
        return "true".equals(attribute("aria-pressed"));
    }
}
