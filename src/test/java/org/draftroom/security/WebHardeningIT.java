package org.draftroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.draftroom.WebIntegrationTest;
import org.draftroom.api.ApiTokens;
import org.draftroom.rounds.service.RegistrationService;
import org.draftroom.security.service.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The browser-facing defences over real HTTP against the started application: security headers on pages, the API and
 * static files; the session cookie's SameSite and Secure; CSRF on the sign-in form; and the API refusing people who
 * must still replace a one-time password. Started as behind a reverse proxy
 * ({@code server.forward-headers-strategy=native}), as the README describes for TLS.
 */
@WebIntegrationTest
class WebHardeningIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired RegistrationService registrations;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;

    @Test
    void pages_the_api_and_static_files_carry_the_security_headers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/login", "/api/v1/me", "/js/dr-live-text.js",
                "/webjars/diff-match-patch/1.0.5/index.js", "/no-such-file.js")) {
            HttpResponse<String> r = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
            var headers = r.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                            "form-action 'self'", "connect-src 'self'").doesNotContain("*"));
            assertThat(headers.allValues("Content-Security-Policy")).as(path).hasSize(1);
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_secure_when_the_request_came_over_tls() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> plain = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(plain);
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");

        HttpResponse<String> tls = http.send(request("/login").header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sessionCookie(tls)).contains("SameSite=Lax").contains("HttpOnly").contains("Secure");
    }

    @Test
    void a_cross_site_sign_in_post_without_the_csrf_token_is_refused() throws Exception {
        HttpClient victim = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = victim.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF_META.matcher(page.body());
        assertThat(token.find()).as("the sign-in page carries the CSRF token for its form").isTrue();

        HttpResponse<String> forged = victim.send(request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://evil.example")
                        .POST(form("username", "editor1", "password", "draftroom-demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        // Refused: sent back to the sign-in page (the 403 of the CSRF check, shown as the sign-in page), and no
        // signed-in session was made (a sign-in would give a new session id).
        assertThat(forged.statusCode()).as(forged.headers().map().toString()).isIn(302, 403);
        assertThat(forged.headers().firstValue("Location").orElse("/login")).endsWith("/login");
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));

        // The same post with the page's token signs in: it was the missing token that was refused.
        HttpResponse<String> genuine = victim.send(request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(form("username", "editor1", "password", "draftroom-demo", "_csrf", token.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(genuine.statusCode()).isEqualTo(302);
        assertThat(genuine.headers().firstValue("Location").orElseThrow()).doesNotContain("error").doesNotContain("login");
    }

    @Test
    void a_sign_in_post_the_browser_marks_as_from_our_own_page_needs_no_token_but_one_from_another_site_does()
            throws Exception {
        // What the browser says of a forged post from another site, or from a neighbouring host of the same site:
        // refused without the token, as above.
        for (String site : List.of("cross-site", "same-site", "none")) {
            HttpClient victim = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            victim.send(request("/login").build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> forged = victim.send(request("/login")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Sec-Fetch-Site", site)
                            .POST(form("username", "editor1", "password", "draftroom-demo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).as(site).isIn(302, 403);
            assertThat(forged.headers().firstValue("Location").orElse("/login")).as(site).endsWith("/login");
            assertThat(forged.headers().allValues("Set-Cookie")).as(site)
                    .noneMatch(c -> c.startsWith("JSESSIONID="));
        }
        // A post from one of our own pages whose session has changed since the page was loaded (its token belongs
        // to the old one): the browser marks it same-origin, and it signs in.
        HttpClient person = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        person.send(request("/login").build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> own = person.send(request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Sec-Fetch-Site", "same-origin")
                        .POST(form("username", "editor1", "password", "draftroom-demo", "_csrf", "from-a-session-gone"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(own.headers().firstValue("Location").orElseThrow()).doesNotContain("error").doesNotContain("login");
    }

    @Test
    void the_api_refuses_a_person_who_must_replace_a_one_time_password_and_a_reset_revokes_the_tokens()
            throws Exception {
        String username = "reset-" + System.nanoTime() % 1_000_000;
        registrations.register("198.51.100.77", "Reset Person", username + "@example.org", username,
                "Own-chosen-pass-1");
        String token = ApiTokens.issue(port, username, "Own-chosen-pass-1", "script");
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(bearer(token, "/api/v1/me").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("a self-registered person keeps the password they chose").isEqualTo(200);

        resetPassword(username, "One-time-pass-22", false);
        HttpResponse<String> mustChange = http.send(bearer(token, "/api/v1/me").header("Accept-Language", "zh-CN")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mustChange.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(mustChange.body());
        assertThat(error.get("error").asText()).isEqualTo("password_change_required");
        assertThat(error.get("message").asText()).startsWith("使用 API 之前必须修改密码");

        HttpResponse<String> newToken = http.send(request("/api/v1/tokens")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username
                        + ":One-time-pass-22").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(newToken.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(newToken.body()).get("message").asText()).startsWith("You must change your password");

        resetPassword(username, "One-time-pass-33", true);
        assertThat(http.send(bearer(token, "/api/v1/me").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("the reset revoked the token").isEqualTo(401);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void resetPassword(String username, String password, boolean revokeTokens) {
        SignedIn.as(userDetails, "admin");
        try {
            users.resetPassword(users.find(username, 0, 1).get(0).id(), password, revokeTokens);
        } finally {
            SignedIn.nobody();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpRequest.Builder bearer(String token, String path) {
        return request(path).header("Authorization", "Bearer " + token);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static HttpRequest.BodyPublisher form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }
}
