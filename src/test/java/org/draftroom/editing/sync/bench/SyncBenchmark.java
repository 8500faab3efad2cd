package org.draftroom.editing.sync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.draftroom.editing.sync.AcknowledgementListener;
import org.draftroom.editing.sync.ClauseSession;
import org.draftroom.editing.sync.ClientMessage;
import org.draftroom.editing.sync.ClientSync;
import org.draftroom.editing.sync.ServerSync;
import org.draftroom.editing.sync.SyncLimits;
import org.draftroom.editing.sync.SyncOutcome;

/**
 * Figures for the differential synchronization engine alone (no network, no journal, no UI). Not a test.
 *
 * <ol>
 * <li>(a) The real trace {@code automerge-paper} (259,778 keystrokes) typed by one editor at 6 keystrokes/s, synced
 * every 250 ms: 1.5 keystrokes per sync on average (alternately 1 and 2), so 173,186 syncs. Server CPU per sync and in
 * total; the final text must equal the trace's {@code endContent}.</li>
 * <li>(b) N editors (10 to 400) on one 300,000-character document of 100 clauses, each typing 5 characters/s and
 * syncing every 250 ms for 60 simulated seconds; 10 % of them in the same clause, the rest spread over the clauses.
 * The syncs of each 250 ms tick run on a pool of as many threads as cores. Server-side apply latency (wall, including
 * waiting for the clause's lock), server CPU per simulated second, and convergence after the typing stops.</li>
 * <li>(c) Retained heap per editor session, by {@code MemoryMXBean} after {@code System.gc()}: an estimate.</li>
 * </ol>
 *
 * Run from the project root:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.draftroom.editing.sync.bench.SyncBenchmark [/path/to/automerge-paper.json.gz]
 * </pre>
 * {@code -Deditors=800,1600} changes the editor counts of (b); {@code -DskipTrace=true} skips (a).
 */
