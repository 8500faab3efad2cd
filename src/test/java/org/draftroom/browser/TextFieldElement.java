package org.draftroom.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A text field; its subclasses are the password and e-mail fields, which type the same way. */
@VaadinTag("vaadin-text-field")
public class TextFieldElement extends VaadinElement {

    TextFieldElement(Browser browser, WebElement element) {
        super(browser, element);
    }

    /**
     * Types the value into the field's input as a person would, replacing what was there, then leaves the field so
     * that it fires {@code change} and Vaadin sends the value to the server.
     */
    public void setValue(String value) {
        WebElement input = input();
        input.clear();
        input.sendKeys(value);
        browser.js("arguments[0].blur()", input);
        browser.waitForVaadin();
    }

    /** Types into the field without leaving it (e.g. to filter as one types). */
    public void type(String text) {
        input().sendKeys(text);
    }

    public String label() {
        return $("label").attribute("slot", "label").first().text();
    }

    protected WebElement input() {
        return webElement().findElement(By.cssSelector("input[slot='input']"));
    }
}
