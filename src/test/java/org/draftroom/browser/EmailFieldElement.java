package org.draftroom.browser;

import org.openqa.selenium.WebElement;

@VaadinTag("vaadin-email-field")
public class EmailFieldElement extends TextFieldElement {

    EmailFieldElement(Browser browser, WebElement element) {
        super(browser, element);
    }
}
