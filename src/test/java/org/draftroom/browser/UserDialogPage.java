package org.draftroom.browser;

/** The dialog that creates or edits a user ({@code UserDialog}). */
public final class UserDialogPage {

    private final Browser browser;

    private UserDialogPage(Browser browser) {
        this.browser = browser;
    }

    static UserDialogPage shown(Browser browser) {
        browser.$("vaadin-dialog").id("user-dialog");
        browser.$(DialogElement.class).first();
        browser.waitForVaadin();
        return new UserDialogPage(browser);
    }

    public String headerTitle() {
        return browser.$(DialogElement.class).first().headerTitle();
    }

    public TextFieldElement username() {
        return browser.$(TextFieldElement.class).id("user-username");
    }

    public TextFieldElement displayName() {
        return browser.$(TextFieldElement.class).id("user-display-name");
    }

    public PasswordFieldElement password() {
        return browser.$(PasswordFieldElement.class).id("user-password");
    }

    public ComboBoxElement organisation() {
        return browser.$(ComboBoxElement.class).id("user-organisation");
    }

    public CheckboxGroupElement roles() {
        return browser.$(CheckboxGroupElement.class).id("user-roles");
    }

    public MultiSelectComboBoxElement workingGroups() {
        return browser.$(MultiSelectComboBoxElement.class).id("user-working-groups");
    }

    /** Saves; the dialog closes when the server accepted the user. */
    public void save() {
        browser.$(ButtonElement.class).id("user-save").click();
        browser.$("vaadin-dialog").attribute("id", "user-dialog").waitUntilGone();
    }

    /** Clicks Disable (or Enable) and returns the confirmation that asks whether to go on. */
    public ConfirmDialogElement toggleEnabled() {
        browser.$(ButtonElement.class).id("user-toggle-enabled").click();
        return browser.$(ConfirmDialogElement.class).first();
    }

    public void waitUntilClosed() {
        browser.$("vaadin-dialog").attribute("id", "user-dialog").waitUntilGone();
    }
}
