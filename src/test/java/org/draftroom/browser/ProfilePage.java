package org.draftroom.browser;

/** The signed-in person's own page ({@code ProfileView}, {@code profile}). */
public final class ProfilePage {

    private final Browser browser;

    private ProfilePage(Browser browser) {
        this.browser = browser;
    }

    /** The profile the browser shows now or is being sent to. */
    public static ProfilePage shown(Browser browser) {
        browser.$("vaadin-vertical-layout").id("profile-view");
        browser.waitForVaadin();
        return new ProfilePage(browser);
    }

    /** Whether the banner that asks to replace a one-time password is shown. */
    public boolean asksForNewPassword() {
        return browser.$("div").attribute("id", "password-change-required").exists();
    }

    public String passwordBanner() {
        return browser.$("div").id("password-change-required").text();
    }

    /** Fills in and submits the password change; the page reloads once the server accepted it. */
    public ProfilePage changePassword(String current, String next, String repeat) {
        browser.$(PasswordFieldElement.class).id("current-password").setValue(current);
        browser.$(PasswordFieldElement.class).id("new-password").setValue(next);
        browser.$(PasswordFieldElement.class).id("repeat-password").setValue(repeat);
        ButtonElement change = browser.$(ButtonElement.class).id("change-password");
        change.click();
        browser.waitForNewPage(change);
        return shown(browser);
    }
}
