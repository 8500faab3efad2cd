package org.draftroom.security.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectValid;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Set;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.security.Role;
import org.draftroom.security.domain.UserForm;
import org.draftroom.security.service.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The signed-in person's own page: password and API tokens. */
class ProfileViewIT extends KaribuUiTest {

    @Autowired
    private UserService users;

    private static final String DEMO_PASSWORD = "draftroom-demo";

    @Test
    void a_wrong_current_password_is_reported_beside_the_current_password() {
        signInAs("editor2");
        navigateTo(ProfileView.class);

        changePassword("not-my-password", "a-brand-new-secret", "a-brand-new-secret");

        _expectInvalid(field("current-password"), "is not correct");
        _expectValid(field("new-password"));
        assertThat(notificationTexts()).doesNotContain("Password changed.");
    }

    @Test
    void a_repeated_password_that_differs_is_reported_beside_the_repeat_field() {
        signInAs("editor2");
        navigateTo(ProfileView.class);

        changePassword(DEMO_PASSWORD, "a-brand-new-secret", "a-brand-new-secreT");

        _expectInvalid(field("repeat-password"), "The two new passwords differ.");
        _expectValid(field("current-password"));
        assertThat(notificationTexts()).doesNotContain("Password changed.");
    }

    @Test
    void a_new_password_containing_the_username_is_refused_beside_the_new_password() {
        signInAs("reviewer1");
        navigateTo(ProfileView.class);

        changePassword(DEMO_PASSWORD, "reviewer1-is-me", "reviewer1-is-me");

        _expectInvalid(field("new-password"), "must not contain the username");
        _expectValid(field("current-password"));
    }

    @Test
    void changing_the_password_with_the_right_current_password_confirms_it_and_empties_the_fields() {
        signInAs("reviewer2");
        navigateTo(ProfileView.class);

        changePassword(DEMO_PASSWORD, "a-brand-new-secret", "a-brand-new-secret");

        assertThat(notificationTexts()).contains("Password changed.");
        assertThat(List.of(field("current-password"), field("new-password"), field("repeat-password")))
                .allSatisfy(f -> assertThat(f.getValue()).isEmpty());
    }

    @Test
    void a_person_with_a_one_time_password_is_sent_to_their_profile_until_they_choose_their_own() {
        signInAs("admin");
        UserForm form = new UserForm();
        form.setUsername("gao.yan");
        form.setDisplayName("高燕 Gao Yan");
        form.setPassword("one-time-secret");
        form.setRoles(Set.of(Role.SECRETARIAT));
        users.create(form);
        signInAs("gao.yan");

        UI.getCurrent().navigate(OrganisationsView.class);
        assertThat(_find(OrganisationsView.class)).isEmpty();
        _get(ProfileView.class);
        Div banner = _get(Div.class, spec -> spec.withId("password-change-required"));
        assertThat(_get(banner, Span.class).getText())
                .isEqualTo("You signed in with a one-time password. Choose your own password below to continue.");

        changePassword("one-time-secret", "my-own-secret-2026", "my-own-secret-2026");
        assertThat(notificationTexts()).contains("Password changed.");

        navigateTo(OrganisationsView.class);
        _assertNone(Div.class, spec -> spec.withId("password-change-required"));
    }

    @Test
    void a_new_api_token_shows_its_secret_once_and_appears_in_the_list() {
        signInAs("editor1");
        navigateTo(ProfileView.class);

        _setValue(tokenName(), "nightly export");
        _click(_get(Button.class, spec -> spec.withId("token-create")));

        Dialog dialog = _get(Dialog.class, spec -> spec.withId("token-secret-dialog"));
        String secret = _get(dialog, Pre.class, spec -> spec.withId("token-secret")).getText();
        assertThat(secret).matches("drt_[A-Za-z0-9_-]{43}");
        assertThat(tokenName().getValue()).as("the name field is emptied for the next token").isEmpty();
        List<String> row = rows(tokens()).get(rowIndex(tokens(), "nightly export"));
        assertThat(row.get(1)).isEqualTo(secret.substring(0, 10) + "…");
        assertThat(row).doesNotContain(secret);
        assertThat(cell(tokens(), rowIndex(tokens(), "nightly export"), "Status"))
                .isInstanceOfSatisfying(Button.class, revoke -> assertThat(revoke.getText()).isEqualTo("Revoke"));

        clickIn(dialog, "Close");
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void a_token_without_a_name_is_refused_beside_the_name_field() {
        signInAs("editor1");
        navigateTo(ProfileView.class);
        int before = rows(tokens()).size();

        _click(_get(Button.class, spec -> spec.withId("token-create")));

        _expectInvalid(tokenName(), "must not be empty");
        assertThat(rows(tokens())).hasSize(before);
    }

    @Test
    void a_revoked_token_is_shown_as_revoked() {
        signInAs("secretariat");
        navigateTo(ProfileView.class);
        _setValue(tokenName(), "old script");
        _click(_get(Button.class, spec -> spec.withId("token-create")));
        clickIn(_get(Dialog.class, spec -> spec.withId("token-secret-dialog")), "Close");

        Component revoke = cell(tokens(), rowIndex(tokens(), "old script"), "Status");
        assertThat(revoke).isInstanceOf(Button.class);
        _click((Button) revoke);

        assertThat(cell(tokens(), rowIndex(tokens(), "old script"), "Status"))
                .isInstanceOfSatisfying(Span.class, status -> assertThat(status.getText())
                        .matches("Revoked \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
    }

    private static void clickIn(Dialog dialog, String buttonText) {
        _click(_get(dialog, Button.class, spec -> spec.withText(buttonText)));
    }

    private static void changePassword(String current, String next, String repeat) {
        _setValue(field("current-password"), current);
        _setValue(field("new-password"), next);
        _setValue(field("repeat-password"), repeat);
        _click(_get(Button.class, spec -> spec.withId("change-password")));
    }

    private static PasswordField field(String id) {
        return _get(PasswordField.class, spec -> spec.withId(id));
    }

    private static TextField tokenName() {
        return _get(TextField.class, spec -> spec.withId("token-name"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> tokens() {
        return _get(Grid.class, spec -> spec.withId("token-grid"));
    }
}
