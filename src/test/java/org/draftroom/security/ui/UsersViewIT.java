package org.draftroom.security.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectValid;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.CheckboxGroupKt;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v23.MultiselectComboBoxUtilsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.security.Role;
import org.draftroom.security.domain.UserForm;
import org.draftroom.security.service.DirectoryService;
import org.draftroom.security.service.MembershipService;
import org.draftroom.security.service.TokenService;
import org.draftroom.security.service.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The administrator's list of people and the dialog that creates and edits them. */
class UsersViewIT extends KaribuUiTest {

    private static final List<String> DEMO_USERS =
            List.of("admin", "editor1", "editor2", "reviewer1", "reviewer2", "secretariat");

    @Autowired
    private UserService users;
    @Autowired
    private DirectoryService directory;
    @Autowired
    private TokenService tokens;
    @Autowired
    private MembershipService memberships;

    @Test
    void the_grid_lists_the_demo_users_with_their_organisation_roles_and_working_groups() {
        openAsAdmin(Locale.ENGLISH);

        Grid<?> grid = grid();
        assertThat(column(grid, 0)).containsAll(DEMO_USERS);
        assertThat(rows(grid).get(rowIndex(grid, "editor1")))
                .startsWith("editor1", "张伟 Zhang Wei", "CN-BCL", "Working-group editor", "WG1");
        assertThat(rows(grid).get(rowIndex(grid, "reviewer2")))
                .startsWith("reviewer2", "赵磊 Zhao Lei", "CN-XYZ", "Reviewer", "");
    }

    @Test
    void filtering_by_name_narrows_the_list_and_clearing_the_filter_brings_everyone_back() {
        openAsAdmin(Locale.ENGLISH);

        _setValue(filter(), "zhang");
        assertThat(column(grid(), 0)).containsExactly("editor1");

        _setValue(filter(), "REVIEWER");
        assertThat(column(grid(), 0)).contains("reviewer1", "reviewer2").doesNotContain("editor1", "admin");

        _setValue(filter(), "");
        assertThat(column(grid(), 0)).containsAll(DEMO_USERS);
    }

    @Test
    void saving_a_new_user_without_a_username_shows_must_not_be_empty_beside_the_username_and_creates_nothing() {
        openAsAdmin(Locale.ENGLISH);
        int before = _size(grid());
        UserDialog dialog = openNewUser();
        fill(dialog, "", "Sun Li", "a-long-enough-secret");
        CheckboxGroupKt.selectByLabel(roles(dialog), "Secretariat");

        _click(save(dialog));

        _expectInvalid(username(dialog), "must not be empty");
        _expectValid(password(dialog));
        assertThat(dialog.isOpened()).as("the dialog stays open with what was typed").isTrue();
        assertThat(displayName(dialog).getValue()).isEqualTo("Sun Li");
        assertThat(_size(grid())).isEqualTo(before);
    }

    @Test
    void a_weak_password_is_refused_with_the_password_rule_beside_the_password() {
        openAsAdmin(Locale.ENGLISH);
        UserDialog dialog = openNewUser();
        fill(dialog, "weak.pw", "Weak Password", "short");
        CheckboxGroupKt.selectByLabel(roles(dialog), "Secretariat");

        _click(save(dialog));
        _expectInvalid(password(dialog), "must have at least 10 characters");

        _setValue(password(dialog), "my-weak.pw-2026");
        _click(save(dialog));
        _expectInvalid(password(dialog), "must not contain the username");

        assertThat(dialog.isOpened()).isTrue();
        _setValue(filter(), "weak.pw");
        assertThat(_size(grid())).isZero();
    }

    @Test
    void a_username_that_differs_from_an_existing_one_only_in_case_is_already_taken() {
        openAsAdmin(Locale.ENGLISH);
        UserDialog dialog = openNewUser();
        fill(dialog, "Editor1", "Another Editor", "a-long-enough-secret");
        CheckboxGroupKt.selectByLabel(roles(dialog), "Working-group editor");
        MultiselectComboBoxUtilsKt.selectByLabel(workingGroups(dialog), "WG1 · Standard system and coordination");

        _click(save(dialog));

        _expectInvalid(username(dialog), "the username \"Editor1\" is already taken");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(notificationTexts()).noneMatch(t -> t.contains("saved"));
    }

