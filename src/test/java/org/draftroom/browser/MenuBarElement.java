package org.draftroom.browser;

import org.openqa.selenium.WebElement;

@VaadinTag("vaadin-menu-bar")
public class MenuBarElement extends VaadinElement {

    MenuBarElement(Browser browser, WebElement element) {
        super(browser, element);
    }

    /** Opens the menu under its first button and clicks the sub-menu item with this id. */
    public void choose(String itemId) {
        $("vaadin-menu-bar-button").first().click();
        browser.$("vaadin-menu-bar-item").id(itemId).click();
    }
}
