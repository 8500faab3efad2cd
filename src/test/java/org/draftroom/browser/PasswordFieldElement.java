package org.draftroom.browser;

import org.openqa.selenium.WebElement;

@VaadinTag("vaadin-password-field")
public class PasswordFieldElement extends TextFieldElement {

    PasswordFieldElement(Browser browser, WebElement element) {
        super(browser, element);
    }
}
