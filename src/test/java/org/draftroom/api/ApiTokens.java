package org.draftroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Personal access tokens for the API tests, issued over HTTP as a person does: {@code POST /api/v1/tokens}. */
public final class ApiTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiTokens() {
    }

    /** A new token named {@code name} of the person signing in with this password, from the application on port. */
    public static String issue(int port, String username, String password, String name) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/tokens")).header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("name", name))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(username + ": " + r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("token").asText();
    }
}
