package org.draftroom.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.draftroom.WebIntegrationTest;
import org.draftroom.security.Role;
import org.draftroom.security.SignedIn;
import org.draftroom.security.domain.User;
import org.draftroom.security.domain.UserForm;
import org.draftroom.security.service.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A stranger cannot tell an unknown, a disabled and an active account apart without their password: the login form
 * and HTTP Basic give the same answer, in comparable time (a bcrypt check each), until the password is proven.
 */
@WebIntegrationTest
class AccountEnumerationIT {

    private static final int ATTEMPTS = 5;
    /** A behavioural bound for a loaded machine: a skipped bcrypt check is 30-100 times faster, not 3. */
    private static final double MAX_RATIO = 3.0;
    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;

    private static int counter;

    private User disabledAccount() {
        SignedIn.as(userDetails, "admin");
        try {
            UserForm form = new UserForm();
            form.setUsername("leaver-" + ++counter);
            form.setDisplayName("Leaver " + counter);
            form.setPassword(PASSWORD);
            form.setRoles(Set.of(Role.SECRETARIAT));
            User user = users.create(form);
            return users.setEnabled(user.id(), false);
        } finally {
            SignedIn.nobody();
        }
    }

    /** One sign-in attempt through an entry point, with a wrong password. */
    private interface WrongPassword {
        SignInClient.Answer attempt(String username, String address) throws Exception;
    }

    @Test
    void the_login_form_answers_unknown_disabled_and_wrong_password_alike() throws Exception {
        SignInClient client = new SignInClient(port);
        SignInClient.Answer answer = answersAlike((name, address) -> client.formTimed(name, "wrong-password", address),
                "editor1");
        assertThat(answer.body()).isEqualTo("credentials");
    }

    @Test
    void http_basic_answers_unknown_disabled_and_wrong_password_alike() throws Exception {
        SignInClient client = new SignInClient(port);
        SignInClient.Answer answer = answersAlike((name, address) -> client.basic(name, "wrong-password", address),
                "editor2");
        assertThat(answer.status()).isEqualTo(401);
    }

    /**
     * Tries an unknown name, a disabled account and the active account {@code active}, each with a wrong password
     * from an address of its own, {@value #ATTEMPTS} times; asserts the same answer each time and comparable medians.
     */
    private SignInClient.Answer answersAlike(WrongPassword wrong, String active) throws Exception {
        User disabled = disabledAccount();
        wrong.attempt("warm-up", SignInClient.freshAddress());
        List<Long> unknown = new ArrayList<>();
        List<Long> disabledTimes = new ArrayList<>();
        List<Long> activeTimes = new ArrayList<>();
        SignInClient.Answer last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            SignInClient.Answer a = wrong.attempt("stranger-" + i, SignInClient.freshAddress());
            SignInClient.Answer b = wrong.attempt(disabled.username(), SignInClient.freshAddress());
            SignInClient.Answer c = wrong.attempt(active, SignInClient.freshAddress());
            assertThat(List.of(a.status(), b.status(), c.status())).containsOnly(a.status());
            assertThat(b.body()).isEqualTo(a.body()).isEqualTo(c.body()).doesNotContain("disabled");
            unknown.add(a.nanos());
            disabledTimes.add(b.nanos());
            activeTimes.add(c.nanos());
            last = a;
        }
        assertComparable(unknown, disabledTimes, activeTimes);
        return last;
    }

    @Test
    void a_disabled_account_is_named_only_to_whoever_proves_its_password() throws Exception {
        SignInClient client = new SignInClient(port);
        User disabled = disabledAccount();

        assertThat(client.form(disabled.username(), PASSWORD, SignInClient.freshAddress())).isEqualTo("disabled");
        SignInClient.Answer basic = client.basic(disabled.username(), PASSWORD, SignInClient.freshAddress());
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.body()).contains("This account has been disabled");
    }

    private static void assertComparable(List<Long> unknown, List<Long> disabled, List<Long> wrong) {
        long a = median(unknown);
        long b = median(disabled);
        long c = median(wrong);
        String times = "medians (ms): unknown %d, disabled %d, wrong password %d".formatted(a / 1_000_000,
                b / 1_000_000, c / 1_000_000);
        System.out.println("AccountEnumerationIT " + times);
        long fastest = Math.min(a, Math.min(b, c));
        long slowest = Math.max(a, Math.max(b, c));
        assertThat((double) slowest / fastest).as(times).isLessThanOrEqualTo(MAX_RATIO);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
