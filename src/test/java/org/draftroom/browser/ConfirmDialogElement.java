package org.draftroom.browser;

import org.openqa.selenium.WebElement;

/**
 * An open confirmation dialog. Its text and buttons are rendered in its overlay, so this wraps the opened overlay
 * ({@code browser.$(ConfirmDialogElement.class).first()}).
 */
@VaadinTag("vaadin-confirm-dialog-overlay[opened]")
public class ConfirmDialogElement extends VaadinElement {

    ConfirmDialogElement(Browser browser, WebElement element) {
        super(browser, element);
    }

    public String message() {
        return $("[id^='confirm-dialog-message']").first().text();
    }

    public void confirm() {
        $(ButtonElement.class).attribute("slot", "confirm-button").first().click();
    }
}
