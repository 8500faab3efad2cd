package org.draftroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The application as a real, separate process for crash tests: {@code org.draftroom.DraftroomApplication} in a child
 * JVM on the test class path (as {@code docs/crash-check.sh} runs it), with the {@code test} and {@code demo}
 * profiles, its embedded PostgreSQL and its project repositories under one directory that outlives the process, so
 * it can be killed with SIGKILL and started again on the same data. The log of every start is appended to
 * {@code app.log} in that directory.
 */
public final class ChildApplication {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path dir;
    private final int port;
    private final List<String> settings;
    private final Path repo;
    private Process process;

    private ChildApplication(Path dir, int port, List<String> settings) {
        this(dir, port, settings, dir.resolve("repo"));
    }

    private ChildApplication(Path dir, int port, List<String> settings, Path repo) {
        this.dir = dir;
        this.port = port;
        this.settings = settings;
        this.repo = repo;
    }

    /**
     * Starts a node of a cluster over {@code dir}, keeping its project repositories in {@code repo} (a directory
     * several nodes share).
     */
    public static ChildApplication startSharing(Path dir, Path repo, String... settings) throws IOException {
        ChildApplication app = new ChildApplication(dir.toAbsolutePath(), freePort(), List.of(settings),
                repo.toAbsolutePath());
        app.launch();
        return app;
    }

    /** Starts the application over {@code dir} on a free port with more {@code --name=value} settings. */
    public static ChildApplication start(Path dir, String... settings) throws IOException {
        ChildApplication app = new ChildApplication(dir.toAbsolutePath(), freePort(), List.of(settings));
        app.launch();
        return app;
    }

    /** Starts the application again on the same directory and port (after it was killed or stopped). */
    public void restart() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("still running");
        }
        launch();
    }

    private void launch() throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx640m",
                "-cp", System.getProperty("java.class.path"), DraftroomApplication.class.getName(),
                "--spring.profiles.active=test,demo", "--server.port=" + port,
                "--draftroom.data-dir=" + dir.resolve("data"), "--draftroom.drafts-repo=" + repo,
                "--draftroom.demo.large-project=false", "--vaadin.launch-browser=false"));
        settings.stream().map(s -> "--" + s).forEach(command::add);
        Path log = dir.resolve("app.log");
        Files.writeString(log, "\n==== start " + java.time.Instant.now() + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /**
     * Waits until readiness answers UP; fails at once when the process ends (a start that does not succeed the first
     * time), or after {@code timeout}.
     */
    public void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the application ended with " + process.exitValue() + " while starting:\n"
                        + logTail());
            }
            try {
                if (get("/actuator/health/readiness", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens during start-up
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within " + timeout + ":\n" + logTail());
    }

    /** SIGKILL of the JVM, as a crash or the OOM killer does; the embedded PostgreSQL is left running. */
    public void killJvm() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Ends the application as an operator does (SIGTERM: orderly shut-down). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** The postmaster of the embedded PostgreSQL, from its {@code postmaster.pid}. */
    public Optional<ProcessHandle> postgres() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("data/postgres/postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** SIGKILL of the embedded PostgreSQL's postmaster; returns its pid. */
    public long killPostgres() {
        ProcessHandle postmaster = postgres().orElseThrow(() -> new AssertionError("no PostgreSQL running"));
        postmaster.destroyForcibly();
        postmaster.onExit().join();
        return postmaster.pid();
    }

    /** A connection to the application's database as the application's role (password from the data directory). */
    public Connection database() throws IOException, SQLException {
        Properties credentials = new Properties();
        credentials.load(Files.newBufferedReader(dir.resolve("data/postgres.credentials")));
        List<String> pid = Files.readAllLines(dir.resolve("data/postgres/postmaster.pid"));
        Properties p = new Properties();
        p.setProperty("user", "draftroom");
        p.setProperty("password", credentials.getProperty("application"));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).trim() + "/draftroom", p);
    }

    /** The embedded PostgreSQL's JDBC address and the application role's password, for other nodes. */
    public String[] databaseSettings() throws IOException {
        Properties credentials = new Properties();
        credentials.load(Files.newBufferedReader(dir.resolve("data/postgres.credentials")));
        List<String> pid = Files.readAllLines(dir.resolve("data/postgres/postmaster.pid"));
        return new String[] {"spring.datasource.url=jdbc:postgresql://localhost:" + pid.get(3).trim() + "/draftroom",
                "spring.datasource.username=draftroom",
                "spring.datasource.password=" + credentials.getProperty("application")};
    }

    /** Every line of this process's log (all its starts). */
    public List<String> log() throws IOException {
        return Files.readAllLines(dir.resolve("app.log"), StandardCharsets.UTF_8);
    }

    public Path repositories() {
        return repo;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A new personal access token of this person, through {@code POST /api/v1/tokens} with HTTP Basic. */
    public String token(String username, String password) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(request("/api/v1/tokens", null).header("Authorization", basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"crash test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("no token for " + username + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("token").asText();
    }

    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String token, Map<String, ?> body, String language)
            throws IOException, InterruptedException {
        return HTTP.send(request(path, token).header("Content-Type", "application/json")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("app.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
