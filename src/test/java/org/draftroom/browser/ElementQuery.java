package org.draftroom.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * A TestBench-style query for the web components of one tag, optionally narrowed by attributes and text. The finding
 * methods {@link #id} and {@link #first} wait until a match is there (Vaadin renders after the server answers);
 * {@link #all}, {@link #find} and {@link #exists} look once.
 *
 * @param <T> the element class the matches are wrapped in
 */
public final class ElementQuery<T extends VaadinElement> {

    /** Matches of a selector in a scope (the document when null), with their text content equal to a text if given. */
    private static final String FIND = """
            const [scope, selector, text] = arguments;
            return [...(scope || document).querySelectorAll(selector)]
                .filter(e => text === null || e.textContent.replace(/\\s+/g, ' ').trim() === text);""";

    private final Browser browser;
    private final SearchContext scope;
    private final Class<T> type;
    private final String tag;
    private final List<String> attributes = new ArrayList<>();
    private String text;

    ElementQuery(Browser browser, SearchContext scope, Class<T> type, String tag) {
        this.browser = browser;
        this.scope = scope;
        this.type = type;
        this.tag = tag;
    }

    static String tagOf(Class<? extends VaadinElement> type) {
        VaadinTag tag = type.getAnnotation(VaadinTag.class);
        if (tag == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no @VaadinTag");
        }
        return tag.value();
    }

    /** Narrows to elements whose attribute has the value. */
    public ElementQuery<T> attribute(String name, String value) {
        attributes.add("[" + name + "='" + value.replace("'", "\\'") + "']");
        return this;
    }

    /** Narrows to elements that carry the attribute, whatever its value. */
    public ElementQuery<T> attribute(String name) {
        attributes.add("[" + name + "]");
        return this;
    }

    /** Narrows to elements with a CSS class. */
    public ElementQuery<T> withClass(String className) {
        attributes.add("." + className);
        return this;
    }

    /** Narrows to elements whose text (their light DOM's, blanks collapsed), trimmed, is exactly {@code text}. */
    public ElementQuery<T> withText(String text) {
        this.text = text;
        return this;
    }

    /** The element with this id, waiting until it is there. */
    public T id(String id) {
        attributes.add("#" + id);
        return first();
    }

    /** The first match, waiting until there is one. */
    public T first() {
        return waitForMatches().get(0);
    }

    private List<T> waitForMatches() {
        return browser.waitFor(this + " to appear", () -> {
            List<T> all = all();
            return all.isEmpty() ? null : all;
        });
    }

    /** All current matches, without waiting. */
    public List<T> all() {
        // One round trip for the whole query: filtering element by element over WebDriver is slow for big grids.
        @SuppressWarnings("unchecked")
        List<WebElement> matches = (List<WebElement>) browser.js(FIND, scope instanceof WebElement e ? e : null,
                selector(), text);
        List<T> found = new ArrayList<>();
        for (WebElement e : matches) {
            found.add(VaadinElement.wrap(type, browser, e));
        }
        return found;
    }

    /** The first current match, without waiting. */
    public Optional<T> find() {
        return all().stream().findFirst();
    }

    /** Whether there is a match now, without waiting. */
    public boolean exists() {
        return !all().isEmpty();
    }

    /** Waits until nothing matches any more (a dialog closed, a view left). */
    public void waitUntilGone() {
        browser.waitUntil(this + " to disappear", () -> all().isEmpty());
    }

    private String selector() {
        return tag + String.join("", attributes);
    }

    @Override
    public String toString() {
        return selector() + (text == null ? "" : " with text \"" + text + "\"");
    }
}
