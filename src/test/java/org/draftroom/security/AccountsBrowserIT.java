package org.draftroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.draftroom.api.ApiTokens;
import org.draftroom.browser.AppShell;
import org.draftroom.browser.Browser;
import org.draftroom.browser.BrowserTestBase;
import org.draftroom.browser.ButtonElement;
import org.draftroom.browser.ComboBoxElement;
import org.draftroom.browser.LoginPage;
import org.draftroom.browser.ProfilePage;
import org.draftroom.browser.RegisterPage;
import org.draftroom.browser.VaadinElement;
import org.draftroom.rounds.service.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Accounts as a stranger meets them, in Chromium and over HTTP against the running application: self-registration
 * grants no organisation (whatever name is typed), membership comes only from an invitation link, and a password
 * change ends the other sessions and the API tokens.
 */
class AccountsBrowserIT extends BrowserTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "Stranger-pass-2026!";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired RegistrationService registrations;

    @Test
    void registering_with_an_organisations_name_gives_no_access_to_its_invitation_only_round() throws Exception {
        long round = demoRoundTwo();
        String reviewer1 = ApiTokens.issue(port, "reviewer1", DEMO_PASSWORD, "attack check");
        assertThat(get(reviewer1, "/api/v1/rounds/" + round + "/comments").body()).contains("CN-ABC-");

        for (String name : List.of("anbo information technology co., ltd.", "ANBO INFORMATION TECHNOLOGY CO., LTD.",
                "安博信息技术有限公司")) {
            Browser browser = anotherBrowser(ENGLISH);
            String username = fresh("stranger");
            RegisterPage page = RegisterPage.open(browser);
            assertThat(page.individualNotice()).isEqualTo(text("membership.individual", ENGLISH));
            page.register(name, name, username + "@example.org", username, PASSWORD);
            // A person who chose their own password is not sent to change it.
            LoginPage.shown(browser).signInAs(username, PASSWORD);
            browser.open("profile");
            assertThat(ProfilePage.shown(browser).asksForNewPassword()).isFalse();
            assertThat(browser.$("div").id("individual-notice").text())
                    .isEqualTo(text("membership.individual", ENGLISH));

            String token = ApiTokens.issue(port, username, PASSWORD, "attack");
            JsonNode me = JSON.readTree(get(token, "/api/v1/me").body());
            assertThat(me.get("organisation").asText()).as(name).startsWith("PUB-").isNotEqualTo("CN-ABC");
            HttpResponse<String> mine = get(token, "/api/v1/rounds");
            assertThat(mine.statusCode()).isEqualTo(200);
            assertThat(ids(JSON.readTree(mine.body()))).as(name).doesNotContain(round);
            HttpResponse<String> comments = get(token, "/api/v1/rounds/" + round + "/comments");
            assertThat(comments.statusCode()).as(name + ": " + comments.body()).isIn(400, 403, 404);
            assertThat(comments.body()).doesNotContain("CN-ABC-");
            HttpResponse<String> written = post(token, "/api/v1/rounds/" + round + "/comments", Map.of(
                    "clauseNumber", "5.2", "type", "te", "comment", "Written as CN-ABC by a stranger"));
            assertThat(written.statusCode()).as(name + ": " + written.body()).isIn(400, 403, 404);
            assertThat(written.body()).doesNotContain("readableId");
        }
        assertThat(get(reviewer1, "/api/v1/rounds/" + round + "/comments").body())
                .doesNotContain("Written as CN-ABC by a stranger");
    }

    @Test
    void an_invitation_link_of_the_organisations_contact_grants_exactly_that_membership_once() throws Exception {
        long round = demoRoundTwo();
        String username = fresh("colleague");
        registrations.register("203.0.113.1", "Colleague of Chen Jing", username + "@example.org", username,
                PASSWORD);
        Browser newcomer = anotherBrowser(ENGLISH);
        LoginPage.open(newcomer).signInAs(username, PASSWORD);
        String token = ApiTokens.issue(port, username, PASSWORD, "member");
        assertThat(ids(JSON.readTree(get(token, "/api/v1/rounds").body()))).doesNotContain(round);

        // reviewer1, CN-ABC's contact in the demo, creates the link on their profile: only for CN-ABC.
        Browser contact = browser();
        LoginPage.open(contact).signInAs("reviewer1", DEMO_PASSWORD);
        contact.open("profile");
        ProfilePage.shown(contact);
        assertThat(contact.$(ComboBoxElement.class).id("invite-organisation").selectedText()).startsWith("CN-ABC");
        contact.$(ButtonElement.class).id("invite-create").click();
        VaadinElement shown = contact.$("pre").id("invitation-link");
        String link = contact.waitFor("the invitation link", () -> shown.text().contains("/join/") ? shown.text()
                : null);
        assertThat(link).startsWith("http://localhost:" + port + "/join/");

        newcomer.driver().get(link);
        newcomer.waitForVaadin();
        assertThat(newcomer.$("p").id("join-explain").text()).contains("CN-ABC");
        ButtonElement join = newcomer.$(ButtonElement.class).id("join-accept");
        join.click();
        ProfilePage.shown(newcomer);
        newcomer.waitUntil("the profile to show CN-ABC", () -> newcomer.pageText().contains("CN-ABC"));
        assertThat(newcomer.$("div").attribute("id", "individual-notice").exists()).isFalse();

        JsonNode me = JSON.readTree(get(token, "/api/v1/me").body());
        assertThat(me.get("organisation").asText()).isEqualTo("CN-ABC");
        assertThat(me.get("roles").toString()).isEqualTo("[\"REVIEWER\"]");
        assertThat(ids(JSON.readTree(get(token, "/api/v1/rounds").body()))).contains(round);
        HttpResponse<String> comments = get(token, "/api/v1/rounds/" + round + "/comments");
        assertThat(comments.statusCode()).isEqualTo(200);
        List<String> organisations = new ArrayList<>();
        JSON.readTree(comments.body()).forEach(c -> organisations.add(c.get("organisation").asText()));
        assertThat(organisations).isNotEmpty().containsOnly("CN-ABC");

        // The link is used up: a second stranger gets nothing from it.
        String second = fresh("latecomer");
        registrations.register("203.0.113.2", "Latecomer", second + "@example.org", second, PASSWORD);
        Browser other = anotherBrowser(ENGLISH);
        LoginPage.open(other).signInAs(second, PASSWORD);
        other.driver().get(link);
        other.waitForVaadin();
        assertThat(other.$("p").id("join-invalid").text())
                .isEqualTo(text("membership.invitation.invalid", ENGLISH));
        assertThat(other.$(ButtonElement.class).attribute("id", "join-accept").exists()).isFalse();
    }

    @Test
    void changing_the_password_signs_out_the_other_browser_and_revokes_the_api_tokens() throws Exception {
        String username = fresh("changer");
        registrations.register("203.0.113.3", "Password Changer", username + "@example.org", username, PASSWORD);
        Browser first = browser();
        LoginPage.open(first).signInAs(username, PASSWORD);
        Browser second = anotherBrowser(ENGLISH);
        LoginPage.open(second).signInAs(username, PASSWORD);
        String token = ApiTokens.issue(port, username, PASSWORD, "script");
        assertThat(get(token, "/api/v1/me").statusCode()).isEqualTo(200);

        first.open("profile");
        ProfilePage profile = ProfilePage.shown(first);
        assertThat(first.$("vaadin-checkbox").id("revoke-tokens").property("checked"))
                .as("revoking the tokens is offered, checked").isEqualTo(true);
        profile.changePassword(PASSWORD, "Changed-pass-2026!", "Changed-pass-2026!");

        second.open("profile");
        LoginPage.shown(second);
        first.open("profile");
        ProfilePage.shown(first);
        assertThat(first.path()).isEqualTo("profile");
        HttpResponse<String> old = get(token, "/api/v1/me");
        assertThat(old.statusCode()).as(old.body()).isEqualTo(401);
    }

    @Test
    void a_display_name_with_a_line_break_is_refused_on_the_registration_page_in_both_languages() {
        for (var language : List.of(ENGLISH, CHINESE)) {
            Browser browser = anotherBrowser(language);
            String username = fresh("injector");
            RegisterPage page = RegisterPage.open(browser);
            page.fillIn("Mallory", "", username + "@example.org", username, PASSWORD);
            page.forceName("Mallory\r\nBcc: everyone@example.org");
            page.submit();
            browser.waitUntil("the name to be refused", () -> !page.nameError().isEmpty());
            assertThat(page.nameError()).isEqualTo(text("validation.control-characters", language));
            assertThat(browser.path()).isEqualTo("register");
            page.forceName("Mallory\u0007");
            page.submit();
            assertThat(page.nameError()).isEqualTo(text("validation.control-characters", language));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static String fresh(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
    }

    /** The demo's invitation-only round 2 (CN-ABC and CN-XYZ), found as reviewer1 sees it. */
    private long demoRoundTwo() throws Exception {
        String token = ApiTokens.issue(port, "reviewer1", DEMO_PASSWORD, "find round");
        for (JsonNode r : JSON.readTree(get(token, "/api/v1/rounds").body())) {
            if ("round-2".equals(r.get("tag").asText()) && "OPEN".equals(r.get("state").asText())) {
                return r.get("id").asLong();
            }
        }
        throw new AssertionError("The demo round 2 is not open to reviewer1");
    }

    private static List<Long> ids(JsonNode rounds) {
        List<Long> ids = new ArrayList<>();
        rounds.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String path, Map<String, String> body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
