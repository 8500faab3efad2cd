package org.draftroom.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.draftroom.ChildApplication;
import org.junit.jupiter.api.Test;

/**
 * Crashes as an operator meets them, with real processes: the application runs as a child JVM, and the test kills it
 * or its PostgreSQL with SIGKILL.
 */
class CrashRecoveryIT {

    private static final Duration START = Duration.ofMinutes(4);

    @Test
    void readiness_waits_for_the_demo_data_and_a_start_after_a_killed_jvm_or_a_killed_jvm_and_database_succeeds_the_first_time()
            throws Exception {
        // a supervisor that looks often, so that it surely looks while an orderly stop is under way (at the end)
        ChildApplication app = ChildApplication.start(Files.createTempDirectory(Path.of("target"), "crash-"),
                "draftroom.database.supervise-interval=50ms");
        try {
            // the first moment health or readiness says UP, the demo accounts and projects must be there
            long deadline = System.nanoTime() + START.toNanos();
            boolean up = false;
            while (!up && System.nanoTime() < deadline) {
                assertThat(app.alive()).as("the application is running").isTrue();
                up = answers200(app, "/actuator/health") || answers200(app, "/actuator/health/readiness");
                if (!up) {
                    Thread.sleep(50);
                }
            }
            assertThat(up).as("ready within " + START).isTrue();
            String token = app.token("editor2", "draftroom-demo");
            assertThat(app.get("/api/v1/projects", token).body()).contains("gbt-35273");
            assertThat(app.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);

            long postgres = app.postgres().orElseThrow().pid();
            app.killJvm();
            assertThat(ProcessHandle.of(postgres).map(ProcessHandle::isAlive)).as("PostgreSQL outlived the JVM")
                    .contains(true);
            app.restart();
            app.awaitReady(START);
            assertThat(ProcessHandle.of(postgres).map(ProcessHandle::isAlive).orElse(false))
                    .as("the leftover server was stopped").isFalse();
            assertThat(app.get("/api/v1/me", token).statusCode()).as("data kept").isEqualTo(200);

            long second = app.postgres().orElseThrow().pid();
            app.killJvm();
            ProcessHandle.of(second).ifPresent(ProcessHandle::destroyForcibly);
            app.restart();
            app.awaitReady(START);
            assertThat(app.get("/api/v1/me", token).statusCode()).isEqualTo(200);

            // an orderly stop (SIGTERM) stops the server too: the supervisor does not start it again meanwhile
            long third = app.postgres().orElseThrow().pid();
            app.stop();
            Awaitility.await("the server stops with the application").atMost(Duration.ofSeconds(30))
                    .until(() -> !ProcessHandle.of(third).map(ProcessHandle::isAlive).orElse(false));
            Awaitility.await("no PostgreSQL left on the data directory").during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10)).until(() -> app.postgres().isEmpty());
        } finally {
            app.stop();
        }
    }

    @Test
    void when_postgresql_dies_health_is_down_within_a_second_the_api_answers_503_and_it_reconnects_when_the_server_returns()
            throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "outage-");
        // no supervisor restart during the test: the server comes back when the test starts it, as an external one
        ChildApplication app = ChildApplication.start(dir, "draftroom.database.supervise-interval=1h");
        try {
            app.awaitReady(START);
            String token = app.token("editor2", "draftroom-demo");
            String comments = "/api/v1/projects/gbt-35273/comments";
            assertThat(app.post(comments, token, Map.of("type", "ge", "body", "before"), "en").statusCode())
                    .isEqualTo(201);
            int port = Integer.parseInt(Files.readAllLines(dir.resolve("data/postgres/postmaster.pid")).get(3).trim());

            app.killPostgres();
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                HttpResponse<String> health = app.get("/actuator/health", null);
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("DOWN");
                assertThat(millis).as("health answered in ms").isLessThan(1000);
            }
            assertThat(app.get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
            assertThat(app.get("/actuator/health/liveness", null).statusCode()).as("liveness stays UP").isEqualTo(200);
            HttpResponse<String> refused = app.post(comments, token, Map.of("type", "ge", "body", "during"), "zh-CN");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).get().asString().contains("application/json");
            assertThat(ChildApplication.json(refused).get("error").asText()).isEqualTo("database_unavailable");
            assertThat(ChildApplication.json(refused).get("message").asText()).contains("数据库");
            HttpResponse<String> english = app.get("/api/v1/me", token);
            assertThat(english.statusCode()).isEqualTo(503);
            assertThat(ChildApplication.json(english).get("message").asText()).contains("database");

            // started again from outside the application, as an operator restarts an external server
            String postgresBinary = Files.readString(dir.resolve("data/postgres/postmaster.opts")).split(" ")[0];
            Path log = dir.resolve("pg_ctl.log");
            pgCtl(Path.of(postgresBinary).resolveSibling("pg_ctl"), log, "-D", dir.resolve("data/postgres").toString(),
                    "-l", log.toString(), "-o", "-p " + port + " -c unix_socket_directories=''", "-w", "-t", "120",
                    "start");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status = 0;
            while (status != 201 && System.nanoTime() < deadline) {
                status = app.post(comments, token, Map.of("type", "ge", "body", "after"), "en").statusCode();
            }
            assertThat(status).as("the same JVM writes again").isEqualTo(201);
            assertThat(app.get(comments + "?limit=500", token).body()).contains("before").contains("after");
            assertThat(app.get("/actuator/health", null).statusCode()).isEqualTo(200);
        } finally {
            app.stop();
            EmbeddedDatabase.stopLeftovers(dir.resolve("data/postgres"));
        }
    }

    /** Runs pg_ctl; its output (and the server's, for start) goes to {@code log}, which it must not hold open. */
    private static void pgCtl(Path pgCtl, Path log, String... arguments) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(java.util.List.of("unshare", "-U")); // PostgreSQL refuses root, as the library knows too
        }
        command.add(pgCtl.toString());
        command.addAll(java.util.List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        assertThat(p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).as("pg_ctl ended").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    }

    private static boolean answers200(ChildApplication app, String path) {
        try {
            return app.get(path, null).statusCode() == 200;
        } catch (Exception notListeningYet) {
            return false;
        }
    }
}
