package org.draftroom.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Set;
import org.draftroom.IntegrationTest;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.Messages;
import org.draftroom.base.UserFacingException;
import org.draftroom.security.domain.Organisation;
import org.draftroom.security.domain.User;
import org.draftroom.security.domain.UserForm;
import org.draftroom.security.domain.WorkingGroup;
import org.draftroom.security.service.DirectoryService;
import org.draftroom.security.service.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.mock.web.MockHttpServletRequest;

/** The rules people, organisations and working groups obey, against the real database. */
@IntegrationTest
class PeopleRulesIT {

    @Autowired UserService users;
    @Autowired DirectoryService directory;
    @Autowired UserDetailsService userDetails;
    @Autowired AuthenticationManager authentication;
    @Autowired Messages messages;

    @BeforeEach
    void signInAsAdministrator() {
        SignedIn.as(userDetails, "admin");
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private static int counter;

    private UserForm form(String username, Role role) {
        UserForm form = new UserForm();
        form.setUsername(username);
        form.setDisplayName("Test " + username);
        form.setPassword("correct horse battery");
        form.setRoles(Set.of(role));
        return form;
    }

    private String unique(String base) {
        return base + (++counter) + System.nanoTime() % 100000;
    }

    private long organisation(String code) {
        return directory.organisations().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow().id();
    }

    private long workingGroup(String code) {
        return directory.workingGroups().stream().filter(w -> w.code().equals(code)).findFirst().orElseThrow().id();
    }

    @Test
    void usernames_are_unique_whatever_their_case() {
        UserForm duplicate = form("EDITOR1", Role.SECRETARIAT);
        long before = users.count("");

        assertThatThrownBy(() -> users.create(duplicate))
                .isInstanceOfSatisfying(FieldProblemException.class, e -> {
                    assertThat(e.fieldKey()).isEqualTo("user.username");
                    assertThat(messages.of(e, Locale.ENGLISH)).isEqualTo("Username: the username \"EDITOR1\" is already taken");
                });
        assertThat(users.count("")).isEqualTo(before);
    }

    @Test
    void an_editor_must_belong_to_a_working_group() {
        UserForm editor = form(unique("ed"), Role.EDITOR);
        assertThatThrownBy(() -> users.create(editor)).isInstanceOfSatisfying(FieldProblemException.class,
                e -> assertThat(e.messageKey()).isEqualTo("validation.editor.working-group"));
        assertThat(users.find(editor.getUsername(), 0, 10)).isEmpty();

        editor.setWorkingGroupIds(Set.of(workingGroup("WG3")));
        User created = users.create(editor);
        assertThat(created.workingGroupIds()).containsExactly(workingGroup("WG3"));
        assertThat(created.passwordChangeRequired()).as("a new user chooses their own password").isTrue();
    }

    @Test
    void a_reviewer_must_belong_to_an_organisation() {
        UserForm reviewer = form(unique("rev"), Role.REVIEWER);
        assertThatThrownBy(() -> users.create(reviewer)).isInstanceOfSatisfying(FieldProblemException.class,
                e -> assertThat(messages.of(e, Messages.CHINESE)).isEqualTo("所属单位: 征求意见对象必须属于某个单位"));
        reviewer.setOrganisationId(organisation("CN-ABC"));
        assertThat(users.create(reviewer).organisationId()).isEqualTo(organisation("CN-ABC"));
    }

    @Test
    void a_weak_password_is_refused_with_the_rule_stated() {
        UserForm shortPassword = form(unique("pw"), Role.SECRETARIAT);
        shortPassword.setPassword("short");
        assertThatThrownBy(() -> users.create(shortPassword)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.of(e, Locale.ENGLISH)).isEqualTo("Password: must have at least 10 characters"));

        UserForm containsName = form("alice" + counter++, Role.SECRETARIAT);
        containsName.setPassword("my-" + containsName.getUsername() + "-password");
        assertThatThrownBy(() -> users.create(containsName)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("validation.password.username"));

        UserForm tooLong = form(unique("pw"), Role.SECRETARIAT);
        tooLong.setPassword("密".repeat(25));
        assertThatThrownBy(() -> users.create(tooLong)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("validation.password.long"));
    }

