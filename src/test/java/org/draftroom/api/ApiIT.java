package org.draftroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.draftroom.WebIntegrationTest;
import org.draftroom.security.SignedIn;
import org.draftroom.security.service.TokenService;
import org.draftroom.security.service.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The REST API over real HTTP: tokens, who am I, and JSON errors in the caller's language. */
@WebIntegrationTest
class ApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired TokenService tokens;

    record Reply(int status, String contentType, JsonNode body) {
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertThat(type).as("every API answer is JSON, never a page").contains("json");
        return new Reply(response.statusCode(), type, JSON.readTree(response.body()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private String createToken(String username, String password) throws Exception {
        Reply reply = send(request("/api/v1/tokens").header("Authorization", basic(username, password))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ci script\"}")));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("name").asText()).isEqualTo("ci script");
        return reply.body().get("token").asText();
    }

    @Test
    void a_token_created_with_username_and_password_acts_as_its_owner() throws Exception {
        String token = createToken("editor2", "draftroom-demo");
        assertThat(token).startsWith("drt_");

        Reply me = send(request("/api/v1/me").header("Authorization", "Bearer " + token));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("username").asText()).isEqualTo("editor2");
        assertThat(me.body().get("roles").toString()).isEqualTo("[\"EDITOR\"]");
        assertThat(me.body().get("organisation").asText()).isEqualTo("CN-BCL");
        assertThat(me.body().get("workingGroups").toString()).isEqualTo("[\"WG7\"]");
    }

    @Test
    void wrong_credentials_and_bad_tokens_get_json_errors_in_the_callers_language() throws Exception {
        Reply wrongPassword = send(request("/api/v1/tokens").header("Authorization", basic("editor1", "nope-nope-nope"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(wrongPassword.status()).isEqualTo(401);

        Reply noToken = send(request("/api/v1/me").header("Accept-Language", "zh-CN,zh;q=0.9"));
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.body().get("message").asText()).startsWith("需要身份验证");

        Reply forged = send(request("/api/v1/me").header("Authorization", "Bearer drt_forged-token"));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.body().get("message").asText()).startsWith("Authentication required");
    }

    @Test
    void an_unknown_api_address_is_a_json_404_not_the_application_page() throws Exception {
        String token = createToken("reviewer1", "draftroom-demo");
        Reply reply = send(request("/api/v1/no-such-thing").header("Authorization", "Bearer " + token));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void a_revoked_token_and_the_token_of_a_disabled_user_stop_working() throws Exception {
        String token = createToken("reviewer2", "draftroom-demo");
        SignedIn.as(userDetails, "reviewer2");
        long tokenId;
        try {
            tokenId = tokens.mine().get(0).id();
        } finally {
            SignedIn.nobody();
        }
        assertThat(send(request("/api/v1/me").header("Authorization", "Bearer " + token)).status()).isEqualTo(200);
        revoke("reviewer2", tokenId);
        assertThat(send(request("/api/v1/me").header("Authorization", "Bearer " + token)).status()).isEqualTo(401);

        String another = createToken("reviewer2", "draftroom-demo");
        SignedIn.as(userDetails, "admin");
        try {
            users.setEnabled(users.find("reviewer2", 0, 1).get(0).id(), false);
        } finally {
            SignedIn.nobody();
        }
        assertThat(send(request("/api/v1/me").header("Authorization", "Bearer " + another)).status()).isEqualTo(401);
    }

    @Test
    void projects_versions_outline_and_draft_are_readable_with_a_token() throws Exception {
        String token = createToken("editor1", "draftroom-demo");
        Reply projects = send(request("/api/v1/projects").header("Authorization", "Bearer " + token));
        assertThat(projects.status()).isEqualTo(200);
        assertThat(projects.body().findValuesAsText("code")).contains("GB/T 35273");

        Reply versions = send(request("/api/v1/projects/gbt-35273/versions").header("Authorization", "Bearer " + token));
        assertThat(versions.body().size()).isEqualTo(2);
        assertThat(versions.body().get(0).get("tags").toString()).isEqualTo("[\"cd-1\"]");
        assertThat(versions.body().get(1).get("author").asText()).isEqualTo("张伟");

        Reply outline = send(request("/api/v1/projects/gbt-35273/outline?ref=wd-1")
                .header("Authorization", "Bearer " + token));
        JsonNode access = null;
        for (JsonNode clause : outline.body().get("clauses")) {
            if (clause.get("id").asText().equals("c-right-access")) {
                access = clause;
            }
        }
        assertThat(access).as("the 2017 outline has the access right under clause 7").isNotNull();
        assertThat(access.get("number").asText()).startsWith("7.");
        assertThat(access.get("depth").asInt()).isEqualTo(2);

        HttpResponse<String> draft = http.send(request("/api/v1/projects/gbt-35273/draft?ref=cd-1")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(draft.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(draft.body()).contains("{#c-rights}");

        Reply unknownRef = send(request("/api/v1/projects/gbt-35273/draft?ref=no-such-tag")
                .header("Authorization", "Bearer " + token));
        assertThat(unknownRef.status()).isEqualTo(400);

        String reviewer = createToken("reviewer2", "draftroom-demo");
        assertThat(send(request("/api/v1/projects").header("Authorization", "Bearer " + reviewer)).status())
                .as("reviewers read only frozen consultation drafts").isEqualTo(403);
    }

    @Test
    void a_version_downloads_as_word_pdf_and_niso_sts_and_an_unknown_format_is_refused() throws Exception {
        String token = createToken("editor2", "draftroom-demo");
        HttpResponse<byte[]> docx = http.send(request("/api/v1/projects/gbt-35273/export?ref=cd-1&format=docx")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"GB_T_35273-zh-[a-z-]+-[0-9a-f]{7}\\.docx\"");
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.body()))) {
            assertThat(document.getParagraphs()).extracting(p -> p.getText())
                    .contains("8  个人信息主体的权利");
        }

        HttpResponse<String> sts = http.send(request("/api/v1/projects/gbt-35273/export?format=sts")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sts.statusCode()).isEqualTo(200);
        assertThat(sts.body()).contains("<standard").contains("<label>8</label>");

        HttpResponse<byte[]> pdf = http.send(request("/api/v1/projects/gbt-35273/export?format=pdf")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");

        Reply odt = send(request("/api/v1/projects/gbt-35273/export?format=odt").header("Authorization", "Bearer " + token));
        assertThat(odt.status()).isEqualTo(400);
        assertThat(odt.body().get("message").asText()).contains("docx, html, md, pdf, sts");
    }

    @Test
    void the_redline_of_two_milestones_downloads_as_word_with_tracked_changes() throws Exception {
        String token = createToken("editor1", "draftroom-demo");
        HttpResponse<byte[]> docx = http.send(request("/api/v1/projects/gbt-35273/redline?from=wd-1&to=cd-1&format=docx")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.body()))) {
            String xml = document.getDocument().xmlText();
            assertThat(xml).contains("w:ins").contains("w:del").contains("w:delText");
        }
        HttpResponse<String> html = http.send(request("/api/v1/projects/gbt-35273/redline?from=wd-1&to=cd-1")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(html.body()).contains("<ins").contains("7.4 → 8.1");
    }

    @Test
    void health_is_public_and_reports_the_database_and_the_drafts_repository() throws Exception {
        Reply health = send(request("/actuator/health"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/draftsRepo/status").asText()).isEqualTo("UP");

        HttpResponse<String> env = http.send(request("/actuator/env").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(env.statusCode()).as("nothing else of Actuator without authentication").isEqualTo(401);
    }

    private void revoke(String username, long tokenId) {
        SignedIn.as(userDetails, username);
        try {
            tokens.revoke(tokenId);
        } finally {
            SignedIn.nobody();
        }
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
