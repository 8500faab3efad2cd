package org.draftroom.browser;

/** The self-registration page ({@code RegisterView}, {@code register}) as a stranger uses it. */
public final class RegisterPage {

    private final Browser browser;

    private RegisterPage(Browser browser) {
        this.browser = browser;
    }

    public static RegisterPage open(Browser browser) {
        browser.open("register");
        browser.$("vaadin-vertical-layout").id("register-view");
        return new RegisterPage(browser);
    }

    /**
     * Fills in the form and submits it. {@code organisation} goes wherever the page takes an organisation: into the
     * organisation field when the page has one, as a stranger would type it there.
     */
    public void fillIn(String name, String organisation, String email, String username, String password) {
        browser.$(TextFieldElement.class).id("register-name").setValue(name);
        browser.$(TextFieldElement.class).attribute("id", "register-organisation").find()
                .ifPresent(field -> field.setValue(organisation));
        browser.$(EmailFieldElement.class).id("register-email").setValue(email);
        browser.$(TextFieldElement.class).id("register-username").setValue(username);
        browser.$(PasswordFieldElement.class).id("register-password").setValue(password);
    }

    /**
     * Sets the name field's value as a script talking to the page could, line breaks included (typing cannot put a
     * line break into a one-line field), and sends it to the server.
     */
    public void forceName(String name) {
        TextFieldElement field = browser.$(TextFieldElement.class).id("register-name");
        browser.js("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", field, name);
        browser.waitForVaadin();
    }

    /** Submits; on success the browser is sent to the sign-in page. */
    public void submit() {
        browser.$(ButtonElement.class).id("register-submit").click();
        browser.waitForVaadin();
    }

    /** Registers and waits for the sign-in page. */
    public LoginPage register(String name, String organisation, String email, String username, String password) {
        fillIn(name, organisation, email, username, password);
        submit();
        return LoginPage.shown(browser);
    }

    /** The error message the name field shows, or the empty string. */
    public String nameError() {
        VaadinElement field = browser.$(TextFieldElement.class).id("register-name");
        return Boolean.TRUE.equals(field.property("invalid")) ? String.valueOf(field.property("errorMessage")) : "";
    }

    /** The explanation that the person registers as an individual. */
    public String individualNotice() {
        return browser.$("p").id("register-individual").text();
    }
}
