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
import org.draftroom.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The rounds API over real HTTP, on the demo rounds: the caller sees what the UI would show them. */
@WebIntegrationTest
@TestPropertySource(properties = "draftroom.demo.rounds=true")
class RoundsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;

    private String token(String username) throws Exception {
        return ApiTokens.issue(port, username, "draftroom-demo", "rounds");
    }

    private JsonNode get(HttpRequest.Builder request) throws Exception {
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> call(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void a_reviewer_lists_their_rounds_reads_the_outline_and_sees_only_their_organisations_comments() throws Exception {
        String reviewer = token("reviewer1");
        JsonNode rounds = JSON.readTree(call(reviewer, "/api/v1/rounds").body());
        assertThat(texts(rounds, "state")).containsExactlyInAnyOrder("OPEN", "PUBLISHED");
        JsonNode open = rounds.get(0).get("state").asText().equals("OPEN") ? rounds.get(0) : rounds.get(1);
        long id = open.get("id").asLong();
        assertThat(open.get("tag").asText()).isEqualTo("round-2");

        JsonNode outline = JSON.readTree(call(reviewer, "/api/v1/rounds/" + id + "/outline").body());
        assertThat(outline.get("clauses").toString()).contains("\"id\":\"c-rights\",\"number\":\"8\"");

        JsonNode comments = JSON.readTree(call(reviewer, "/api/v1/rounds/" + id + "/comments").body());
        assertThat(texts(comments, "organisation")).isNotEmpty().containsOnly("CN-ABC");

        HttpResponse<String> early = call(reviewer, "/api/v1/rounds/" + id + "/dispositions");
        assertThat(early.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(JSON.readTree(early.body()).get("message").asText()).contains("not published");
    }

    @Test
    void an_editor_of_another_working_group_cannot_guess_a_round() throws Exception {
        String outsider = token("editor1");
        assertThat(JSON.readTree(call(outsider, "/api/v1/rounds").body()).size()).isZero();
        HttpResponse<String> guessed = call(outsider, "/api/v1/rounds/1/comments");
        assertThat(guessed.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(guessed.body()).doesNotContain("CN-ABC-");
    }
}
