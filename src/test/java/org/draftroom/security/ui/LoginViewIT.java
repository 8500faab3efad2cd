package org.draftroom.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import elemental.json.JsonObject;
import java.util.Locale;
import org.draftroom.base.ui.KaribuUiTest;
import org.junit.jupiter.api.Test;

/** The sign-in page: what it tells a person whose sign-in was refused or who signed out. */
class LoginViewIT extends KaribuUiTest {

    @Test
    void someone_not_signed_in_is_sent_to_the_login_page() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(UsersView.class);

        assertThat(_find(UsersView.class)).isEmpty();
        LoginForm form = _get(LoginForm.class);
        assertThat(text(form, "form", "title")).isEqualTo("Sign in to Draftroom");
        assertThat(form.isError()).isFalse();
    }

    @Test
    void a_refused_sign_in_tells_why_without_revealing_whether_the_account_exists() {
        assertThat(errorShownFor("credentials"))
                .isEqualTo("The username or password is not correct. Check both and try again.");
        assertThat(errorShownFor("throttled"))
                .isEqualTo("Too many failed sign-ins. For your security, wait 15 minutes and try again.");
        assertThat(errorShownFor("disabled"))
                .isEqualTo("This account has been disabled. Ask the committee's administrator if you need access.");
        assertThat(errorShownFor("anything-else"))
                .isEqualTo("The username or password is not correct. Check both and try again.");
    }

    @Test
    void the_login_page_speaks_chinese_to_a_chinese_browser() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("login", QueryParameters.of("error", "disabled"));

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(text(form, "form", "title")).isEqualTo("登录 Draftroom");
        assertThat(text(form, "form", "submit")).isEqualTo("登录");
        assertThat(text(form, "errorMessage", "message"))
                .isEqualTo("该账户已被停用。如需访问，请联系标委会系统管理员。");
    }

    @Test
    void signing_out_is_confirmed_on_the_login_page() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("login", QueryParameters.of("logout", ""));

        assertThat(_find(Paragraph.class, spec -> spec.withClasses("login-notice")))
                .singleElement()
                .satisfies(notice -> assertThat(notice.getText()).isEqualTo("You have signed out."));
    }

    @Test
    void a_signed_in_person_opening_the_login_page_is_sent_on_to_the_application() {
        signInAs("editor1");

        UI.getCurrent().navigate(LoginView.class);

        assertThat(_find(LoginView.class)).isEmpty();
        assertThat(_get(H1.class).getText()).isEqualTo("Welcome, 张伟 Zhang Wei");
    }

    /** A text of the login form as the browser receives it (the component's {@code i18n} property). */
    private static String text(LoginForm form, String part, String key) {
        JsonObject i18n = (JsonObject) form.getElement().getPropertyRaw("i18n");
        return i18n.getObject(part).getString(key);
    }

    private static String errorShownFor(String reason) {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("login", QueryParameters.of("error", reason));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).as("the form shows an error for '%s'", reason).isTrue();
        return text(form, "errorMessage", "message");
    }
}
