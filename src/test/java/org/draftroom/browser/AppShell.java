package org.draftroom.browser;

import java.util.List;
import java.util.Locale;

/** What surrounds every view after sign-in ({@code MainLayout}): navigation, language switch, user menu. */
public final class AppShell {

    private final Browser browser;

    private AppShell(Browser browser) {
        this.browser = browser;
    }

    /** The application shell the browser shows now or is about to; fails when it does not come. */
    public static AppShell shown(Browser browser) {
        browser.$(SideNavElement.class).id("main-nav");
        browser.waitForVaadin();
        return new AppShell(browser);
    }

    public SideNavElement navigation() {
        return browser.$(SideNavElement.class).id("main-nav");
    }

    /** The labels of the navigation, as shown. */
    public List<String> navigationLabels() {
        return navigation().labels();
    }

    /** The home view, expected to be shown. */
    public HomePage home() {
        return HomePage.shown(browser);
    }

    /** The menu under the person's name: {@code my-profile}, {@code sign-out}. */
    public MenuBarElement userMenu() {
        return browser.$(MenuBarElement.class).id("user-menu");
    }

    /** The name shown in the user menu, beside the avatar. */
    public String signedInName() {
        return userMenu().$("vaadin-menu-bar-button").first().$("span").first().text();
    }

    /** Signs out from the user menu; the browser is sent to the sign-in page. */
    public LoginPage signOut() {
        VaadinElement nav = navigation();
        userMenu().choose("sign-out");
        browser.waitForNewPage(nav);
        LoginPage page = LoginPage.shown(browser);
        // The sign-in page that says "you have signed out" is the last page of signing out: nothing loads over it.
        browser.waitUntil("the signed-out notice", () -> !page.notice().isEmpty());
        return page;
    }

    /** Clicks 中文 or English in the top bar and waits for the page to come back in that language. */
    public AppShell switchTo(Locale language) {
        LanguageSwitch.choose(browser, language);
        return shown(browser);
    }

    public Locale currentLanguage() {
        return LanguageSwitch.current(browser);
    }
}
