package org.draftroom.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.draftroom.RunningApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Password guessing as an attacker meets it: the login form and HTTP Basic over HTTP against the started
 * application, from client addresses of the attacker's choosing. Each test takes its own demo account.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottlingIT {

    private static final String RIGHT = "draftroom-demo";
    private static final String SETTINGS = "server.forward-headers-strategy=native";

    private static Path dataDir;
    private static ConfigurableApplicationContext app;
    private static SignInClient client;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory(Path.of("target"), "throttle-");
        restart();
    }

    private static void restart() {
        if (app != null) {
            app.close();
        }
        app = RunningApplication.start(dataDir, SETTINGS);
        client = new SignInClient(RunningApplication.port(app));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Five wrong passwords, each from an address of its own, so only the account's count can stop the sixth. */
    private static void fiveWrongPasswords(String username, boolean byForm) throws Exception {
        for (int i = 1; i <= 5; i++) {
            if (byForm) {
                assertThat(client.form(username, "guess-" + i + "-wrong", SignInClient.freshAddress()))
                        .isEqualTo("credentials");
            } else {
                assertThat(client.basic(username, "guess-" + i + "-wrong", SignInClient.freshAddress()).status())
                        .isEqualTo(401);
            }
        }
    }

    @Test
    void the_login_form_refuses_the_sixth_and_the_eleventh_attempt_even_with_the_right_password() throws Exception {
        fiveWrongPasswords("editor1", true);

        assertThat(client.form("editor1", RIGHT, SignInClient.freshAddress())).as("6th").isEqualTo("throttled");
        for (int i = 7; i <= 10; i++) {
            assertThat(client.form("editor1", "guess-" + i, SignInClient.freshAddress())).isEqualTo("throttled");
        }
        assertThat(client.form("editor1", RIGHT, SignInClient.freshAddress())).as("11th").isEqualTo("throttled");
        assertThat(client.basic("editor1", RIGHT, SignInClient.freshAddress()).status())
                .as("HTTP Basic counts the same failures").isEqualTo(429);
    }

    @Test
    void http_basic_refuses_the_sixth_and_the_eleventh_attempt_even_with_the_right_password() throws Exception {
        fiveWrongPasswords("editor2", false);

        SignInClient.Answer sixth = client.basic("editor2", RIGHT, SignInClient.freshAddress());
        assertThat(sixth.status()).as("6th: " + sixth.body()).isEqualTo(429);
        assertThat(sixth.body()).contains("Too many failed sign-ins");
        assertThat(sixth.retryAfter()).as("Retry-After").isPresent();
        for (int i = 7; i <= 10; i++) {
            assertThat(client.basic("editor2", "guess-" + i, SignInClient.freshAddress()).status()).isEqualTo(429);
        }
        SignInClient.Answer eleventh = client.basic("editor2", RIGHT, SignInClient.freshAddress(), "zh-CN");
        assertThat(eleventh.status()).as("11th").isEqualTo(429);
        assertThat(eleventh.body()).contains("登录失败次数过多");
        assertThat(client.form("editor2", RIGHT, SignInClient.freshAddress()))
                .as("the login form counts the same failures").isEqualTo("throttled");
    }

    @Test
    void failed_sign_ins_still_count_after_the_application_restarts() throws Exception {
        fiveWrongPasswords("reviewer1", true);

        restart();

        assertThat(client.form("reviewer1", RIGHT, SignInClient.freshAddress())).isEqualTo("throttled");
        assertThat(client.basic("reviewer1", RIGHT, SignInClient.freshAddress()).status()).isEqualTo(429);
        assertThat(client.form("secretariat", RIGHT, SignInClient.freshAddress()))
                .as("an account without failures signs in after the restart").isEqualTo("signed-in");
    }

    @Test
    void a_flood_of_unknown_names_neither_resets_the_victims_count_nor_locks_out_others() throws Exception {
        fiveWrongPasswords("reviewer2", false);

        String attacker = SignInClient.freshAddress();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                String name = "ghost-" + i;
                flood.add(pool.submit(() -> client.basic(name, "password-" + name, attacker).status()));
            }
            assertThat(client.form("secretariat", RIGHT, SignInClient.freshAddress()))
                    .as("another account signs in during the flood").isEqualTo("signed-in");
            assertThat(client.basic("admin", RIGHT, SignInClient.freshAddress()).status()).isEqualTo(201);
            int throttled = 0;
            for (Future<Integer> attempt : flood) {
                int status = attempt.get();
                assertThat(status).isIn(401, 429);
                throttled += status == 429 ? 1 : 0;
            }
            assertThat(throttled).as("the flood's address is throttled after 20 failures").isGreaterThanOrEqualTo(975);
        } finally {
            pool.shutdownNow();
        }

        assertThat(client.basic("reviewer2", RIGHT, SignInClient.freshAddress()).status())
                .as("the victim's count survived the flood").isEqualTo(429);
        assertThat(client.form("reviewer2", RIGHT, SignInClient.freshAddress())).isEqualTo("throttled");
    }

    @Test
    void an_address_with_too_many_failures_is_refused_for_every_account_while_other_addresses_sign_in()
            throws Exception {
        String attacker = SignInClient.freshAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(client.form("nobody-" + i, "wrong-password", attacker)).isEqualTo("credentials");
        }

        assertThat(client.form("admin", RIGHT, attacker)).isEqualTo("throttled");
        assertThat(client.basic("admin", RIGHT, attacker).status()).isEqualTo(429);
        assertThat(client.form("admin", RIGHT, SignInClient.freshAddress())).isEqualTo("signed-in");
    }

    @Test
    void an_address_sending_wrong_bearer_tokens_is_throttled_like_wrong_passwords() throws Exception {
        String token = client.token("admin", RIGHT, SignInClient.freshAddress());
        String attacker = SignInClient.freshAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(client.get("/api/v1/me", "drt_guess" + i, attacker, "en").status()).isEqualTo(401);
        }

        SignInClient.Answer refused = client.get("/api/v1/me", token, attacker, "en");
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.retryAfter()).isPresent();
        assertThat(client.form("admin", RIGHT, attacker)).as("the same address signs in no other way")
                .isEqualTo("throttled");
        assertThat(client.get("/api/v1/me", token, SignInClient.freshAddress(), "en").status()).isEqualTo(200);
    }

    @Test
    void failed_sign_ins_are_logged_once_each_with_line_breaks_escaped_and_refusals_are_not(CapturedOutput output)
            throws Exception {
        String address = SignInClient.freshAddress();
        assertThat(client.form("mallory\n2026-12-06 INFO forged line", "wrong-password", address))
                .isEqualTo("credentials");
        String name = "log-target";
        for (int i = 0; i < 15; i++) {
            client.basic(name, "wrong-" + i, SignInClient.freshAddress());
        }

        assertThat(output.getOut()).contains("Failed sign-in for \"mallory\\u000a2026-12-06 INFO forged line\" from "
                + address).doesNotContain("\n2026-12-06 INFO forged line");
        assertThat(output.getOut().lines().filter(l -> l.contains("Failed sign-in for \"" + name + "\"")))
                .as("five failures logged, the ten refusals after them not").hasSize(5);
        assertThat(output.getOut()).contains("Sign-in now refused for u:" + name);
    }
}
