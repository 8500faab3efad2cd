package org.draftroom.export.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.draftroom.bench.BenchApplication;
import org.draftroom.drafts.storage.seed.LargeProjectGenerator;
import org.draftroom.security.SignedIn;
import org.draftroom.security.service.TokenService;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The PDF of the large sample project (head, 312,000 characters, 426 clauses) as a person gets it: {@code GET
 * /api/v1/projects/tc260-large-sample/export?format=pdf} over real HTTP with a bearer token, on the whole application
 * (test and demo profiles, {@code draftroom.demo.large-project=true}, which generates the project in the background at
 * start; the harness waits for it). One cold request (the first PDF in the JVM: classes, fonts, JIT), then warm ones.
 * For each request: wall time, the CPU time the whole JVM spent meanwhile (process CPU: the request's thread, GC and
 * JIT; nothing else runs in the JVM once the project is generated and indexed) and that of Tomcat's request threads
 * alone, the size, and {@code uptime} before and after.
 * Then the same version again after the cache of rendered PDFs is cleared ("warm, uncached": the real rendering work on a
 * warm JVM). Not a test: it prints its figures, which are written down in {@code docs/benchmarks.md}.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.draftroom.export.bench.PdfApiBenchmark
 * </pre>
 * {@code -Druns=N} sets the number of warm requests (default 5).
 */
public final class PdfApiBenchmark {

    private static final int RUNS = Integer.getInteger("runs", 5);
    private static final String PROJECT = LargeProjectGenerator.PROJECT_ID;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private PdfApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("uptime at start: " + uptime());
        BenchApplication.run("pdf-api-benchmark", PdfApiBenchmark::run, "--draftroom.demo.large-project=true");
    }

    private static void run(ConfigurableApplicationContext context) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        SignedIn.as(context.getBean(UserDetailsService.class), "secretariat");
        String token = context.getBean(TokenService.class).create("pdf-bench").secret();
        SignedIn.nobody();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://localhost:" + port + "/api/v1/projects/" + PROJECT;

        long waitStart = System.nanoTime();
        // The project is generated commit by commit and indexed once complete: wait for it in the project list.
        String list = "http://localhost:" + port + "/api/v1/projects";
        while (!get(http, list, token).body().contains("\"" + PROJECT + "\"")) {
            if (System.nanoTime() - waitStart > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException("The large project did not appear in 10 minutes");
            }
            Thread.sleep(1000);
        }
        // The generator goes on writing after the listing (its last commits); measure once it has finished.
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("draftroom-large-sample")) {
                thread.join(Duration.ofMinutes(10).toMillis());
            }
        }
        int characters = get(http, base + "/draft", token).body().length();
        System.out.printf("large project ready after %.1f s: %,d characters; %d cores, max heap %,d MB%n",
                (System.nanoTime() - waitStart) / 1e9, characters, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        String pdf = base + "/export?format=pdf";

        Sample cold = measure(http, pdf, token);
        System.out.printf("cold: wall %,.0f ms, process CPU %,.0f ms, request thread CPU %,.0f ms, %,d KB%n",
                cold.wallMs, cold.cpuMs, cold.requestCpuMs, cold.kb);
        List<Sample> warm = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            warm.add(measure(http, pdf, token));
        }
        print("warm (cached per version)", warm);

        List<Sample> uncached = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            context.getBean(org.draftroom.export.ExportService.class).clearCache();
            uncached.add(measure(http, pdf, token));
        }
        print("warm, cache cleared before each (rendering work)", uncached);
        System.out.println("uptime at end: " + uptime());
    }

    private record Sample(double wallMs, double cpuMs, double requestCpuMs, long kb) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of Tomcat's request threads so far: the server's own work on the requests, without GC and JIT. */
    private static long requestThreadsCpu() {
        long sum = 0;
        for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("http-nio")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static Sample measure(HttpClient http, String uri, String token) throws Exception {
        long cpu = OS.getProcessCpuTime();
        long requestCpu = requestThreadsCpu();
        long t = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                        .header("Authorization", "Bearer " + token).header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        double wall = (System.nanoTime() - t) / 1e6;
        double cpuMs = (OS.getProcessCpuTime() - cpu) / 1e6;
        double requestCpuMs = (requestThreadsCpu() - requestCpu) / 1e6;
        byte[] body = response.body();
        if (response.statusCode() != 200 || body.length < 5
                || !new String(body, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new IllegalStateException("Not a PDF: " + response.statusCode() + " "
                    + new String(body, 0, Math.min(300, body.length), StandardCharsets.UTF_8));
        }
        return new Sample(wall, cpuMs, requestCpuMs, body.length / 1024);
    }

    private static void print(String label, List<Sample> samples) {
        List<Double> wall = new ArrayList<>(samples.stream().map(Sample::wallMs).toList());
        List<Double> cpu = new ArrayList<>(samples.stream().map(Sample::cpuMs).toList());
        List<Double> request = new ArrayList<>(samples.stream().map(Sample::requestCpuMs).toList());
        Collections.sort(wall);
        Collections.sort(cpu);
        Collections.sort(request);
        System.out.printf("%s, %d runs: wall p50 %,.0f ms (min %,.0f, max %,.0f); process CPU p50 %,.0f ms (max %,.0f);"
                        + " request thread CPU p50 %,.0f ms; %,d KB; load %.1f%n", label, samples.size(),
                wall.get(wall.size() / 2), wall.get(0), wall.get(wall.size() - 1), cpu.get(cpu.size() / 2),
                cpu.get(cpu.size() - 1), request.get(request.size() / 2), samples.get(0).kb,
                OS.getSystemLoadAverage());
    }

    private static HttpResponse<String> get(HttpClient http, String uri, String token)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(uptime unavailable: " + e.getMessage() + ")";
        }
    }
}
