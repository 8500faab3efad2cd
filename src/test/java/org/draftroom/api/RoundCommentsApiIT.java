package org.draftroom.api;

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
import org.draftroom.WebIntegrationTest;
import org.draftroom.security.domain.UserForm;
import org.draftroom.security.service.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Commenting in a round through the API, over real HTTP, on the demo open round (round 2 on gbt-35273, open to CN-ABC
 * and CN-XYZ). Its own application context (and so its own database; the marker property makes the difference), since
 * it adds comments to the demo round, whose count {@code DemoRoundsIT} checks in the shared one.
 */
@WebIntegrationTest
@TestPropertySource(properties = {"draftroom.demo.rounds=true", "draftroom.test.context=round-comments-api"})
class RoundCommentsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired UserService users;

    private String token(String username, String password) throws Exception {
        return ApiTokens.issue(port, username, password, "round-comments");
    }

    private String token(String username) throws Exception {
        return token(username, "draftroom-demo");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String path, Map<String, Object> body, String language)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long openRound(String token) throws Exception {
        for (JsonNode r : JSON.readTree(get(token, "/api/v1/rounds").body())) {
            if (r.get("state").asText().equals("OPEN") && r.get("tag").asText().equals("round-2")) {
                return r.get("id").asLong();
            }
        }
        throw new AssertionError("the demo open round is missing");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void an_invited_reviewer_comments_by_clause_number_with_a_quote_and_gets_the_readable_id() throws Exception {
        String reviewer = token("reviewer1");
        long round = openRound(reviewer);
        assertThat(get(reviewer, "/api/v1/rounds/" + round + "/outline").body())
                .contains("\"id\":\"c-minimisation\",\"number\":\"5.2\"");

        HttpResponse<String> created = post(reviewer, "/api/v1/rounds/" + round + "/comments", Map.of(
                "clauseNumber", "5.2", "quote", "自动采集的频次", "type", "te",
                "comment", "频次应可由个人信息主体调整。The subject should be able to lower the frequency.",
                "proposedChange", "增加“并提供调整频次的选项”"), "en");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode c = JSON.readTree(created.body());
        assertThat(c.get("readableId").asText()).matches("CN-ABC-\\d{3}");
        assertThat(c.get("clauseId").asText()).isEqualTo("c-minimisation");
        assertThat(c.get("clauseNumber").asText()).isEqualTo("5.2");
        assertThat(c.get("quote").asText()).isEqualTo("自动采集的频次");
        assertThat(c.get("type").asText()).isEqualTo("te");
        assertThat(c.get("organisation").asText()).isEqualTo("CN-ABC");

        // Whole clause by id, the type by its name; and a general comment.
        HttpResponse<String> byId = post(reviewer, "/api/v1/rounds/" + round + "/comments", Map.of(
                "clauseId", "c-minimisation", "type", "editorial", "comment", "列项末尾标点不一致。"), "en");
        assertThat(byId.statusCode()).as(byId.body()).isEqualTo(201);
        assertThat(JSON.readTree(byId.body()).get("quote").asText()).isEmpty();
        HttpResponse<String> general = post(reviewer, "/api/v1/rounds/" + round + "/comments", Map.of(
                "type", "ge", "comment", "General remark."), "en");
        assertThat(general.statusCode()).as(general.body()).isEqualTo(201);
        assertThat(JSON.readTree(general.body()).get("clauseId").asText()).isEmpty();

        JsonNode listed = JSON.readTree(get(reviewer, "/api/v1/rounds/" + round + "/comments").body());
        assertThat(texts(listed, "readableId")).contains(c.get("readableId").asText());
    }

    @Test
    void the_templates_line_number_and_place_go_in_and_come_back_in_the_comments_and_the_dispositions()
            throws Exception {
        String reviewer = token("reviewer1");
        long round = openRound(reviewer);
        String path = "/api/v1/rounds/" + round + "/comments";
        HttpResponse<String> created = post(reviewer, path, Map.of("clauseNumber", "5.2", "type", "ed",
                "comment", "表中单位应统一。", "lineNumber", " 17 ", "location", "表1"), "zh-CN");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode c = JSON.readTree(created.body());
        assertThat(c.get("lineNumber").asText()).isEqualTo("17");
        assertThat(c.get("location").asText()).isEqualTo("表1");

        JsonNode listed = null;
        for (JsonNode n : JSON.readTree(get(reviewer, path).body())) {
            if (n.get("readableId").asText().equals(c.get("readableId").asText())) {
                listed = n;
            }
        }
        assertThat(listed).as("the new comment in the round's list").isNotNull();
        assertThat(listed.get("lineNumber").asText()).isEqualTo("17");
        assertThat(listed.get("location").asText()).isEqualTo("表1");
        JsonNode own = JSON.readTree(get(reviewer, "/api/v1/comments/" + c.get("id").asLong()).body());
        assertThat(own.get("lineNumber").asText()).isEqualTo("17");
        assertThat(own.get("location").asText()).isEqualTo("表1");

        JsonNode disposition = null;
        for (JsonNode n : JSON.readTree(get(token("secretariat"), "/api/v1/rounds/" + round + "/dispositions")
                .body())) {
            if (n.get("readableId").asText().equals(c.get("readableId").asText())) {
                disposition = n;
            }
        }
        assertThat(disposition).as("the new comment in the disposition table").isNotNull();
        assertThat(disposition.get("lineNumber").asText()).isEqualTo("17");
        assertThat(disposition.get("location").asText()).isEqualTo("表1");

        int before = JSON.readTree(get(reviewer, path).body()).size();
        HttpResponse<String> tooLong = post(reviewer, path, Map.of("clauseNumber", "5.2", "type", "ed",
                "comment", "太长的行号。", "lineNumber", "1".repeat(51)), "zh-CN");
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
        assertThat(JSON.readTree(get(reviewer, path).body()).size()).isEqualTo(before);
    }

    @Test
    void a_quote_not_in_the_clause_and_an_unknown_clause_number_are_refused_in_the_callers_language()
            throws Exception {
        String reviewer = token("reviewer2");
        long round = openRound(reviewer);
        String path = "/api/v1/rounds/" + round + "/comments";
        int before = JSON.readTree(get(reviewer, path).body()).size();

        HttpResponse<String> quote = post(reviewer, path, Map.of("clauseNumber", "5.2",
                "quote", "这句话不在条款里", "type", "te", "comment", "x"), "en");
        assertThat(quote.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(quote.body()).get("message").asText())
                .contains("这句话不在条款里").contains("does not occur in clause 5.2");

        HttpResponse<String> unknown = post(reviewer, path, Map.of("clauseNumber", "99.9", "type", "te",
                "comment", "x"), "zh-CN");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("message").asText()).contains("没有编号为“99.9”的条款");

        HttpResponse<String> unknownEn = post(reviewer, path, Map.of("clauseNumber", "99.9", "type", "te",
                "comment", "x"), "en");
        assertThat(JSON.readTree(unknownEn.body()).get("message").asText())
                .contains("no clause numbered \"99.9\"");

        HttpResponse<String> badType = post(reviewer, path, Map.of("clauseNumber", "5.2", "type", "xx",
                "comment", "x"), "en");
        assertThat(badType.statusCode()).isEqualTo(400);

        assertThat(JSON.readTree(get(reviewer, path).body()).size()).isEqualTo(before);
    }

    @Test
    void callers_outside_the_audience_and_without_a_token_are_refused() throws Exception {
        long round = openRound(token("reviewer1"));
        String path = "/api/v1/rounds/" + round + "/comments";
        Map<String, Object> body = Map.of("clauseNumber", "5.2", "type", "te", "comment", "Outsider comment.");

        HttpResponse<String> anonymous = post(null, path, body, "en");
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> editor = post(token("editor1"), path, body, "en");
        assertThat(editor.statusCode()).as(editor.body()).isIn(403, 404, 400);
        assertThat(editor.body()).doesNotContain("readableId");

        UserForm form = new UserForm();
        form.setDisplayName("Outsider Reviewer");
        form.setEmail("outsider@example.org");
        form.setUsername("outsider1");
        form.setPassword("Outsider-pass-2026!");
        users.registerReviewer(form);
        String outsider = token("outsider1", "Outsider-pass-2026!");
        HttpResponse<String> refused = post(outsider, path, body, "en");
        assertThat(refused.statusCode()).as(refused.body()).isIn(403, 404, 400);
        assertThat(refused.body()).doesNotContain("readableId");
        assertThat(get(outsider, path).body()).doesNotContain("CN-ABC").doesNotContain("CN-XYZ");
    }

    @Test
    void a_reviewer_guessing_another_organisations_comment_ids_learns_nothing() throws Exception {
        String abc = token("reviewer1");
        String xyz = token("reviewer2");
        long round = openRound(abc);
        String path = "/api/v1/rounds/" + round + "/comments";

        HttpResponse<String> theirs = post(xyz, path, Map.of("clauseNumber", "8", "type", "ed",
                "comment", "Confidential remark of CN-XYZ."), "en");
        assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(201);
        long id = JSON.readTree(theirs.body()).get("id").asLong();

        JsonNode visible = JSON.readTree(get(abc, path).body());
        assertThat(texts(visible, "organisation")).isNotEmpty().containsOnly("CN-ABC");
        assertThat(visible.toString()).doesNotContain("Confidential remark");

        for (long guess = Math.max(1, id - 10); guess <= id + 2; guess++) {
            HttpResponse<String> r = get(abc, "/api/v1/comments/" + guess);
            if (r.statusCode() == 200) {
                // Another organisation's comment only from the published round 1; never one of this open round.
                JsonNode seen = JSON.readTree(r.body());
                if (seen.path("roundId").asLong() == round) {
                    assertThat(seen.get("organisation").asText()).isEqualTo("CN-ABC");
                }
            } else {
                assertThat(r.statusCode()).isIn(400, 403, 404);
                assertThat(r.body()).doesNotContain("CN-XYZ").doesNotContain("Confidential");
            }
        }
        HttpResponse<String> direct = get(abc, "/api/v1/comments/" + id);
        assertThat(direct.statusCode()).isIn(403, 404);
    }
}
