package org.draftroom.browser;

import org.openqa.selenium.WebElement;

/** Vaadin's login form: its title and error live in the shadow DOM of its wrapper. */
@VaadinTag("vaadin-login-form")
public class LoginFormElement extends VaadinElement {

    LoginFormElement(Browser browser, WebElement element) {
        super(browser, element);
    }

    public TextFieldElement username() {
        return $(TextFieldElement.class).id("vaadinLoginUsername");
    }

    public PasswordFieldElement password() {
        return $(PasswordFieldElement.class).id("vaadinLoginPassword");
    }

    public ButtonElement submit() {
        return $(ButtonElement.class).attribute("slot", "submit").first();
    }

    public String title() {
        return wrapper().shadowText("[part='form-title']");
    }

    public boolean isErrorShown() {
        return wrapper().shadowDisplayed("[part='error-message']");
    }

    public String errorTitle() {
        return wrapper().shadowText("[part='error-message-title']");
    }

    public String errorMessage() {
        return wrapper().shadowText("[part='error-message-description']");
    }

    private VaadinElement wrapper() {
        return $("vaadin-login-form-wrapper").first();
    }
}
