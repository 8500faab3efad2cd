package org.draftroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.draftroom.base.ui.MalformedMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile corpus uploaded as a stranger would, through HTTP, into the application running in a JVM of its own
 * with a 256 MB heap: every file is refused with its message, the JVM stays up, and other requests are answered
 * within a second throughout. Also the upload limits: a legitimate 3 MB sheet is read (Spring's default 1 MB limit
 * refused it with a server error), a sheet over 10 MB is refused naming the limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileUploadsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicLong maxUsedHeap = new AtomicLong();
    /** Lines the server has written to its log (heap reports not counted). */
    private final AtomicLong serverLines = new AtomicLong();
    private Process server;
    private int port;
    private String token;
    private long roundId;

    @BeforeAll
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                HostileServer.class.getName(), String.valueOf(port)).redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else if (line.startsWith("HEAP ")) {
                        String[] parts = line.split("[ =]");
                        maxUsedHeap.accumulateAndGet(Long.parseLong(parts[2]), Math::max);
                        peakHeap.accumulateAndGet(Long.parseLong(parts[4]), Math::max);
                    } else {
                        serverLines.incrementAndGet();
                        System.out.println("[server] " + line);
                    }
                }
            } catch (IOException e) {
                // the server ended
            }
        }, "hostile-server-output");
        reader.setDaemon(true);
        reader.start();
        assertThat(ready.await(4, TimeUnit.MINUTES)).as("the server started").isTrue();
        token = ApiTokens.issue(port, "reviewer1", "draftroom-demo", "hostile");
        JsonNode rounds = JSON.readTree(get("/api/v1/rounds").body());
        for (JsonNode r : rounds) {
            if (r.get("state").asText().equals("OPEN")) {
                roundId = r.get("id").asLong();
            }
        }
        assertThat(roundId).as("an open demo round for reviewer1").isPositive();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void every_hostile_sheet_is_refused_with_its_message_while_the_server_keeps_answering_within_a_second()
            throws Exception {
        List<HostileFiles.Hostile> corpus = new ArrayList<>(HostileFiles.stored());
        corpus.addAll(HostileFiles.large());
        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicLong slowest = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> watcher = pool.submit(() -> {
                while (attacking.get()) {
                    long start = System.nanoTime();
                    HttpResponse<String> me = get("/api/v1/me");
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    assertThat(me.statusCode()).isEqualTo(200);
                    slowest.accumulateAndGet(ms, Math::max);
                    answered.incrementAndGet();
                    Thread.sleep(100);
                }
                return null;
            });
            Map<String, String> outcomes = new ConcurrentHashMap<>();
            List<Future<?>> uploads = new ArrayList<>();
            // two attackers at once (the server reads two sheets at a time), each file twice
            for (int attacker = 0; attacker < 2; attacker++) {
                uploads.add(pool.submit(() -> {
                    for (HostileFiles.Hostile h : corpus) {
                        HttpResponse<String> r = upload(h.name(), h.bytes(), true);
                        outcomes.put(h.name(), r.statusCode() + " " + r.body());
                        assertThat(r.statusCode()).as(h + ": " + r.body()).isEqualTo(400);
                        String message = JSON.readTree(r.body()).get("message").asText();
                        assertThat(message).as(h.toString()).contains(h.name()).contains(h.expected());
                        assertThat(message).as(h.toString()).doesNotContain("root:");
                    }
                    return null;
                }));
            }
            for (Future<?> u : uploads) {
                u.get(10, TimeUnit.MINUTES);
            }
            attacking.set(false);
            watcher.get(1, TimeUnit.MINUTES);
            assertThat(outcomes).hasSize(corpus.size());
        } finally {
            attacking.set(false);
            pool.shutdownNow();
        }
        assertThat(server.isAlive()).as("the server JVM is alive").isTrue();
        assertThat(get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(answered.get()).isPositive();
        assertThat(slowest.get()).as("slowest GET /api/v1/me during the attack, ms").isLessThan(1000);
        System.out.printf("hostile corpus at -Xmx256m: %d files x2, heap used at most %d MB, sum of pool peaks %d MB,"
                + " slowest /api/v1/me %d ms over %d requests%n", corpus.size(), maxUsedHeap.get() >> 20,
                peakHeap.get() >> 20, slowest.get(), answered.get());
    }

    @Test
    void a_legitimate_three_megabyte_sheet_is_read_and_one_over_ten_megabytes_is_refused_naming_the_limit()
            throws Exception {
        HttpResponse<String> ok = upload("large.xlsx", sheetWithAttachment(3 * 1024 * 1024), true);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("rows")).hasSize(1);

        HttpResponse<String> over = upload("too-large.xlsx", sheetWithAttachment(10 * 1024 * 1024 + 300_000), true);
        assertThat(over.statusCode()).as(over.body()).isEqualTo(413);
        assertThat(JSON.readTree(over.body()).get("message").asText())
                .isEqualTo("\"too-large.xlsx\" is too large: a comment sheet may have at most 10 MB (also once "
                        + "unpacked).");

        HttpResponse<String> far = upload("far-too-large.xlsx", new byte[12 * 1024 * 1024], true);
        assertThat(far.statusCode()).as(far.body()).isEqualTo(413);
        assertThat(JSON.readTree(far.body()).get("message").asText())
                .isEqualTo("The upload is larger than the server accepts (11 MB).");
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void sheets_beyond_two_read_at_once_are_refused_as_busy_and_read_once_the_others_are_done() throws Exception {
        byte[] big = HostileFiles.manyRows(100_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "sheet-" + i + ".xlsx";
                sent.add(pool.submit(() -> upload(name, big, true)));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : sent) {
                answers.add(f.get(5, TimeUnit.MINUTES));
            }
            List<HttpResponse<String>> busy = answers.stream().filter(r -> r.statusCode() == 503).toList();
            assertThat(busy).as("four 5-second reads at once, two allowed").isNotEmpty();
            assertThat(answers).as("the others are read").anyMatch(r -> r.statusCode() == 400
                    && r.body().contains("holds more than 5,000 comments"));
            assertThat(busy.get(0).headers().firstValue("Retry-After")).hasValue("30");
            assertThat(JSON.readTree(busy.get(0).body()).get("message").asText())
                    .isEqualTo("Too many comment sheets are being read right now. Try again in a minute.");
            assertThat(upload("after.xlsx", sheetWithAttachment(1024), true).statusCode()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void huge_vaadin_messages_from_a_visitor_who_has_not_signed_in_are_refused_and_the_server_stays_up()
            throws Exception {
        // Anyone who opens the sign-in page has a Vaadin UI and may send it messages (before the limit, one message of
        // 270 MB ended in an OutOfMemoryError at a 512 MB heap). Here the heap is 256 MB.
        CookieManager cookies = new CookieManager();
        HttpClient visitor = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .build();
        String init = signInPage(visitor);
        assertThat(JSON.readTree(init).path("appConfig").path("v-uiId").isInt()).as(init).isTrue();
        String session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .findFirst().orElseThrow().getValue();

        // A message announcing 300 MB is answered 413 before its body is read.
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /?v-r=uidl&v-uiId=0 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Cookie: JSESSIONID=" + session + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (300L << 20) + "\r\n\r\n{\"csrfToken\":\"").getBytes(StandardCharsets.UTF_8));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            assertThat(status).isEqualTo("HTTP/1.1 413 ");
        }

        // Two messages of 300 MB streamed at once without a length are cut off at the limit.
        long size = 300L << 20;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(pool.submit(() -> {
                    try {
                        return visitor.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + "/?v-r=uidl&v-uiId=0")).header("Content-Type", "application/json")
                                .timeout(Duration.ofMinutes(2))
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> spaces(size))).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException refusedMidway) {
                        return -1;
                    }
                }));
            }
            for (Future<Integer> f : sent) {
                assertThat(f.get(3, TimeUnit.MINUTES)).as("answer to 300 MB streamed (-1: connection closed)")
                        .isNotEqualTo(500);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.isAlive()).as("the server JVM is alive").isTrue();
        assertThat(get("/api/v1/me").statusCode()).isEqualTo(200);

        // Over the push websocket: a message announcing 300 MB, sent in frames of 16 KB (Vaadin collects the frames of
        // one message until the announced length has come). The server closes the connection at the limit.
        String pushId = JSON.readTree(init).path("appConfig").path("uidl").path("Vaadin-Push-ID").asText();
        assertThat(pushId).as(init).isNotBlank();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = pushSocket(visitor, pushId, closed);
        String frame = " ".repeat(16_000);
        long announced = 300L << 20;
        long sentChars = 0;
        try {
            socket.sendText(announced + "|" + frame, true).get(30, TimeUnit.SECONDS);
            sentChars += frame.length();
            while (sentChars < announced && !closed.isDone()) {
                socket.sendText(frame, true).get(30, TimeUnit.SECONDS);
                sentChars += frame.length();
            }
        } catch (java.util.concurrent.ExecutionException refused) {
            // the server closed the connection while frames were still being sent
        }
        closed.get(30, TimeUnit.SECONDS);
        assertThat(sentChars).as("characters sent before the server closed the connection").isLessThan(announced);
        assertThat(server.isAlive()).as("the server JVM is alive").isTrue();
        assertThat(get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(maxUsedHeap.get()).as("heap in use at most").isLessThan(240L << 20);
    }

    @Test
    void push_messages_without_a_length_or_json_from_a_visitor_are_refused_with_one_log_line_and_the_connection_closed()
            throws Exception {
        // Vaadin reads a websocket message's "length|" prefix one character at a time, copying what it read so far
        // each time, and logged every malformed message with its whole text and stack trace: frames of 16,000
        // characters without a "|" cost the server a quadratic parse each and filled its log.
        CookieManager cookies = new CookieManager();
        HttpClient visitor = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .build();
        String init = signInPage(visitor);
        String pushId = JSON.readTree(init).path("appConfig").path("uidl").path("Vaadin-Push-ID").asText();
        assertThat(pushId).as(init).isNotBlank();
        Thread.sleep(1000); // the server's log of the visit, before counting
        long linesBefore = serverLines.get();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = pushSocket(visitor, pushId, closed);
        String frame = "x".repeat(16_000);
        int frames = 0;
        try {
            while (frames < 200 && !closed.isDone()) {
                socket.sendText(frame, true).get(30, TimeUnit.SECONDS);
                frames++;
            }
        } catch (java.util.concurrent.ExecutionException refused) {
            // the server closed the connection while frames were still being sent
        }
        assertThat(closed.get(30, TimeUnit.SECONDS)).as("the server closed the connection").isNotNull();
        assertThat(frames).as("frames sent before the server closed the connection").isLessThan(200);
        Thread.sleep(1000); // what the server still logs about it
        assertThat(serverLines.get() - linesBefore).as("lines the server logged about it").isLessThanOrEqualTo(2);

        // With the prefix right but no JSON in it ("5|xxxxx"): before, each wrote a 43-line error and the connection
        // stayed open. (These are small enough for all 50 to be on their way before the close arrives: the server
        // drops them unread.)
        linesBefore = serverLines.get();
        CompletableFuture<Integer> closedAgain = new CompletableFuture<>();
        WebSocket again = pushSocket(visitor, pushId, closedAgain);
        int messages = 0;
        try {
            while (messages < 50 && !closedAgain.isDone()) {
                again.sendText("5|xxxxx", true).get(30, TimeUnit.SECONDS);
                messages++;
            }
        } catch (java.util.concurrent.ExecutionException refused) {
            // the server closed the connection while messages were still being sent
        }
        assertThat(closedAgain.get(30, TimeUnit.SECONDS)).as("the server closed the connection").isNotNull();
        Thread.sleep(1000);
        assertThat(serverLines.get() - linesBefore).as("lines the server logged about it").isLessThanOrEqualTo(2);
        assertThat(server.isAlive()).as("the server JVM is alive").isTrue();
        assertThat(get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void json_push_messages_vaadin_cannot_take_cost_a_visitor_their_session_after_a_few_log_lines() throws Exception {
        // Valid JSON, but not what Vaadin's client sends: no fields, a wrong token, "rpc" not a list, an unknown event
        // type or node, a message id out of turn. Before, each wrote a stack trace of about 40 lines (20 messages
        // "{}" wrote 800 lines). Now a few one-line warnings, then the session is closed and whatever else comes on
        // the connection is dropped unread.
        List<java.util.function.Function<String, String>> kinds = List.of(
                key -> "{}",
                key -> "{\"csrfToken\":\"" + key + "\",\"rpc\":\"x\",\"syncId\":0,\"clientId\":0}",
                key -> "{\"csrfToken\":\"" + key + "\",\"rpc\":[{\"type\":\"bogus\"}],\"syncId\":0,\"clientId\":0}",
                key -> "{\"csrfToken\":\"" + key + "\",\"rpc\":[{\"type\":\"event\",\"node\":99999,"
                        + "\"event\":\"click\"}],\"syncId\":0,\"clientId\":0}",
                key -> "{\"csrfToken\":\"" + key + "\",\"rpc\":[],\"syncId\":0,\"clientId\":77}");
        for (var kind : kinds) {
            HttpClient visitor = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            JsonNode uidl = JSON.readTree(signInPage(visitor)).path("appConfig").path("uidl");
            String message = kind.apply(uidl.path("Vaadin-Security-Key").asText());
            Thread.sleep(1000); // the server's log of the visit, before counting
            long linesBefore = serverLines.get();
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            WebSocket socket = pushSocket(visitor, uidl.path("Vaadin-Push-ID").asText(), closed);
            int sent = 0;
            try {
                while (sent < 40 && !closed.isDone()) {
                    socket.sendText(message.length() + "|" + message, true).get(30, TimeUnit.SECONDS);
                    sent++;
                    Thread.sleep(20);
                }
            } catch (java.util.concurrent.ExecutionException refused) {
                // the server closed the connection while messages were still being sent
            }
            assertThat(sent).as("messages sent").isPositive();
            Thread.sleep(1000); // what the server still logs about it
            assertThat(serverLines.get() - linesBefore).as("lines the server logged about " + message)
                    .isLessThanOrEqualTo(MalformedMessages.LIMIT + 2);
            socket.abort();
        }
        assertThat(server.isAlive()).as("the server JVM is alive").isTrue();
        assertThat(get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void uidl_requests_vaadin_cannot_take_cost_a_visitor_their_session_after_a_few_log_lines() throws Exception {
        // The same messages as plain requests (Vaadin's XHR transport), and one that is not JSON at all.
        for (String kind : List.of("{}", "rpc not a list", "message id out of turn", "not json")) {
            HttpClient visitor = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String key = JSON.readTree(signInPage(visitor)).path("appConfig").path("uidl")
                    .path("Vaadin-Security-Key").asText();
            String body = switch (kind) {
                case "rpc not a list" -> "{\"csrfToken\":\"" + key + "\",\"rpc\":\"x\",\"syncId\":0,\"clientId\":0}";
                case "message id out of turn" ->
                        "{\"csrfToken\":\"" + key + "\",\"rpc\":[],\"syncId\":0,\"clientId\":77}";
                case "not json" -> "not json";
                default -> kind;
            };
            Thread.sleep(1000); // the server's log of the visit, before counting
            long linesBefore = serverLines.get();
            for (int i = 0; i < 20; i++) {
                visitor.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?v-r=uidl&v-uiId=0"))
                                .header("Content-Type", "application/json; charset=UTF-8")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            Thread.sleep(1000);
            assertThat(serverLines.get() - linesBefore).as("lines the server logged about 20 × " + kind)
                    .isLessThanOrEqualTo(MalformedMessages.LIMIT + 2);
        }
    }

    /** Opens the sign-in page's UI as a visitor who has not signed in; Vaadin's init answer. */
    private String signInPage(HttpClient visitor) throws IOException, InterruptedException {
        return visitor.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/?v-r=init&location=login&query=")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The UI's push websocket, as Vaadin's client opens it; {@code closed} gets the close code (-1 on an error). */
    private WebSocket pushSocket(HttpClient visitor, String pushId, CompletableFuture<Integer> closed)
            throws Exception {
        return visitor.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port
                        + "/VAADIN/push?v-r=push&v-uiId=0&v-pushId=" + pushId + "&X-Atmosphere-tracking-id=0"
                        + "&X-Atmosphere-Framework=3.1.5-javascript&X-Atmosphere-Transport=websocket"
                        + "&X-Atmosphere-TrackMessageSize=true&Content-Type=application/json;%20charset=UTF-8"
                        + "&X-atmo-protocol=true"),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closed.complete(-1);
                    }
                }).get(30, TimeUnit.SECONDS);
    }

    private static java.io.InputStream spaces(long size) {
        return new java.io.InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                left -= n;
                return n;
            }
        };
    }

    /** A valid Chinese form with one comment and an incompressible picture making the file that large. */
    private static byte[] sheetWithAttachment(int size) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet();
            String[][] rows = {{"序号", "章节号", "修改后内容", "理由"}, {"1", "", "补充", "便于理解"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            byte[] noise = new byte[size];
            new Random(5).nextBytes(noise);
            wb.addPicture(noise, XSSFWorkbook.PICTURE_TYPE_PNG);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en")
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String name, byte[] bytes, boolean dryRun) throws IOException,
            InterruptedException {
        String boundary = "----hostile" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/rounds/" + roundId
                        + "/sheets?dryRun=" + dryRun)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