    @Test
    void an_editor_without_a_working_group_is_refused_with_the_reason_beside_the_working_groups() {
        openAsAdmin(Locale.ENGLISH);
        UserDialog dialog = openNewUser();
        fill(dialog, "no.group", "No Group", "a-long-enough-secret");
        CheckboxGroupKt.selectByLabel(roles(dialog), "Working-group editor");

        _click(save(dialog));

        _expectInvalid(workingGroups(dialog), "an editor must belong to at least one working group");
        assertThat(dialog.isOpened()).isTrue();
        _setValue(filter(), "no.group");
        assertThat(_size(grid())).isZero();
    }

    @Test
    void a_reviewer_without_an_organisation_is_refused_with_the_reason_beside_the_organisation() {
        openAsAdmin(Locale.ENGLISH);
        UserDialog dialog = openNewUser();
        fill(dialog, "no.org", "No Organisation", "a-long-enough-secret");
        CheckboxGroupKt.selectByLabel(roles(dialog), "Reviewer");

        _click(save(dialog));

        _expectInvalid(organisation(dialog), "a reviewer must belong to an organisation");
        assertThat(dialog.isOpened()).isTrue();
        _setValue(filter(), "no.org");
        assertThat(_size(grid())).isZero();
    }

    @Test
    void a_valid_new_user_is_saved_and_appears_in_the_grid() {
        openAsAdmin(Locale.ENGLISH);
        UserDialog dialog = openNewUser();
        fill(dialog, "sun.li", "孙丽 Sun Li", "a-long-enough-secret");
        _setValue(email(dialog), "sun.li@example.org");
        ComboBoxKt.selectByLabel(organisation(dialog), "CN-XYZ · Xinyu Data Technology Co., Ltd.");
        CheckboxGroupKt.selectByLabel(roles(dialog), "Reviewer", "Working-group editor");
        MultiselectComboBoxUtilsKt.selectByLabel(workingGroups(dialog), "WG3 · Cryptographic techniques");

        _click(save(dialog));

        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("User sun.li saved.");
        List<String> row = rows(grid()).get(rowIndex(grid(), "sun.li"));
        assertThat(row).startsWith("sun.li", "孙丽 Sun Li", "CN-XYZ", "Reviewer, Working-group editor", "WG3");
        assertThat(status(grid(), "sun.li").getText()).isEqualTo("Active");
    }

    @Test
    void the_form_in_chinese_explains_its_problems_in_chinese() {
        openAsAdmin(Locale.SIMPLIFIED_CHINESE);
        assertThat(_get(Button.class, spec -> spec.withId("new-user")).getText()).isEqualTo("新建用户");
        UserDialog dialog = openNewUser();
        fill(dialog, "", "", "短密码");

        _click(save(dialog));

        _expectInvalid(username(dialog), "不能为空");
        _expectInvalid(displayName(dialog), "不能为空");
        _expectInvalid(password(dialog), "至少需要 10 个字符");
        _expectInvalid(roles(dialog), "请至少选择一个角色");

        fill(dialog, "zhou.min", "周敏", "a-long-enough-secret");
        CheckboxGroupKt.selectByLabel(roles(dialog), "征求意见对象");
        _click(save(dialog));

        _expectInvalid(organisation(dialog), "征求意见对象必须属于某个单位");
    }

    @Test
    void editing_a_user_shows_their_details_and_saves_a_change_of_working_groups() {
        signInAs("admin");
        givenUser("tang.hui", "唐慧 Tang Hui");
        navigateTo(UsersView.class);
        _setValue(filter(), "tang.hui");

        _clickItem(grid(), rowIndex(grid(), "tang.hui"));
        UserDialog dialog = _get(UserDialog.class);
        assertThat(username(dialog).getValue()).isEqualTo("tang.hui");
        assertThat(username(dialog).isReadOnly()).as("a username cannot be changed").isTrue();
        assertThat(displayName(dialog).getValue()).isEqualTo("唐慧 Tang Hui");
        CheckboxGroupKt.selectByLabel(roles(dialog), "Secretariat", "Working-group editor");
        MultiselectComboBoxUtilsKt.selectByLabel(workingGroups(dialog), "WG5 · Information security evaluation");
        _click(save(dialog));

        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("User tang.hui saved.");
        assertThat(rows(grid()).get(rowIndex(grid(), "tang.hui")))
                .startsWith("tang.hui", "唐慧 Tang Hui", "", "Secretariat, Working-group editor", "WG5");
    }