    @Test
    void empty_and_too_long_fields_are_refused_and_nothing_is_saved() {
        long before = users.count("");
        UserForm empty = form("", Role.SECRETARIAT);
        assertThatThrownBy(() -> users.create(empty)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.of(e, Locale.ENGLISH)).isEqualTo("Username: must not be empty"));
        UserForm longName = form(unique("long"), Role.SECRETARIAT);
        longName.setDisplayName("名".repeat(101));
        assertThatThrownBy(() -> users.create(longName)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.of(e, Messages.CHINESE)).isEqualTo("姓名: 最多 100 个字符"));
        UserForm noRole = form(unique("norole"), Role.SECRETARIAT);
        noRole.setRoles(Set.of());
        assertThatThrownBy(() -> users.create(noRole)).isInstanceOf(UserFacingException.class);
        assertThat(users.count("")).isEqualTo(before);
    }

    @Test
    void an_unknown_role_name_is_refused_with_the_valid_ones() {
        assertThatThrownBy(() -> Role.parse("chairman")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.of(e, Locale.ENGLISH))
                        .isEqualTo("Unknown role \"chairman\". Valid roles are: ADMIN, SECRETARIAT, EDITOR, REVIEWER."));
        assertThat(Role.parse(" editor ")).isEqualTo(Role.EDITOR);
    }

    @Test
    void organisation_codes_are_unique_whatever_their_case() {
        assertThatThrownBy(() -> directory.saveOrganisation(null, "cn-abc", "重复", "Duplicate"))
                .isInstanceOfSatisfying(FieldProblemException.class,
                        e -> assertThat(messages.of(e, Locale.ENGLISH)).isEqualTo("Code: the code CN-ABC is already used"));
        Organisation created = directory.saveOrganisation(null, " cn-new" + counter++ + " ", "新单位", "New organisation");
        assertThat(created.code()).startsWith("CN-NEW");
        assertThatThrownBy(() -> directory.saveOrganisation(null, "not a code", "x", "y"))
                .isInstanceOfSatisfying(FieldProblemException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.org-code"));
    }

    @Test
    void an_organisation_or_working_group_with_members_cannot_be_deleted() {
        assertThatThrownBy(() -> directory.deleteOrganisation(organisation("CN-ABC")))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("directory.delete.has-members"));
        assertThatThrownBy(() -> directory.deleteWorkingGroup(workingGroup("WG7")))
                .isInstanceOf(UserFacingException.class);
        WorkingGroup empty = directory.saveWorkingGroup(null, "SWG-" + counter++, "专题组", "Special group");
        directory.deleteWorkingGroup(empty.id());
        assertThat(directory.workingGroups()).extracting(WorkingGroup::code).doesNotContain(empty.code());
    }

    @Test
    void the_seven_working_groups_are_seeded_as_data() {
        assertThat(directory.workingGroups()).extracting(WorkingGroup::code)
                .contains("WG1", "WG2", "WG3", "WG4", "WG5", "WG6", "WG7");
    }

    @Test
    void a_disabled_user_cannot_sign_in_and_strangers_learn_nothing() {
        UserForm form = form(unique("leaver"), Role.SECRETARIAT);
        User user = users.create(form);
        assertThat(signIn(user.username(), "correct horse battery", "10.0.0.1").isAuthenticated()).isTrue();

        users.setEnabled(user.id(), false);

        assertThatThrownBy(() -> signIn(user.username(), "correct horse battery", "10.0.0.1"))
                .isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> signIn(user.username(), "wrong password!", "10.0.0.1"))
                .as("without the right password, a disabled account looks like any wrong sign-in")
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("nobody-" + counter++, "wrong password!", "10.0.0.1"))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void the_last_administrator_cannot_be_disabled_or_lose_the_role() {
        User admin = users.find("admin", 0, 10).stream().filter(u -> u.username().equals("admin")).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> users.setEnabled(admin.id(), false)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("user.disable-self"));
        UserForm demoted = UserForm.of(admin);
        demoted.setRoles(Set.of(Role.SECRETARIAT));
        assertThatThrownBy(() -> users.update(admin.id(), demoted)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("user.last-admin"));
        assertThat(users.get(admin.id()).roles()).contains(Role.ADMIN);
    }

    private org.springframework.security.core.Authentication signIn(String username, String password, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(request));
        return authentication.authenticate(token);
    }
}
