package org.draftroom.comments.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.draftroom.ChildApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comment re-anchoring survives a crash: a version committed (Git and database) whose re-anchoring had not run when
 * the application was killed with SIGKILL is re-anchored after the restart, exactly once. In the first run a listener
 * that runs just before re-anchoring waits half a minute (profile {@code slow-reanchoring}), and the kill falls into
 * that wait.
 */
class ReanchoringCrashIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void a_version_committed_before_a_kill_re_anchors_its_comments_exactly_once_after_the_restart() throws Exception {
        Path probe = work.resolve("probe.json");
        Path commitFile = work.resolve("commit.txt");
        String[] files = {"draftroom.test.probe-file=" + probe, "draftroom.test.commit-file=" + commitFile,
                "draftroom.test.comment-file=" + work.resolve("comment.txt")};
        String committed;
        Path dir = work.resolve("app");
        ChildApplication first = ChildApplication.start(dir, concat(files,
                "spring.profiles.active=test,demo,slow-reanchoring,crash-saves,reanchoring-probe", "draftroom.demo.rounds=false",
                "draftroom.test.listener-delay=30s"));
        try {
            first.awaitReady(Duration.ofMinutes(5));
            committed = Awaitility.await("the rewriting version is committed").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200)).until(() -> Files.exists(commitFile)
                            ? Files.readString(commitFile).trim() : "", id -> !id.isEmpty());
            JsonNode beforeKill = Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> JSON.readTree(Files.readString(probe)), s -> s.get("head").asText().equals(committed));

            first.killJvm();

            assertThat(beforeKill.get("status").asText()).as("not re-anchored when killed").isEqualTo("ANCHORED");
            assertThat(beforeKill.get("placedIn").asText()).isNotEqualTo(committed);
            assertThat(beforeKill.get("reanchored").asInt()).isZero();
        } finally {
            first.stop();
        }

        Files.delete(probe);
        ChildApplication second = ChildApplication.start(dir, concat(files,
                "spring.profiles.active=test,demo,slow-reanchoring,reanchoring-probe", "draftroom.demo.rounds=false"));
        try {
            second.awaitReady(Duration.ofMinutes(5));
            JsonNode after = Awaitility.await("the stored event completes").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> JSON.readTree(Files.readString(probe)),
                            s -> s.get("incomplete").asLong() == 0 && s.get("placedIn").asText().equals(committed));

            assertThat(after.get("head").asText()).isEqualTo(committed);
            assertThat(after.get("status").asText()).isEqualTo("OUTDATED");
            assertThat(after.get("reanchored").asInt()).as("re-anchored exactly once").isEqualTo(1);
            System.out.printf("Killed after version %s was committed and before its re-anchoring; after the restart the"
                    + " comment is %s in it, re-anchored %d time(s), %d incomplete publications%n", committed,
                    after.get("status").asText(), after.get("reanchored").asInt(), after.get("incomplete").asLong());
        } finally {
            second.stop();
        }
    }

    static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
