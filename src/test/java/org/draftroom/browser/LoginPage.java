package org.draftroom.browser;

import java.util.Locale;

/** The sign-in page ({@code LoginView}): Vaadin's login form, the language switch and notices. */
public final class LoginPage {

    private final Browser browser;

    private LoginPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the sign-in page directly. */
    public static LoginPage open(Browser browser) {
        browser.open("login");
        return shown(browser);
    }

    /** The sign-in page the browser shows now or is being sent to; fails when it does not come. */
    public static LoginPage shown(Browser browser) {
        browser.waitUntil("the sign-in page", () -> "login".equals(browser.path()));
        browser.$("vaadin-vertical-layout").id("login-view");
        browser.waitForVaadin();
        return new LoginPage(browser);
    }

    public LoginFormElement form() {
        return browser.$(LoginFormElement.class).first();
    }

    public String title() {
        return form().title();
    }

    /**
     * Fills in the form and submits it; the browser then shows the start page, the profile or this page again with
     * a reason, which the caller checks with {@link AppShell#shown}, {@link ProfilePage#shown} or {@link #shown}.
     */
    public void signIn(String username, String password) {
        LoginFormElement form = form();
        form.username().setValue(username);
        form.password().setValue(password);
        form.submit().click();
        browser.waitForNewPage(form);
    }

    /** Signs in and expects the start page. */
    public AppShell signInAs(String username, String password) {
        signIn(username, password);
        return AppShell.shown(browser);
    }

    public boolean isErrorShown() {
        return form().isErrorShown();
    }

    public String errorTitle() {
        return form().errorTitle();
    }

    public String errorMessage() {
        return form().errorMessage();
    }

    /** The notice above the form (e.g. "You have signed out."), or the empty string when none is shown. */
    public String notice() {
        return browser.$("p").withClass("login-notice").find().filter(VaadinElement::isDisplayed)
                .map(VaadinElement::text).orElse("");
    }

    /** Clicks 中文 or English and waits for the page to come back in that language. */
    public LoginPage switchTo(Locale language) {
        LanguageSwitch.choose(browser, language);
        return shown(browser);
    }

    /** The language whose button is shown pressed. */
    public Locale currentLanguage() {
        return LanguageSwitch.current(browser);
    }
}
