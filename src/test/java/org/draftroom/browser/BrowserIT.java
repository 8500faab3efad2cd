package org.draftroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What people see in a real browser: signing in as each role, refused sign-ins, the two languages, the life of an
 * account from its creation to its disabling, and signing out. Expected texts come from the bundles, in the
 * language the page should be in.
 */
class BrowserIT extends BrowserTestBase {

    @ParameterizedTest(name = "{0} sees {1} and the navigation {2}")
    @CsvSource(delimiter = '|', textBlock = """
            admin       | home-admin       | nav.projects nav.rounds terms.nav nav.users nav.organisations nav.working-groups
            secretariat | home-secretariat | nav.projects nav.rounds terms.nav nav.organisations nav.working-groups
            editor1     | home-editor      | nav.projects nav.rounds terms.nav
            editor2     | home-editor      | nav.projects nav.rounds terms.nav
            reviewer1   | home-reviewer    | nav.my-rounds
            reviewer2   | home-reviewer    | nav.my-rounds
            """)
    void each_demo_account_sees_the_navigation_and_start_page_of_its_role(String username, String homeSection,
                                                                        String extraNavigationKeys) {
        AppShell shell = LoginPage.open(browser()).signInAs(username, DEMO_PASSWORD);

        List<String> expected = new ArrayList<>(List.of(text("nav.home", ENGLISH)));
        Arrays.stream(extraNavigationKeys.split(" ")).filter(k -> !k.isBlank())
                .map(k -> text(k, ENGLISH)).forEach(expected::add);
        assertThat(shell.navigationLabels()).containsExactlyElementsOf(expected);
        assertThat(shell.home().sectionClasses()).containsExactly(homeSection);
        assertThat(browser().path()).isEmpty();
        assertNoMissingTexts(browser());
    }

    @Test
    void a_wrong_password_is_refused_in_the_browsers_language_and_the_sign_in_page_stays() {
        LoginPage login = LoginPage.open(browser());
        login.signIn("reviewer1", "not-the-password");

        login = LoginPage.shown(browser());
        assertThat(login.isErrorShown()).isTrue();
        assertThat(login.errorTitle()).isEqualTo(text("login.error.title", ENGLISH));
        assertThat(login.errorMessage()).isEqualTo(text("login.error.credentials", ENGLISH));
        assertThat(login.form().username().isDisplayed()).isTrue();
    }

    @Test
    void a_chinese_browser_gets_the_sign_in_page_and_its_refusal_in_chinese() {
        Browser chinese = anotherBrowser(CHINESE);
        LoginPage login = LoginPage.open(chinese);
        assertThat(login.title()).isEqualTo(text("login.title", CHINESE));

        login.signIn("reviewer2", "not-the-password");

        login = LoginPage.shown(chinese);
        assertThat(login.errorTitle()).isEqualTo(text("login.error.title", CHINESE));
        assertThat(login.errorMessage()).isEqualTo(text("login.error.credentials", CHINESE));
    }

    @Test
    void the_language_buttons_switch_the_sign_in_page_between_english_and_chinese() {
        LoginPage login = LoginPage.open(browser());
        assertThat(login.title()).isEqualTo(text("login.title", ENGLISH)).isEqualTo("Sign in to Draftroom");
        assertThat(login.currentLanguage()).isEqualTo(ENGLISH);
        assertThat(browser().documentLanguage()).isEqualTo("en");
        browser().screenshot("login-en");

        login = login.switchTo(CHINESE);
        assertThat(login.title()).isEqualTo(text("login.title", CHINESE)).isEqualTo("登录 Draftroom");
        assertThat(login.form().username().label()).isEqualTo(text("login.username", CHINESE));
        assertThat(login.currentLanguage()).isEqualTo(CHINESE);
        assertThat(browser().documentLanguage()).isEqualTo("zh-CN");
        browser().screenshot("login-zh");

        login = login.switchTo(ENGLISH);
        assertThat(login.title()).isEqualTo(text("login.title", ENGLISH));
        assertThat(login.form().username().label()).isEqualTo(text("login.username", ENGLISH));
        assertThat(browser().documentLanguage()).isEqualTo("en");
    }

    @Test
    void the_language_chosen_on_the_sign_in_page_is_kept_after_signing_in() {
        // The secretariat account never chose a language, so only this browser session's choice can apply.
        AppShell shell = LoginPage.open(browser()).switchTo(CHINESE).signInAs("secretariat", DEMO_PASSWORD);

        assertThat(shell.currentLanguage()).isEqualTo(CHINESE);
        assertThat(shell.navigationLabels()).contains(text("nav.organisations", CHINESE));
        assertThat(shell.home().sectionTitle("home-secretariat"))
                .isEqualTo(text("home.secretariat.title", CHINESE));
        assertNoMissingTexts(browser());
    }

