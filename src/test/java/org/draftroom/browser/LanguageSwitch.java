package org.draftroom.browser;

import java.util.Locale;

/** The 中文 / English buttons ({@code #lang-zh}, {@code #lang-en}) of the sign-in page, top bar and profile. */
final class LanguageSwitch {

    private LanguageSwitch() {
    }

    /** Clicks the language's button and waits for the page to reload in it. */
    static void choose(Browser browser, Locale language) {
        ButtonElement button = button(browser, language);
        button.click();
        browser.waitForNewPage(button);
        browser.waitUntil("the " + language + " button to be pressed", () -> button(browser, language).isPressed());
    }

    static Locale current(Browser browser) {
        return button(browser, Locale.ENGLISH).isPressed() ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    private static ButtonElement button(Browser browser, Locale language) {
        return browser.$(ButtonElement.class).id("lang-" + language.getLanguage());
    }
}
