package org.draftroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.draftroom.editing.service.CoEditingService;
import org.draftroom.editing.service.SilentListener;
import org.draftroom.editing.sync.ClientSync;
import org.draftroom.editing.sync.SyncCodec;
import org.draftroom.editing.sync.SyncLimits;
import org.draftroom.security.SignedIn;
import org.draftroom.security.service.TokenService;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The cost of durability: the same load on the whole application with the embedded PostgreSQL as it runs now
 * ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes} on) and with the library's test settings the
 * application used before ({@code fsync} and {@code synchronous_commit} off), in one run, alternating
 * {@code -Drepeats=N} times (default 1) so that a change of machine load hits both alike.
 * <ul>
 * <li>comments: {@value #WRITERS} writers (half editor2, half the secretariat, a token each) post general comments on
 *     GB/T 35273 through {@code POST /api/v1/projects/{id}/comments} over real HTTP, each once a second for
 *     {@code -Dseconds} s (default 30);</li>
 * <li>live sync: {@code -Deditors} (default 10) editors, each in a clause of its own, type 2 characters every
 *     250 ms and sync through {@link CoEditingService#sync} (the server path of the browser's messages: access check,
 *     journal written before the answer), for the same time.</li>
 * </ul>
 * Prints p50/p95/p99 per setting; not a test, figures in {@code docs/benchmarks.md}.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx768m -cp target/test-classes:target/classes:$(cat target/cp.txt) org.draftroom.bench.DurabilityBenchmark
 * </pre>
 */
public final class DurabilityBenchmark {

    private static final int WRITERS = Integer.getInteger("writers", 50);
    private static final int EDITORS = Integer.getInteger("editors", 10);
    private static final int SECONDS = Integer.getInteger("seconds", 30);
    private static final int REPEATS = Integer.getInteger("repeats", 1);
    private static final String PROJECT = "gbt-35273";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DurabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String[]> settings = new java.util.LinkedHashMap<>();
        settings.put("durable (fsync, synchronous_commit, full_page_writes on)", new String[0]);
        settings.put("before (fsync off, synchronous_commit off)", new String[] {
            "--draftroom.database.server-settings.fsync=off",
            "--draftroom.database.server-settings.synchronous-commit=off"});
        List<String> report = new ArrayList<>();
        for (int r = 0; r < REPEATS; r++) {
            for (Map.Entry<String, String[]> s : settings.entrySet()) {
                ConfigurableApplicationContext context = BenchApplication.start("durability-benchmark", s.getValue());
                try {
                    String fsync = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("show fsync").query(String.class).single();
                    report.add(s.getKey() + " [fsync=" + fsync + "]");
                    report.add("  " + comments(context));
                    report.add("  " + liveSync(context));
                } finally {
                    context.close();
                }
            }
        }
        System.out.println();
        report.forEach(System.out::println);
        System.exit(0);
    }

    private static String comments(ConfigurableApplicationContext context) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        UserDetailsService users = context.getBean(UserDetailsService.class);
        TokenService tokenService = context.getBean(TokenService.class);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            SignedIn.as(users, i % 2 == 0 ? "editor2" : "secretariat");
            tokens.add(tokenService.create("bench " + i).secret());
        }
        SignedIn.nobody();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://localhost:" + port + "/api/v1/projects/" + PROJECT + "/comments");
        for (int i = 0; i < 40; i++) {
            send(http, uri, tokens.get(i % WRITERS), "warm-up " + i);
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(WRITERS);
        long start = System.nanoTime();
        long end = start + SECONDS * 1_000_000_000L;
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                try {
                    long next = start + (long) (writer * 1e9 / WRITERS);
                    for (int n = 0; next < end; n++, next += 1_000_000_000L) {
                        sleepUntil(next);
                        long t0 = System.nanoTime();
                        int status = send(http, uri, tokens.get(writer), "写入 " + writer + "/" + n).statusCode();
                        if (status == 201) {
                            latencies.add(System.nanoTime() - t0);
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, "writer-" + w);
            thread.start();
        }
        done.await();
        return String.format("comments, %d writers x 1/s: %s (%d failed)", WRITERS, summary(latencies),
                failures.get());
    }

    private static String liveSync(ConfigurableApplicationContext context) throws Exception {
        CoEditingService service = context.getBean(CoEditingService.class);
        UserDetailsService users = context.getBean(UserDetailsService.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        SignedIn.as(users, "editor2");
        String token = context.getBean(TokenService.class).create("bench outline").secret();
        SignedIn.nobody();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode outline = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/projects/" + PROJECT + "/outline")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<String> clauses = new ArrayList<>();
        outline.get("clauses").forEach(c -> clauses.add(c.get("id").asText()));
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(EDITORS);
        long start = System.nanoTime();
        long end = start + SECONDS * 1_000_000_000L;
        for (int e = 0; e < EDITORS; e++) {
            int editor = e;
            Thread thread = new Thread(() -> {
                try {
                    SignedIn.as(users, editor % 2 == 0 ? "editor2" : "secretariat");
                    String clientId = service.connect(PROJECT, new SilentListener());
                    ClientSync client = new ClientSync(service.open(clientId,
                            clauses.get(editor % clauses.size())).snapshot(), SyncLimits.DEFAULT);
                    long next = start + (long) (editor * 250e6 / EDITORS);
                    for (; next < end; next += 250_000_000L) {
                        sleepUntil(next);
                        client.edit(client.text().length(), 0, "字x");
                        String message = SyncCodec.encode(client.nextMessage());
                        long t0 = System.nanoTime();
                        String answer = service.sync(clientId, message);
                        latencies.add(System.nanoTime() - t0);
                        if (answer.startsWith(CoEditingService.REFUSED)) {
                            failures.incrementAndGet();
                        } else {
                            client.receive(SyncCodec.decodeServer(answer, SyncLimits.DEFAULT));
                        }
                    }
                    service.disconnect(clientId);
                } catch (Exception ex) {
                    failures.incrementAndGet();
                    ex.printStackTrace();
                } finally {
                    SignedIn.nobody();
                    done.countDown();
                }
            }, "editor-" + e);
            thread.start();
        }
        done.await();
        return String.format("live sync, %d editors x 4/s: %s (%d refused)", EDITORS, summary(latencies),
                failures.get());
    }

    private static HttpResponse<String> send(HttpClient http, URI uri, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("type", "ge",
                        "body", body)))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static String summary(ConcurrentLinkedQueue<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("n=%d p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.size(),
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