public final class SyncBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path DEFAULT_TRACE = Path.of("/work/shared/data/editing-traces/automerge-paper.json.gz");

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("cores %d, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        if (!Boolean.getBoolean("skipTrace")) {
            replayTrace(args.length > 0 ? Path.of(args[0]) : DEFAULT_TRACE);
        }
        for (int editors : Arrays.stream(System.getProperty("editors", "10,50,100,200,400").split(","))
                .mapToInt(Integer::parseInt).toArray()) {
            manyEditors(editors, 60);
        }
        for (int editors : new int[] {100, 400}) {
            memoryPerSession(editors);
        }
    }

    // (a) ------------------------------------------------------------------------------------------------------------

    private static void replayTrace(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            root = new ObjectMapper().readTree(in);
        }
        String start = root.get("startContent").asText();
        String end = root.get("endContent").asText();
        List<int[]> positions = new ArrayList<>();
        List<String> inserts = new ArrayList<>();
        boolean bmpOnly = start.codePoints().allMatch(Character::isBmpCodePoint);
        for (JsonNode txn : root.get("txns")) {
            for (JsonNode p : txn.get("patches")) {
                positions.add(new int[] {p.get(0).asInt(), p.get(1).asInt()});
                String insert = p.get(2).asText();
                bmpOnly &= insert.codePoints().allMatch(Character::isBmpCodePoint);
                inserts.add(insert);
            }
        }
        ClauseSession session = new ClauseSession("paper", start, SyncLimits.DEFAULT, AcknowledgementListener.NONE);
        ClientSync client = new ClientSync(session.join("author"), SyncLimits.DEFAULT);
        int syncs = 0;
        long serverCpu = 0;
        long clientCpu = 0;
        long[] perSync = new long[positions.size()];
        long wallStart = System.nanoTime();
        int next = 0;
        while (next < positions.size()) {
            int batch = syncs % 2 == 0 ? 1 : 2;
            long c0 = THREADS.getCurrentThreadCpuTime();
            for (int k = 0; k < batch && next < positions.size(); k++, next++) {
                String text = client.text();
                int[] p = positions.get(next);
                int at = bmpOnly ? p[0] : text.offsetByCodePoints(0, p[0]);
                int to = bmpOnly ? at + p[1] : text.offsetByCodePoints(at, p[1]);
                client.edit(at, to - at, inserts.get(next));
            }
            ClientMessage message = client.nextMessage();
            long s0 = THREADS.getCurrentThreadCpuTime();
            SyncOutcome outcome = session.receive(message);
            long s1 = THREADS.getCurrentThreadCpuTime();
            client.receive(((SyncOutcome.Accepted) outcome).reply());
            long c1 = THREADS.getCurrentThreadCpuTime();
            perSync[syncs++] = s1 - s0;
            serverCpu += s1 - s0;
            clientCpu += (c1 - c0) - (s1 - s0);
        }
        long wall = System.nanoTime() - wallStart;
        long[] sorted = Arrays.copyOf(perSync, syncs);
        Arrays.sort(sorted);
        System.out.printf("%n(a) automerge-paper: %,d keystrokes in %,d syncs (%.2f per sync), final %,d chars%n",
                positions.size(), syncs, positions.size() / (double) syncs, session.text().length());
        System.out.printf("    server CPU total %.2f s, per sync mean %.1f us, p50 %.1f us, p95 %.1f us, p99 %.1f us,"
                + " max %.2f ms%n", serverCpu / 1e9, serverCpu / 1e3 / syncs, sorted[syncs / 2] / 1e3,
                sorted[(int) (syncs * 0.95)] / 1e3, sorted[(int) (syncs * 0.99)] / 1e3, sorted[syncs - 1] / 1e6);
        System.out.printf("    simulated browser CPU %.2f s; wall %.2f s; typing time simulated %.0f min%n",
                clientCpu / 1e9, wall / 1e9, positions.size() / 6.0 / 60);
        System.out.printf("    final text equals endContent: %s; editor equals server: %s%n",
                session.text().equals(end), client.text().equals(session.text()));
    }

    // (b) ------------------------------------------------------------------------------------------------------------

    private static final int CLAUSES = 100;
    private static final int CLAUSE_CHARS = 3_000;

    private static String clauseText(int clause) {
        StringBuilder out = new StringBuilder(CLAUSE_CHARS);
        Random random = new Random(clause);
        String[] words = {"the ", "committee ", "shall ", "标准", "规定", "conformity ", "assessment ", "。", ", "};
        while (out.length() < CLAUSE_CHARS) {
            out.append(words[random.nextInt(words.length)]);
        }
        return out.substring(0, CLAUSE_CHARS);
    }

    private static String clauseOf(int editor, int editors) {
        int hot = Math.max(2, editors / 10);
        return "clause-" + (editor < hot ? 0 : 1 + editor % (CLAUSES - 1));
    }

    private static void manyEditors(int editors, int seconds) throws Exception {
        ServerSync server = new ServerSync(SyncLimits.DEFAULT,
                id -> clauseText(Integer.parseInt(id.substring("clause-".length()))), AcknowledgementListener.NONE);
        List<ClientSync> clients = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            clients.add(new ClientSync(server.join(clauseOf(i, editors), "editor-" + i), SyncLimits.DEFAULT));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        int ticks = seconds * 4;
        long[] latencies = new long[ticks * editors];
        AtomicLong index = new AtomicLong();
        AtomicLong serverCpu = new AtomicLong();
        Random seeds = new Random(editors);
        long wallStart = System.nanoTime();
        for (int tick = 0; tick < ticks; tick++) {
            List<Future<?>> work = new ArrayList<>();
            for (ClientSync client : clients) {
                long seed = seeds.nextLong();
                work.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int keys = random.nextInt(4) == 0 ? 2 : 1;
                    for (int k = 0; k < keys; k++) {
                        String text = client.text();
                        int at = random.nextInt(text.length() + 1);
                        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
                            at--;
                        }
                        if (random.nextInt(5) == 0 && at < text.length()) {
                            client.edit(at, 1, "");
                        } else {
                            client.edit(at, 0, random.nextBoolean() ? "e" : "标");
                        }
                    }
                    ClientMessage message = client.nextMessage();
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    SyncOutcome outcome = server.receive(message);
                    long t1 = System.nanoTime();
                    serverCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
                    latencies[(int) index.getAndIncrement()] = t1 - t0;
                    client.receive(((SyncOutcome.Accepted) outcome).reply());
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        long wall = System.nanoTime() - wallStart;
        pool.shutdown();
        int rounds = 0;
        boolean converged = false;
        while (!converged && rounds < 5) {
            rounds++;
            for (ClientSync client : clients) {
                client.receive(((SyncOutcome.Accepted) server.receive(client.nextMessage())).reply());
            }
            converged = true;
            for (int i = 0; i < editors; i++) {
                String master = server.session(clauseOf(i, editors)).orElseThrow().text();
                converged &= clients.get(i).text().equals(master) && !clients.get(i).hasUnacknowledged();
            }
        }
        long[] sorted = Arrays.copyOf(latencies, (int) index.get());
        Arrays.sort(sorted);
        int n = sorted.length;
        double cpuPerSimSecond = serverCpu.get() / 1e9 / seconds;
        System.out.printf("%n(b) %d editors (%d in the hot clause), %d s simulated, %,d syncs (%,.0f/s needed)%n",
                editors, Math.max(2, editors / 10), seconds, n, n / (double) seconds);
        System.out.printf("    server apply latency p50 %.1f us, p95 %.1f us, p99 %.1f us, max %.2f ms%n",
                sorted[n / 2] / 1e3, sorted[(int) (n * 0.95)] / 1e3, sorted[(int) (n * 0.99)] / 1e3,
                sorted[n - 1] / 1e6);
        System.out.printf("    server CPU %.2f s = %.3f core-seconds per simulated second (%.1f %% of %d cores);"
                + " wall %.2f s for %d s simulated%n", serverCpu.get() / 1e9, cpuPerSimSecond,
                100 * cpuPerSimSecond / cores, cores, wall / 1e9, seconds);
        System.out.printf("    converged after %d quiet round(s): %s%n", rounds, converged);
    }

    // (c) ------------------------------------------------------------------------------------------------------------

    private static long usedHeap(MemoryMXBean memory) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    private static void memoryPerSession(int editors) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ServerSync server = new ServerSync(SyncLimits.DEFAULT,
                id -> clauseText(Integer.parseInt(id.substring("clause-".length()))), AcknowledgementListener.NONE);
        for (int c = 0; c < CLAUSES; c++) {
            server.join("clause-" + c, "opener");
            server.leave("clause-" + c, "opener");
        }
        long base = usedHeap(memory);
        List<ClientSync> clients = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String clause = "clause-" + (i % CLAUSES);
            clauses.add(clause);
            clients.add(new ClientSync(server.join(clause, "editor-" + i), SyncLimits.DEFAULT));
        }
        long joined = usedHeap(memory);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < editors; i++) {
                ClientSync client = clients.get(i);
                client.edit(i % 50, 0, "x");
                client.receive(((SyncOutcome.Accepted) server.receive(client.nextMessage())).reply());
            }
        }
        long withBrowsers = usedHeap(memory);
        clients.clear();
        long serverOnly = usedHeap(memory);
        System.out.printf("%n(c) %d editor sessions on %d clauses x %,d chars (%,d chars in all)%n", editors, CLAUSES,
                CLAUSE_CHARS, CLAUSES * CLAUSE_CHARS);
        System.out.printf("    right after joining, server and simulated browsers: %,d bytes per editor"
                + " (shadows share the master's string)%n", (joined - base) / editors);
        System.out.printf("    after typing while others typed: %,d bytes per editor with the browsers,"
                + " %,d bytes per session on the server alone%n", (withBrowsers - base) / editors,
                (serverOnly - base) / editors);
        System.out.printf("    estimate from heap-used deltas after System.gc(); %d sessions open (%s...)%n",
                server.session(clauses.get(0)).orElseThrow().clients().size() * CLAUSES, clauses.get(0));
    }
}
