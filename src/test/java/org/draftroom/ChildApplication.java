package org.draftroom;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The whole application in a JVM of its own (the test class path, {@link DraftroomApplication}), for tests that kill
 * it as a crash would: {@link #kill()} sends SIGKILL. Its data and repositories live in directories the test owns, so
 * the next {@link #start} finds what the killed one left.
 */
public final class ChildApplication implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path dataDir;

    private ChildApplication(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts the application with the demo accounts and waits until it signs people in (a token is issued to
     * {@code editor1}; at most five minutes).
     *
     * @param work directory holding {@code data} and {@code drafts-repo}; the log goes to {@code <name>.log}
     * @param profiles extra profiles beside {@code demo}
     * @param args more {@code --name=value} settings
     */
    public static ChildApplication start(Path work, String name, int port, List<String> profiles, String... args)
            throws IOException {
        Path dataDir = work.resolve("data");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), DraftroomApplication.class.getName(),
                "--server.port=" + port, "--draftroom.data-dir=" + dataDir,
                "--draftroom.drafts-repo=" + work.resolve("drafts-repo"),
                "--draftroom.demo.seed-dir=" + Path.of("drafts-repo/seed").toAbsolutePath(),
                "--draftroom.demo.large-project=false", "--draftroom.demo.rounds=false",
                "--spring.profiles.active=" + String.join(",", concat("demo", profiles))));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(name + ".log").toFile())).start();
        ChildApplication app = new ChildApplication(process, port, dataDir);
        Awaitility.await(name + " signs people in").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " stopped; see " + work.resolve(name + ".log"));
                    }
                    return app.signsIn();
                });
        return app;
    }

    /** @return the port the application listens on */
    public int port() {
        return port;
    }

    /** A JSON request with a bearer token or Basic credentials ({@code user:password}); returns status and body. */
    public HttpResponse<String> call(String method, String path, String authorization, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization.contains(":")
                    ? "Basic " + Base64.getEncoder().encodeToString(authorization.getBytes(StandardCharsets.UTF_8))
                    : "Bearer " + authorization);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean signsIn() {
        try {
            return call("POST", "/api/v1/tokens", "editor1:draftroom-demo", "{\"name\":\"ready\"}")
                    .statusCode() == 201;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Kills the application with SIGKILL, as a crash would, and then stops the embedded PostgreSQL it started if it
     * outlived it (its process is recorded in {@code data/postgres/postmaster.pid}).
     *
     * @return the exit status (137 for SIGKILL)
     */
    public int kill() throws InterruptedException, IOException {
        process.destroyForcibly();
        int status = process.waitFor();
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            Optional<ProcessHandle> postgres = ProcessHandle.of(pid);
            if (postgres.isPresent()) {
                // SIGINT: PostgreSQL's fast shutdown (the killed JVM's connections are gone anyway).
                new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
                postgres.get().onExit().orTimeout(60, TimeUnit.SECONDS).join();
            }
        }
        return status;
    }

    /** Stops the application as an operator does (SIGTERM) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A port free right now (the operating system's choice). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
