package org.draftroom.notifications.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.draftroom.ChildApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored events survive a crash: replies acknowledged (201) whose notification listener had not run when the
 * application was killed with SIGKILL notify the comment's author after the restart, each exactly once, and no event
 * publication stays incomplete. The first run starts every listener five seconds late (profile
 * {@code slow-listeners}), so the kill falls between the commits and their listeners.
 */
class StoredEventsCrashIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int REPLIES = 6;

    @TempDir
    Path work;

    @Test
    void replies_acknowledged_before_a_kill_notify_their_author_exactly_once_after_the_restart() throws Exception {
        Path probe = work.resolve("probe.json");
        List<String> replyKeys = new ArrayList<>();
        try (ChildApplication first = ChildApplication.start(work, "first", ChildApplication.freePort(),
                List.of("slow-listeners", "crash-probe"), "--draftroom.test.listener-delay=8s",
                "--draftroom.test.probe-file=" + probe)) {
            String author = token(first, "editor2");
            String replier = token(first, "secretariat");
            HttpResponse<String> comment = first.call("POST", "/api/v1/projects/gbt-35273/comments", author,
                    "{\"type\":\"ge\",\"body\":\"崩溃测试的意见\"}");
            assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
            long commentId = JSON.readTree(comment.body()).get("id").asLong();
            for (int i = 1; i <= REPLIES; i++) {
                HttpResponse<String> reply = first.call("POST", "/api/v1/comments/" + commentId + "/replies",
                        replier, "{\"body\":\"答复 " + i + "\"}");
                assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
                replyKeys.add("reply:" + JSON.readTree(reply.body()).get("id").asLong());
            }
            JsonNode beforeKill = read(probe);

            assertThat(first.kill()).as("killed by SIGKILL").isEqualTo(128 + 9);

            for (String key : replyKeys) {
                assertThat(beforeKill.path("notifications").path(key).asInt(0))
                        .as("no listener had completed for %s when the application was killed", key).isZero();
            }
        }

        Files.delete(probe);
        try (ChildApplication second = ChildApplication.start(work, "second", ChildApplication.freePort(),
                List.of("crash-probe"), "--draftroom.test.probe-file=" + probe)) {
            JsonNode after = Awaitility.await("the stored events complete").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> read(probe), state -> state.get("incomplete").asLong() == 0
                            && replyKeys.stream().allMatch(k -> state.path("notifications").has(k)));

            for (String key : replyKeys) {
                assertThat(after.get("notifications").get(key).asInt()).as(key).isEqualTo(1);
            }
            System.out.printf("Killed after %d acknowledged replies with no notification written; after the restart"
                    + " %d notifications, one per reply, and %d incomplete publications%n", REPLIES,
                    replyKeys.size(), after.get("incomplete").asLong());
        }
    }

    static String token(ChildApplication app, String username) throws IOException, InterruptedException {
        HttpResponse<String> r = app.call("POST", "/api/v1/tokens", username + ":draftroom-demo",
                "{\"name\":\"crash-" + username + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("token").asText();
    }

    static JsonNode read(Path probe) throws IOException {
        return JSON.readTree(Files.readString(probe));
    }
}
