package org.draftroom.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.draftroom.bench.BenchApplication;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.security.Role;
import org.draftroom.security.SignedIn;
import org.draftroom.security.domain.UserForm;
import org.draftroom.security.service.TokenService;
import org.draftroom.security.service.UserService;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * {@value #REVIEWERS} reviewers comment concurrently through {@code POST /api/v1/rounds/{id}/comments} over real HTTP,
 * each about once a second for {@value #SECONDS} s, on the whole application (embedded PostgreSQL, Git, security with
 * bearer tokens). The round is opened on the GB/T 35273 sample (tag cd-1) to CN-ABC and CN-XYZ; the reviewers are
 * created in those organisations (alternately) with a token each. Comments alternate between a clause number with a
 * quote, a whole clause and a general comment. Prints p50/p95/p99/max latency and throughput; not a test, figures in
 * {@code docs/benchmarks.md}.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx512m -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.draftroom.api.bench.RoundApiBenchmark
 * </pre>
 */
public final class RoundApiBenchmark {

    private static final int REVIEWERS = Integer.getInteger("reviewers", 50);
    private static final int SECONDS = Integer.getInteger("seconds", 30);
    private static final String SAMPLE = "gbt-35273";

    private RoundApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchApplication.run("round-api-benchmark", RoundApiBenchmark::run);
    }

    private static void run(ConfigurableApplicationContext context) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        UserDetailsService users = context.getBean(UserDetailsService.class);
        RoundRepository roundRepository = context.getBean(RoundRepository.class);
        long abc = roundRepository.organisationByCode("CN-ABC").orElseThrow().id();
        long xyz = roundRepository.organisationByCode("CN-XYZ").orElseThrow().id();

        SignedIn.as(users, "secretariat");
        Round round = context.getBean(RoundLifecycleService.class).schedule(new RoundForm(SAMPLE, 9, "征求意见稿", "cd-1",
                "bench-api-round", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)),
                "", Audience.INVITED, Set.of(abc, xyz), true));

        SignedIn.as(users, "admin");
        UserService userService = context.getBean(UserService.class);
        for (int i = 0; i < REVIEWERS; i++) {
            UserForm form = new UserForm();
            form.setUsername(String.format("bench%02d", i));
            form.setDisplayName("Bench reviewer " + i);
            form.setEmail(String.format("bench%02d@example.org", i));
            form.setPassword("Bench-pass-2026!");
            form.setOrganisationId(i % 2 == 0 ? abc : xyz);
            form.setRoles(Set.of(Role.REVIEWER));
            userService.create(form);
        }
        TokenService tokenService = context.getBean(TokenService.class);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < REVIEWERS; i++) {
            SignedIn.as(users, String.format("bench%02d", i));
            tokens.add(tokenService.create("bench").secret());
        }
        SignedIn.nobody();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://localhost:" + port + "/api/v1/rounds/" + round.id() + "/comments");
        String[] bodies = {
            "{\"clauseNumber\":\"5.2\",\"quote\":\"自动采集的频次\",\"type\":\"te\",\"comment\":\"频次应可调整。%d\","
                    + "\"proposedChange\":\"增加调整频次的选项\"}",
            "{\"clauseNumber\":\"8\",\"type\":\"ed\",\"comment\":\"标题建议简化。%d\"}",
            "{\"type\":\"ge\",\"comment\":\"建议与《个人信息保护法》的术语保持一致。%d\"}"};
        // Warm-up: a few requests per reviewer kind, not measured.
        for (int i = 0; i < 20; i++) {
            send(http, uri, tokens.get(i % REVIEWERS), String.format(bodies[i % 3], -i));
        }

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger firstFailureShown = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(REVIEWERS);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(SECONDS).toNanos();
        for (int r = 0; r < REVIEWERS; r++) {
            int reviewer = r;
            Thread thread = new Thread(() -> {
                try {
                    // Spread the reviewers over the first second; then one request a second each (fixed rate).
                    long next = start + (long) (reviewer * 1e9 / REVIEWERS);
                    int n = 0;
                    while (next < end) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = send(http, uri, tokens.get(reviewer),
                                String.format(bodies[(reviewer + n) % 3], n));
                        long took = System.nanoTime() - t0;
                        if (response.statusCode() == 201) {
                            latencies.add(took);
                        } else {
                            failures.incrementAndGet();
                            if (firstFailureShown.getAndIncrement() == 0) {
                                System.out.println("first failure: " + response.statusCode() + " " + response.body());
                            }
                        }
                        n++;
                        next += 1_000_000_000L;
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            }, "reviewer-" + r);
            thread.start();
        }
        done.await();
        double wall = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%d reviewers, %d s: %,d comments created (%d failed) in %.1f s = %.1f/s%n", REVIEWERS,
                SECONDS, sorted.size(), failures.get(), wall, sorted.size() / wall);
        System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  mean %.1f%n", pct(sorted, 50),
                pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6);
    }

    private static HttpResponse<String> send(HttpClient http, URI uri, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
}
