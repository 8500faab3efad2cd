package org.draftroom.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.draftroom.base.ui.LanguageSwitch;
import org.draftroom.base.ui.ShellUserSupport;

/**
 * Sign-in. The form posts to Spring Security; a refused attempt comes back here with the reason (wrong username or
 * password, too many attempts, disabled account), which is shown without revealing whether an account exists.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final Paragraph notice = new Paragraph();
    private final AuthenticationContext authentication;

    LoginView(AuthenticationContext authentication, ShellUserSupport users) {
        this.authentication = authentication;
        setId("login-view");
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n("login.error.credentials"));

        notice.addClassName("login-notice");
        notice.setVisible(false);
        Paragraph forgot = new Paragraph(getTranslation("login.forgot"));
        forgot.addClassName("login-hint");
        // Public consultation rounds let anyone take part: their self-registration page lives at /register.
        Anchor register = new Anchor("register", getTranslation("login.register"));
        register.setId("login-register");
        Paragraph registerHint = new Paragraph(register);
        registerHint.addClassName("login-hint");
        Div header = new Div(new LanguageSwitch(getLocale(), users));
        header.addClassName("login-languages");
        add(header, notice, login, forgot, registerHint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var params = event.getLocation().getQueryParameters().getParameters();
        List<String> error = params.get("error");
        if (error != null) {
            String reason = error.isEmpty() ? "credentials" : error.get(0);
            String key = switch (reason) {
                case "throttled" -> "login.error.throttled";
                case "disabled" -> "login.error.disabled";
                default -> "login.error.credentials";
            };
            login.setI18n(i18n(key));
            login.setError(true);
        }
        if (params.containsKey("logout")) {
            notice.setText(getTranslation("login.signed-out"));
            notice.setVisible(true);
        }
    }

    private LoginI18n i18n(String errorKey) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation(errorKey));
        i18n.getErrorMessage().setUsername(getTranslation("validation.required"));
        i18n.getErrorMessage().setPassword(getTranslation("validation.required"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
