package org.draftroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.draftroom.DraftroomApplication;
import org.draftroom.editing.service.CoEditingService;
import org.draftroom.editing.service.SilentListener;
import org.draftroom.editing.sync.ClientSync;
import org.draftroom.editing.sync.SyncCodec;
import org.draftroom.editing.sync.SyncLimits;
import org.draftroom.security.SignedIn;
import org.draftroom.security.service.TokenService;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What one request costs, for capacity planning ({@code docs/scaling.md}), and what the cluster machinery costs a
 * single node ({@code docs/benchmarks.md}, section "cluster"). Runs the whole application twice in one JVM, each on a
 * fresh data directory with the GB/T 35273 sample: as one node (the default) and with {@code
 * draftroom.cluster.enabled=true} (one node of a cluster: shared journal catch-up, advisory locks, presence rows,
 * NOTIFY). Per setting and per kind of request, requests are sent one after another ({@code -Drequests=N}, default
 * 300, after 50 not measured), and measured are: wall time per request (p50, p95), the JVM's CPU time per request
 * (server and client in one process: the client is a plain HTTP client, a small part), and on the database side the
 * statements executed and round trips made (statement executions plus commits and rollbacks, counted by a wrapper
 * around the connection pool) and transactions (PostgreSQL's {@code pg_stat_database}).
 * <ul>
 * <li>read frozen draft: {@code GET /api/v1/projects/gbt-35273/draft} (a reviewer reading the text);</li>
 * <li>comment: {@code POST /api/v1/projects/gbt-35273/comments} (general comment);</li>
 * <li>live sync: {@link CoEditingService#sync} with 2 characters typed (the browser's message, server path).</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx768m -cp target/test-classes:target/classes:$(cat target/cp.txt) org.draftroom.bench.ClusterCostBenchmark
 * </pre>
 */
public final class ClusterCostBenchmark {

    private static final int REQUESTS = Integer.getInteger("requests", 300);
    private static final int REPEATS = Integer.getInteger("repeats", 2);
    private static final String PROJECT = "gbt-35273";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicLong STATEMENTS = new AtomicLong();
    static final AtomicLong ROUND_TRIPS = new AtomicLong();

    private ClusterCostBenchmark() {
    }

    /** Wraps the application's pool so that every statement and commit is counted. */
    @Configuration
    static class Counting {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds ? counting(ds) : bean;
                }
            };
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String[]> settings = new LinkedHashMap<>();
        settings.put("one node (default)", new String[0]);
        settings.put("cluster machinery on (draftroom.cluster.enabled=true, one node)",
                new String[] {"--draftroom.cluster.enabled=true"});
        List<String> report = new ArrayList<>();
        for (int r = 0; r < REPEATS; r++) {
            for (Map.Entry<String, String[]> s : settings.entrySet()) {
                ConfigurableApplicationContext context = start(s.getValue());
                try {
                    report.add(s.getKey());
                    System.out.println("RESULT " + s.getKey());
                    measure(context, report);
                } finally {
                    context.close();
                }
            }
        }
        System.out.println();
        report.forEach(System.out::println);
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(String[] more) throws Exception {
        Path dir = Files.createTempDirectory("cluster-cost");
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=test,demo",
                "--draftroom.data-dir=" + dir.resolve("data"), "--draftroom.drafts-repo=" + dir.resolve("repo"),
                "--draftroom.demo.rounds=false", "--server.port=0", "--logging.level.root=WARN"));
        args.addAll(List.of(more));
        return new SpringApplication(DraftroomApplication.class, Counting.class).run(args.toArray(String[]::new));
    }

    private interface Request {
        void send(int i) throws Exception;
    }

    private static void measure(ConfigurableApplicationContext context, List<String> report) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        UserDetailsService users = context.getBean(UserDetailsService.class);
        SignedIn.as(users, "editor2");
        String token = context.getBean(TokenService.class).create("bench").secret();
        SignedIn.nobody();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI draft = URI.create("http://localhost:" + port + "/api/v1/projects/" + PROJECT + "/draft");
        URI comments = URI.create("http://localhost:" + port + "/api/v1/projects/" + PROJECT + "/comments");
        report.add("  " + run(context, "read draft (GET .../draft)", i -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(draft).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString());
            check(r, 200);
        }));
        report.add("  " + run(context, "comment (POST .../comments)", i -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(comments)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("type", "ge",
                            "body", "意见 " + i)))).build(), HttpResponse.BodyHandlers.ofString());
            check(r, 201);
        }));
        CoEditingService service = context.getBean(CoEditingService.class);
        JsonNode outline = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/projects/" + PROJECT + "/outline")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String clause = outline.get("clauses").get(1).get("id").asText();
        SignedIn.as(users, "editor2");
        try {
            String clientId = service.connect(PROJECT, new SilentListener());
            ClientSync client = new ClientSync(service.open(clientId, clause).snapshot(), SyncLimits.DEFAULT);
            report.add("  " + run(context, "live sync (2 characters)", i -> {
                client.edit(client.text().length(), 0, "字x");
                String answer = service.sync(clientId, SyncCodec.encode(client.nextMessage()));
                if (answer.startsWith(CoEditingService.REFUSED)) {
                    throw new IllegalStateException(answer);
                }
                client.receive(SyncCodec.decodeServer(answer, SyncLimits.DEFAULT));
            }));
            service.disconnect(clientId);
        } finally {
            SignedIn.nobody();
        }
    }

    private static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    private static String run(ConfigurableApplicationContext context, String what, Request request) throws Exception {
        String line = measureOne(context, what, request);
        System.out.println("RESULT   " + line);
        return line;
    }

    private static String measureOne(ConfigurableApplicationContext context, String what, Request request)
            throws Exception {
        for (int i = 0; i < 50; i++) {
            request.send(-i - 1);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long transactions0 = transactions(context);
        long statements0 = STATEMENTS.get();
        long trips0 = ROUND_TRIPS.get();
        long cpu0 = os.getProcessCpuTime();
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long t0 = System.nanoTime();
            request.send(i);
            nanos.add(System.nanoTime() - t0);
        }
        long cpu = os.getProcessCpuTime() - cpu0;
        // The background jobs (checkpoints every second, presence) run meanwhile and are counted too, as they are
        // part of what the load costs.
        long statements = STATEMENTS.get() - statements0;
        long trips = ROUND_TRIPS.get() - trips0;
        long transactions = transactions(context) - transactions0 - 1;
        Collections.sort(nanos);
        return String.format("%-30s p50 %6.2f ms  p95 %6.2f ms  CPU %6.2f ms/request  statements %5.2f  round trips"
                        + " %5.2f  transactions %5.2f per request", what, nanos.get(nanos.size() / 2) / 1e6,
                nanos.get(nanos.size() * 95 / 100) / 1e6, cpu / 1e6 / REQUESTS, statements / (double) REQUESTS,
                trips / (double) REQUESTS, transactions / (double) REQUESTS);
    }

    private static long transactions(ConfigurableApplicationContext context) throws Exception {
        DataSource ds = context.getBean(DataSource.class);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select xact_commit + xact_rollback from pg_stat_database"
                     + " where datname = current_database()")) {
            rs.next();
            long n = rs.getLong(1);
            STATEMENTS.decrementAndGet();
            ROUND_TRIPS.decrementAndGet();
            return n;
        }
    }

    static DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(ClusterCostBenchmark.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? countingConnection(c) : result;
                });
    }

    private static Connection countingConnection(Connection target) {
        return (Connection) Proxy.newProxyInstance(ClusterCostBenchmark.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("commit") || name.equals("rollback")) {
                        ROUND_TRIPS.incrementAndGet();
                    }
                    Object result = invoke(target, method, args);
                    if (result instanceof Statement s && !name.equals("unwrap")) {
                        return countingStatement(s);
                    }
                    return result;
                });
    }

    private static Statement countingStatement(Statement target) {
        List<Class<?>> interfaces = new ArrayList<>(List.of(Statement.class));
        if (target instanceof java.sql.CallableStatement) {
            interfaces.add(java.sql.CallableStatement.class);
        } else if (target instanceof java.sql.PreparedStatement) {
            interfaces.add(java.sql.PreparedStatement.class);
        }
        return (Statement) Proxy.newProxyInstance(ClusterCostBenchmark.class.getClassLoader(),
                interfaces.toArray(Class<?>[]::new), (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        STATEMENTS.incrementAndGet();
                        ROUND_TRIPS.incrementAndGet();
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