    @Test
    void disabling_a_user_marks_them_disabled_in_the_grid() {
        signInAs("admin");
        givenUser("he.jun", "何军 He Jun");
        navigateTo(UsersView.class);
        _setValue(filter(), "he.jun");
        assertThat(status(grid(), "he.jun").getText()).isEqualTo("Active");

        _clickItem(grid(), rowIndex(grid(), "he.jun"));
        UserDialog dialog = _get(UserDialog.class);
        _click(_get(dialog, Button.class, spec -> spec.withId("user-toggle-enabled")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-toggle"));
        _fireConfirm(confirm);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("User he.jun disabled and signed out.");
        Span status = status(grid(), "he.jun");
        assertThat(status.getText()).isEqualTo("Disabled");
        assertThat(status.getElement().getThemeList()).contains("badge", "error");
    }

    @Test
    void the_administrator_cannot_disable_their_own_account() {
        openAsAdmin(Locale.ENGLISH);

        _clickItem(grid(), rowIndex(grid(), "admin"));
        UserDialog dialog = _get(UserDialog.class);
        _click(_get(dialog, Button.class, spec -> spec.withId("user-toggle-enabled")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-toggle")));

        assertThat(notificationTexts()).contains("You cannot disable your own account.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(status(grid(), "admin").getText()).isEqualTo("Active");
    }

    @Test
    void resetting_a_password_to_a_short_one_shows_the_password_rule() {
        openAsAdmin(Locale.ENGLISH);

        _clickItem(grid(), rowIndex(grid(), "reviewer1"));
        UserDialog dialog = _get(UserDialog.class);
        _click(_get(dialog, Button.class, spec -> spec.withId("user-reset-password")));
        PasswordField next = _get(PasswordField.class, spec -> spec.withId("reset-password-field"));
        _setValue(next, "too-short");
        _click(_get(Button.class, spec -> spec.withId("reset-password-apply")));

        _expectInvalid(next, "must have at least 10 characters");
        assertThat(notificationTexts()).noneMatch(t -> t.contains("reset"));
    }

    @Test
    void an_administrator_who_lost_the_role_meanwhile_is_refused_and_keeps_what_they_typed() {
        signInAs("admin");
        UserForm second = new UserForm();
        second.setUsername("admin.two");
        second.setDisplayName("Second Administrator");
        second.setPassword("a-long-enough-secret");
        second.setRoles(Set.of(Role.ADMIN));
        long secondId = users.create(second).id();
        asUser("admin.two", () -> users.changeOwnPassword("a-long-enough-secret", "a-password-of-my-own", false, null));
        signInAs("admin.two");
        navigateTo(UsersView.class);
        UserDialog dialog = openNewUser();
        fill(dialog, "late.comer", "Late Comer", "a-long-enough-secret");
        CheckboxGroupKt.selectByLabel(roles(dialog), "Secretariat");

        asUser("admin", () -> {
            second.setRoles(Set.of(Role.SECRETARIAT));
            users.update(secondId, second);
        });
        clickAsTheBrowserWould(save(dialog));

        assertThat(notificationTexts())
                .contains("You may not do this. If you think you should, ask the committee's administrator.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(username(dialog).getValue()).isEqualTo("late.comer");
        asUser("admin", () -> assertThat(users.count("late.comer")).isZero());
    }

    @Test
    void an_administrator_makes_a_member_the_contact_and_a_reset_revokes_the_tokens_unless_unticked() {
        signInAs("admin");
        long xyz = directory.organisations().stream().filter(o -> o.code().equals("CN-XYZ")).findFirst()
                .orElseThrow().id();
        long abc = directory.organisations().stream().filter(o -> o.code().equals("CN-ABC")).findFirst()
                .orElseThrow().id();
        UserForm form = new UserForm();
        form.setUsername("contact.xyz");
        form.setDisplayName("新域联系人 XYZ Contact");
        form.setPassword("a-long-enough-secret");
        form.setOrganisationId(xyz);
        form.setRoles(Set.of(Role.REVIEWER));
        users.create(form);
        asUser("contact.xyz", () -> {
            users.changeOwnPassword("a-long-enough-secret", "my-own-secret-2026", false, null);
            tokens.create("script");
            assertThat(memberships.organisationsICanInviteTo()).as("not a contact yet").isEmpty();
        });

        navigateTo(UsersView.class);
        _setValue(filter(), "contact.xyz");
        _clickItem(grid(), rowIndex(grid(), "contact.xyz"));
        UserDialog dialog = _get(UserDialog.class);
        _setValue(_get(dialog, Checkbox.class, spec -> spec.withId("user-organisation-contact")), true);
        _click(save(dialog));
        assertThat(dialog.isOpened()).isFalse();

        _clickItem(grid(), rowIndex(grid(), "contact.xyz"));
        dialog = _get(UserDialog.class);
        assertThat(_get(dialog, Checkbox.class, spec -> spec.withId("user-organisation-contact")).getValue()).isTrue();
        _click(_get(dialog, Button.class, spec -> spec.withId("user-reset-password")));
        assertThat(_get(Checkbox.class, spec -> spec.withId("reset-revoke-tokens")).getValue())
                .as("revoking the tokens is the default").isTrue();
        _setValue(_get(PasswordField.class, spec -> spec.withId("reset-password-field")), "one-time-secret-77");
        _click(_get(Button.class, spec -> spec.withId("reset-password-apply")));

        asUser("contact.xyz", () -> {
            assertThat(tokens.mine()).isNotEmpty().noneMatch(t -> t.active());
            assertThat(memberships.organisationsICanInviteTo()).extracting(o -> o.code()).containsExactly("CN-XYZ");
            assertThat(memberships.invite(xyz).secret()).isNotBlank();
            assertThatThrownBy(() -> memberships.invite(abc)).as("a contact invites to their own organisation only")
                    .isInstanceOf(AccessDeniedException.class);
        });
    }

    // --- helpers ---

    private void openAsAdmin(Locale locale) {
        signInAs("admin", locale);
        navigateTo(UsersView.class);
    }

    private void givenUser(String username, String displayName) {
        UserForm form = new UserForm();
        form.setUsername(username);
        form.setDisplayName(displayName);
        form.setPassword("a-long-enough-secret");
        form.setRoles(Set.of(Role.SECRETARIAT));
        users.create(form);
    }

    private static UserDialog openNewUser() {
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _assertOne(UserDialog.class);
        return _get(UserDialog.class);
    }

    private static void fill(UserDialog dialog, String username, String displayName, String password) {
        _setValue(username(dialog), username);
        _setValue(displayName(dialog), displayName);
        _setValue(password(dialog), password);
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid() {
        return _get(Grid.class, spec -> spec.withId("users-grid"));
    }

    private static TextField filter() {
        return _get(TextField.class, spec -> spec.withId("users-filter"));
    }

    private static Span status(Grid<Object> grid, String username) {
        Component cell = cell(grid, rowIndex(grid, username), "Status");
        assertThat(cell).isInstanceOf(Span.class);
        return (Span) cell;
    }

    private static TextField username(UserDialog dialog) {
        return _get(dialog, TextField.class, spec -> spec.withId("user-username"));
    }

    private static TextField displayName(UserDialog dialog) {
        return _get(dialog, TextField.class, spec -> spec.withId("user-display-name"));
    }

    private static EmailField email(UserDialog dialog) {
        return _get(dialog, EmailField.class, spec -> spec.withId("user-email"));
    }

    private static PasswordField password(UserDialog dialog) {
        return _get(dialog, PasswordField.class, spec -> spec.withId("user-password"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Object> organisation(UserDialog dialog) {
        return _get(dialog, ComboBox.class, spec -> spec.withId("user-organisation"));
    }

    @SuppressWarnings("unchecked")
    private static CheckboxGroup<Object> roles(UserDialog dialog) {
        return _get(dialog, CheckboxGroup.class, spec -> spec.withId("user-roles"));
    }

    @SuppressWarnings("unchecked")
    private static MultiSelectComboBox<Object> workingGroups(UserDialog dialog) {
        return _get(dialog, MultiSelectComboBox.class, spec -> spec.withId("user-working-groups"));
    }

    private static Button save(UserDialog dialog) {
        return _get(Button.class, spec -> spec.withId("user-save"));
    }
}
