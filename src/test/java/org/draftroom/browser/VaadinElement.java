package org.draftroom.browser;

import java.lang.reflect.InvocationTargetException;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * A web component in the page, wrapped as TestBench's {@code TestBenchElement}: clicking waits for the server's
 * answer, and queries can start from it. Subclasses add what their component offers (typing into a text field,
 * choosing in a combo box) and name their tag with {@link VaadinTag}.
 */
public class VaadinElement {

    protected final Browser browser;
    private final WebElement element;

    protected VaadinElement(Browser browser, WebElement element) {
        this.browser = browser;
        this.element = element;
    }

    static <T extends VaadinElement> T wrap(Class<T> type, Browser browser, WebElement element) {
        try {
            var constructor = type.getDeclaredConstructor(Browser.class, WebElement.class);
            constructor.setAccessible(true);
            return constructor.newInstance(browser, element);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalStateException(type.getSimpleName() + " needs a (Browser, WebElement) constructor", e);
        }
    }

    public WebElement webElement() {
        return element;
    }

    /** Clicks it as a person would (in its middle) and waits until the server has answered. */
    public void click() {
        element.click();
        browser.waitForVaadin();
    }

    /** The visible text, trimmed. */
    public String text() {
        return element.getText().trim();
    }

    public String attribute(String name) {
        return element.getDomAttribute(name);
    }

    public boolean hasAttribute(String name) {
        return element.getDomAttribute(name) != null;
    }

    /** A JavaScript property of the component, e.g. {@code value} or {@code opened}. */
    public Object property(String name) {
        return browser.js("return arguments[0][arguments[1]]", this, name);
    }

    public boolean isDisplayed() {
        return element.isDisplayed();
    }

    /** Elements of a kind inside this one (light DOM). */
    public <T extends VaadinElement> ElementQuery<T> $(Class<T> type) {
        return new ElementQuery<>(browser, element, type, ElementQuery.tagOf(type));
    }

    /** Elements with a tag inside this one (light DOM). */
    public ElementQuery<VaadinElement> $(String tag) {
        return new ElementQuery<>(browser, element, VaadinElement.class, tag);
    }

    /** The text of the first element matching a CSS selector in this component's shadow DOM. */
    public String shadowText(String css) {
        return shadow().findElement(By.cssSelector(css)).getText().trim();
    }

    /** Whether an element matching a CSS selector in this component's shadow DOM is shown. */
    public boolean shadowDisplayed(String css) {
        return shadow().findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    protected SearchContext shadow() {
        return element.getShadowRoot();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + element.getTagName()
                + (element.getDomAttribute("id") == null ? "" : "#" + element.getDomAttribute("id")) + ")";
    }
}
