package org.draftroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.draftroom.WebIntegrationTest;
import org.draftroom.comments.domain.CommentEvent;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Comments over the REST API: create, list with filters, reply, resolve and reopen, refusals as JSON. */
@WebIntegrationTest
class CommentsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired DraftService drafts;
    @Autowired ProjectService projects;
    @Autowired UserDetailsService users;
    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired JdbcClient jdbc;

    record Answer(int status, JsonNode body) {
    }

    private Answer call(String token, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", token.startsWith("Basic") ? token : "Bearer " + token)
                .header("Accept-Language", "en");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private String token(String username) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":draftroom-demo")
                .getBytes(StandardCharsets.UTF_8));
        Answer answer = call(basic, "POST", "/api/v1/tokens", Map.of("name", "comments"));
        assertThat(answer.status()).isEqualTo(201);
        return answer.body().get("token").asText();
    }

    @Test
    void an_editor_comments_replies_and_resolves_through_the_api() throws Exception {
        SignedIn.as(users, "secretariat");
        Project project = projects.create(new ProjectForm("GB/T 96" + System.nanoTime() % 100_000, "接口测试",
                "API test", DocumentType.GB_T, "WG7", Stage.DRAFTING, "20.20", "CN-BCL"),
                drafts.open("gbt-35273", "cd-1").document());
        String body = drafts.open(project.id(), null).document().require("c-right-access").body();
        SignedIn.nobody();
        String quote = "控制者所保存的其个人信息的类型和内容";
        int start = body.indexOf(quote);
        String editor = token("editor2");

        Answer created = call(editor, "POST", "/api/v1/projects/" + project.id() + "/comments", Map.of("type", "te",
                "clauseId", "c-right-access", "start", start, "end", start + quote.length(), "quote", quote,
                "body", "请明确查询方式。", "proposedChange", "控制者所保存的其个人信息"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("readableId").asText()).isEqualTo("CN-BCL-001");
        assertThat(created.body().get("placement").get("clauseNumber").asText()).isEqualTo("8.1");
        long id = created.body().get("id").asLong();

        Answer tooLong = call(editor, "POST", "/api/v1/projects/" + project.id() + "/comments",
                Map.of("type", "ge", "body", "x".repeat(10_001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("message").asText()).contains("10,000");

        Answer reply = call(editor, "POST", "/api/v1/comments/" + id + "/replies", Map.of("body", "补充说明"));
        assertThat(reply.status()).isEqualTo(201);
        Answer resolved = call(editor, "POST", "/api/v1/comments/" + id + "/resolve", Map.of("reason", "已修改"));
        assertThat(resolved.body().get("status").asText()).isEqualTo("resolved");
        assertThat(resolved.body().get("replyCount").asInt()).isEqualTo(1);

        Answer open = call(editor, "GET", "/api/v1/projects/" + project.id() + "/comments?status=open", null);
        assertThat(open.body().size()).isZero();
        Answer technical = call(editor, "GET", "/api/v1/projects/" + project.id()
                + "/comments?type=te&clause=c-right-access&limit=10", null);
        assertThat(technical.body().findValuesAsText("readableId")).containsExactly("CN-BCL-001");
        assertThat(call(editor, "POST", "/api/v1/comments/" + id + "/reopen", Map.of("reason", "仍需讨论"))
                .body().get("status").asText()).isEqualTo("open");

        Answer reviewer = call(token("reviewer1"), "GET", "/api/v1/projects/" + project.id() + "/comments", null);
        assertThat(reviewer.status()).isEqualTo(403);
    }

    @Test
    void markdown_nested_deeper_than_the_limit_is_refused_in_comments_proposed_changes_and_replies()
            throws Exception {
        String editor = token("editor2");
        String deep = ">".repeat(9_000) + " deep";
        String list = "- x\n" + "  ".repeat(40) + "- deeper\n";
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            nested.append("  ".repeat(i)).append("- x\n");
        }
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("type", "ge", "body", deep),
                Map.of("type", "ge", "body", nested.toString()),
                Map.of("type", "ge", "body", "ok", "proposedChange", deep))) {
            Answer refused = call(editor, "POST", "/api/v1/projects/gbt-35273/comments", body);
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
            assertThat(refused.body().get("message").asText()).endsWith(
                    "The text is nested more than 32 levels deep (quotes or lists inside each other). Flatten it.");
        }
        Answer ok = call(editor, "POST", "/api/v1/projects/gbt-35273/comments", Map.of("type", "ge", "body",
                "> quoted\n>\n> - item " + list.length()));
        assertThat(ok.status()).isEqualTo(201);
        Answer reply = call(editor, "POST", "/api/v1/comments/" + ok.body().get("id").asLong() + "/replies",
                Map.of("body", deep));
        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void only_the_secretariat_hides_a_comment_or_deletes_its_text_and_the_reason_is_in_its_history()
            throws Exception {
        String editor = token("editor2");
        String abusive = "abusive " + System.nanoTime();
        Answer created = call(editor, "POST", "/api/v1/projects/gbt-35273/comments", Map.of("type", "ge", "body",
                abusive, "proposedChange", "spam"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        String path = "/api/v1/comments/" + id + "/moderate?action=hide";

        assertThat(call(editor, "POST", path, Map.of("reason", "mine")).status()).isEqualTo(403);
        assertThat(call(token("reviewer1"), "POST", path, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(call(token("admin"), "POST", path, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(call(editor, "GET", "/api/v1/comments/" + id, null).body().get("body").asText())
                .isEqualTo(abusive);

        String secretariat = token("secretariat");
        assertThat(call(secretariat, "POST", path, Map.of("reason", " ")).status()).isEqualTo(400);
        Answer hidden = call(secretariat, "POST", path, Map.of("reason", "insults"));
        assertThat(hidden.status()).isEqualTo(200);
        Answer seen = call(editor, "GET", "/api/v1/comments/" + id, null);
        assertThat(seen.body().get("body").asText()).isEmpty();
        assertThat(seen.body().get("proposedChange").asText()).isEmpty();
        assertThat(seen.body().get("moderation").asText()).isEqualTo("hidden");
        assertThat(seen.body().get("moderationReason").asText()).isEqualTo("insults");
        assertThat(jdbc.sql("select body from comment where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo(abusive);

        Answer deleted = call(secretariat, "POST", "/api/v1/comments/" + id + "/moderate?action=delete",
                Map.of("reason", "illegal content"));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(jdbc.sql("select body || proposed_change from comment where id = :id").param("id", id)
                .query(String.class).single()).isEmpty();
        SignedIn.as(users, "secretariat");
        try {
            assertThat(commentReader.history(id)).extracting(CommentEvent::kind, CommentEvent::actorName,
                    CommentEvent::detail).contains(
                    org.assertj.core.groups.Tuple.tuple(CommentEvent.HIDDEN, "王芳 Wang Fang", "insults"),
                    org.assertj.core.groups.Tuple.tuple(CommentEvent.DELETED, "王芳 Wang Fang", "illegal content"));
        } finally {
            SignedIn.nobody();
        }
    }
}
