package org.draftroom.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Vaadin shows drop-downs, menus and dialogs in overlays attached to the page's body, outside their component. */
final class Overlays {

    private Overlays() {
    }

    /**
     * Waits for an item among those matching {@code itemCss} whose text starts with {@code label}, and clicks it.
     */
    static void clickItem(Browser browser, String itemCss, String label) {
        browser.waitUntil("an item \"" + label + "…\" in " + itemCss, () -> item(browser, itemCss, label) != null);
        item(browser, itemCss, label).click();
        browser.waitForVaadin();
    }

    private static WebElement item(Browser browser, String itemCss, String label) {
        return browser.driver().findElements(By.cssSelector(itemCss)).stream()
                .filter(e -> e.getText().trim().startsWith(label) && e.isDisplayed())
                .findFirst().orElse(null);
    }
}
