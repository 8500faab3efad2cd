package org.draftroom.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.draftroom.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * API rate limits over HTTP with real tokens, with small limits: a token, or a client address, that sends more
 * requests than its limit within the window gets {@code 429} with {@code Retry-After} and a message in the
 * caller's language; other tokens and addresses are served; once the window has passed it is served again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native",
        "draftroom.security.api-requests-per-token=5",
        "draftroom.security.api-requests-per-address=8",
        "draftroom.security.api-window=1m"})
@ActiveProfiles({"test", "demo"})
@Import(AdjustableClock.Configuration.class)
class ApiRateLimitIT {

    private static final String RIGHT = "draftroom-demo";

    @LocalServerPort int port;
    @Autowired AdjustableClock clock;

    private SignInClient client;

    @BeforeEach
    void client() {
        client = new SignInClient(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_token_over_its_limit_waits_for_the_window_while_other_tokens_are_served() throws Exception {
        String busy = client.token("editor1", RIGHT, SignInClient.freshAddress());
        String other = client.token("editor2", RIGHT, SignInClient.freshAddress());
        for (int i = 0; i < 5; i++) {
            assertThat(client.get("/api/v1/me", busy, SignInClient.freshAddress(), "en").status()).isEqualTo(200);
        }

        SignInClient.Answer refused = client.get("/api/v1/me", busy, SignInClient.freshAddress(), "zh-CN,zh;q=0.9");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("\"error\":\"rate_limited\"").contains("请求过于频繁");
        long wait = Long.parseLong(refused.retryAfter().orElseThrow());
        assertThat(wait).isBetween(1L, 60L);
        assertThat(client.get("/api/v1/me", other, SignInClient.freshAddress(), "en").status())
                .as("another token is served").isEqualTo(200);

        clock.advance(Duration.ofSeconds(wait));
        assertThat(client.get("/api/v1/me", busy, SignInClient.freshAddress(), "en").status())
                .as("served again after Retry-After").isEqualTo(200);
    }

    @Test
    void an_address_over_its_limit_waits_for_the_window_while_other_addresses_are_served() throws Exception {
        String first = client.token("reviewer1", RIGHT, SignInClient.freshAddress());
        String second = client.token("reviewer2", RIGHT, SignInClient.freshAddress());
        String third = client.token("secretariat", RIGHT, SignInClient.freshAddress());
        String busy = SignInClient.freshAddress();
        for (int i = 0; i < 4; i++) {
            assertThat(client.get("/api/v1/me", first, busy, "en").status()).isEqualTo(200);
            assertThat(client.get("/api/v1/me", second, busy, "en").status()).isEqualTo(200);
        }

        SignInClient.Answer refused = client.get("/api/v1/me", third, busy, "en");

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many requests");
        long wait = Long.parseLong(refused.retryAfter().orElseThrow());
        assertThat(client.basic("admin", RIGHT, busy).status()).as("asking for a token counts too").isEqualTo(429);
        assertThat(client.get("/api/v1/me", third, SignInClient.freshAddress(), "en").status())
                .as("another address is served").isEqualTo(200);

        clock.advance(Duration.ofSeconds(wait));
        assertThat(client.get("/api/v1/me", third, busy, "en").status()).isEqualTo(200);
    }
}
