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
import java.util.Map;
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
        Path dir = work.resolve("app");
        ChildApplication first = ChildApplication.start(dir, "spring.profiles.active=test,demo,slow-listeners,crash-probe",
                "draftroom.demo.rounds=false", "draftroom.test.listener-delay=8s", "draftroom.test.probe-file=" + probe);
        try {
            first.awaitReady(Duration.ofMinutes(5));
            String author = first.token("editor2", "draftroom-demo");
            String replier = first.token("secretariat", "draftroom-demo");
            HttpResponse<String> comment = first.post("/api/v1/projects/gbt-35273/comments", author,
                    Map.of("type", "ge", "body", "崩溃测试的意见"), "zh-CN");
            assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
            long commentId = JSON.readTree(comment.body()).get("id").asLong();
            for (int i = 1; i <= REPLIES; i++) {
                HttpResponse<String> reply = first.post("/api/v1/comments/" + commentId + "/replies", replier,
                        Map.of("body", "答复 " + i), "zh-CN");
                assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
                replyKeys.add("reply:" + JSON.readTree(reply.body()).get("id").asLong());
            }
            JsonNode beforeKill = read(probe);

            first.killJvm();

            for (String key : replyKeys) {
                assertThat(beforeKill.path("notifications").path(key).asInt(0))
                        .as("no listener had completed for %s when the application was killed", key).isZero();
            }
        } finally {
            first.stop();
        }

        Files.delete(probe);
        ChildApplication second = ChildApplication.start(dir, "spring.profiles.active=test,demo,crash-probe",
                "draftroom.demo.rounds=false", "draftroom.test.probe-file=" + probe);
        try {
            second.awaitReady(Duration.ofMinutes(5));
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
        } finally {
            second.stop();
        }
    }

    static JsonNode read(Path probe) throws IOException {
        return JSON.readTree(Files.readString(probe));
    }
}