    @Test
    void a_persons_language_choice_is_remembered_for_their_next_sign_in() {
        AppShell shell = LoginPage.open(browser()).signInAs("editor2", DEMO_PASSWORD);
        assertThat(shell.currentLanguage()).isEqualTo(ENGLISH);
        shell = shell.switchTo(CHINESE);
        assertThat(shell.home().sectionTitle("home-editor")).isEqualTo(text("home.editor.title", CHINESE));

        LoginPage login = shell.signOut();
        browser().forgetEverything();
        login = LoginPage.open(browser());
        assertThat(login.title()).as("a new browser session follows the English browser")
                .isEqualTo(text("login.title", ENGLISH));

        shell = login.signInAs("editor2", DEMO_PASSWORD);
        assertThat(shell.currentLanguage()).isEqualTo(CHINESE);
        assertThat(shell.home().sectionTitle("home-editor")).isEqualTo(text("home.editor.title", CHINESE));

        shell = shell.switchTo(ENGLISH);
        assertThat(shell.home().sectionTitle("home-editor")).isEqualTo(text("home.editor.title", ENGLISH));
    }

    @Test
    void a_user_created_by_the_administrator_replaces_the_one_time_password_and_is_shut_out_once_disabled() {
        String username = "li.na";
        String oneTimePassword = "first-time-2026";
        String ownPassword = "chosen-by-herself";

        // The administrator creates the account.
        LoginPage.open(browser()).signInAs("admin", DEMO_PASSWORD);
        UsersPage users = UsersPage.open(browser());
        assertThat(users.heading()).isEqualTo(text("users.title", ENGLISH));
        browser().screenshot("users-view");
        UserDialogPage dialog = users.newUser();
        assertThat(dialog.headerTitle()).isEqualTo(text("users.new", ENGLISH));
        dialog.username().setValue(username);
        dialog.displayName().setValue("李娜 Li Na");
        dialog.password().setValue(oneTimePassword);
        dialog.organisation().selectByText("CN-BCL");
        dialog.roles().check(text("role.EDITOR", ENGLISH));
        dialog.workingGroups().selectByText("WG1");
        browser().screenshot("user-dialog");
        assertNoMissingTexts(browser());
        dialog.save();
        assertThat(users.row(username)).containsExactly(username, "李娜 Li Na", "CN-BCL",
                text("role.EDITOR", ENGLISH), "WG1", text("user.enabled", ENGLISH));

        // She signs in in her own browser and must first choose her own password.
        Browser hers = anotherBrowser(ENGLISH);
        LoginPage.open(hers).signIn(username, oneTimePassword);
        ProfilePage profile = ProfilePage.shown(hers);
        assertThat(profile.passwordBanner()).isEqualTo(text("profile.password-change-required", ENGLISH));
        hers.open("");
        assertThat(ProfilePage.shown(hers).asksForNewPassword()).as("other pages lead back to the profile").isTrue();
        assertThat(hers.path()).as("the address says where she is").isEqualTo("profile");

        profile = ProfilePage.shown(hers).changePassword(oneTimePassword, ownPassword, ownPassword);
        assertThat(profile.asksForNewPassword()).isFalse();
        assertNoMissingTexts(hers);
        hers.open("");
        AppShell herShell = AppShell.shown(hers);
        assertThat(herShell.signedInName()).isEqualTo("李娜 Li Na");
        assertThat(herShell.home().sectionClasses()).containsExactly("home-editor");

        // The administrator disables her.
        dialog = users.edit(username);
        ConfirmDialogElement confirm = dialog.toggleEnabled();
        assertThat(confirm.message()).isEqualTo(text("users.disable.confirm", ENGLISH, username));
        confirm.confirm();
        dialog.waitUntilClosed();
        users.waitForStatus(username, text("user.disabled", ENGLISH));

        // Her open session has ended: her page goes to the sign-in page by itself (its push connection was closed),
        // or at the latest her next step in the application asks her to sign in.
        // (By itself it takes about five seconds, the push connection's reconnect interval; a step taken meanwhile
        // waited for a menu on a page that was being replaced.)
        try {
            hers.waitUntil("her page to go to the sign-in page by itself", () -> "login".equals(hers.path()));
        } catch (RuntimeException | AssertionError stillThere) {
            try {
                herShell.userMenu().choose("my-profile");
            } catch (RuntimeException | AssertionError pageLeftMeanwhile) {
                // the page went to the sign-in page while the menu was being opened
            }
        }
        LoginPage login = LoginPage.shown(hers);

        // And she can no longer sign in, even with the right password.
        login.signIn(username, ownPassword);
        login = LoginPage.shown(hers);
        assertThat(login.errorMessage()).isEqualTo(text("login.error.disabled", ENGLISH));
    }

    @Test
    void signing_out_returns_to_the_sign_in_page_and_protected_pages_then_ask_to_sign_in() {
        AppShell shell = LoginPage.open(browser()).signInAs("admin", DEMO_PASSWORD);

        LoginPage login = shell.signOut();
        assertThat(login.notice()).isEqualTo(text("login.signed-out", ENGLISH));

        browser().open("admin/users");
        login = LoginPage.shown(browser());
        assertThat(login.title()).isEqualTo(text("login.title", ENGLISH));
        assertThat(browser().$("vaadin-vertical-layout").attribute("id", "users-view").exists()).isFalse();
    }
}
