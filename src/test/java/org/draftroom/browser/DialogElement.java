package org.draftroom.browser;

import org.openqa.selenium.WebElement;

/**
 * An open dialog. Vaadin renders a dialog's content in its overlay, so this wraps the opened overlay; the components
 * inside are found by their ids from the page as usual.
 */
@VaadinTag("vaadin-dialog-overlay[opened]")
public class DialogElement extends VaadinElement {

    DialogElement(Browser browser, WebElement element) {
        super(browser, element);
    }

    public String headerTitle() {
        return $("[slot='title']").first().text();
    }
}
