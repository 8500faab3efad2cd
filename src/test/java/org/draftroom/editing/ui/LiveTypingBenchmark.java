package org.draftroom.editing.ui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.draftroom.browser.Browser;
import org.draftroom.browser.LoginPage;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * End-to-end benchmark harness, not a test: N real headless Chromium pages type into a live clause at 3 characters/s
 * for 60 s, against the production jar and, in the same run, against Etherpad (1.8.14 from npm, installed outside the
 * project). Per system and N, for "same" (everyone in one clause or pad) and "spread" (pairs of editors, one clause or
 * pad per pair):
 * <ul>
 * <li>keystroke-to-other-screen latency p50/p95: each editor types at the end of a line of its own ({@code [Pi]}); every
 * page records, polling its own text every 10 ms, when each keystroke of every other editor of its clause shows up;</li>
 * <li>convergence (every page of a clause ends with the same lines) and lost characters (typed keystrokes missing from
 * the converged line, by longest common subsequence);</li>
 * <li>server CPU (utime + stime from {@code /proc} of the server process and its descendants, for Draftroom also its
 * embedded PostgreSQL) and browser CPU (Chromium and chromedriver: descendants of this JVM), in cores over the typing;</li>
 * <li>JavaScript heap per page ({@code Runtime.getHeapUsage} over CDP) and server memory per editor (Draftroom: heap
 * after a full GC by {@code jcmd}; Etherpad: resident set), with the editors open minus before.</li>
 * </ul>
 * Starts both servers itself, with their logs in the work directory. Typing is WebDriver key events, as a person
 * types, on both sides. Command (production jar built, test classes compiled, Etherpad installed in /work/etherpad
 * with a {@code settings.json}, see docs/benchmarks.md):
 * <pre>
 * java -cp "target/test-classes:$(cat target/test-cp.txt)" org.draftroom.editing.ui.LiveTypingBenchmark \
 *     target/draftroom.jar 18110 /work/etherpad 18111 2,4,8,12 60
 * </pre>
 * Pass {@code -} as the Etherpad directory to measure Draftroom only. {@code -Dlayouts=same} skips "spread";
 * {@code -DspreadFrom=12} runs "spread" only from that N on.
 */
public final class LiveTypingBenchmark {

    private static final long TICK_NS = tickNanos();
    private static final String PASSWORD = "draftroom-demo";
    private static final String[] USERS = {"editor2", "secretariat"};
    private static final String KEYS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final double RATE = 3.0;

    private LiveTypingBenchmark() {
    }

    /** One system under test: how to open an editor page, read its text, put the caret at the end of a line. */
    interface Target {
        String name();

        long serverPid();

        Set<Long> serverPids();

        long serverMemory() throws Exception;

        void open(Browser browser, String group) throws Exception;

        /** JavaScript returning the page's text, run in the top frame. */
        String textScript();

        /** Messages the page has sent to the server so far ({@code -1} when the system does not count them). */
        default long messagesSent(Browser page) {
            return -1;
        }

        /** "Sync now" pushes the page has received so far ({@code -1} when not counted). */
        default long pushesReceived(Browser page) {
            return -1;
        }

        void caretAtEndOf(Browser browser, String marker);

        void caretAtEnd(Browser browser);
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Path etherpadDir = args[2].equals("-") ? null : Path.of(args[2]);
        int etherpadPort = Integer.parseInt(args[3]);
        int[] counts = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(args[5]);
        List<String> layouts = List.of(System.getProperty("layouts", "same,spread").split(","));
        Path work = Files.createTempDirectory("live-typing-bench");
        System.out.printf("%s, %d cores, load %s, work directory %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim(), work);

        List<Process> servers = new ArrayList<>();
        int max = Arrays.stream(counts).max().orElseThrow();
        List<Browser> browsers = new ArrayList<>();
        try {
            Draftroom draftroom = Draftroom.start(jar, port, work, servers);
            Etherpad etherpad = etherpadDir == null ? null : Etherpad.start(etherpadDir, etherpadPort, work, servers);
            for (int i = 0; i < max; i++) {
                Browser b = Browser.startAt(draftroom.base, Locale.ENGLISH);
                LoginPage.open(b).signInAs(USERS[i % USERS.length], PASSWORD);
                browsers.add(b);
            }
            List<String> rows = new ArrayList<>();
            int run = 0;
            for (int n : counts) {
                for (String layout : layouts) {
                    if (layout.equals("spread") && n < Integer.getInteger("spreadFrom", 4)) {
                        continue;
                    }
                    Result ours = measure(draftroom, browsers.subList(0, n), layout, seconds, "r" + run);
                    rows.add(ours.row());
                    System.out.println(ours.row());
                    if (etherpad != null) {
                        Result theirs = measure(etherpad, browsers.subList(0, n), layout, seconds, "r" + run);
                        rows.add(theirs.row());
                        System.out.println(theirs.row());
                        String ratios = String.format(Locale.ROOT,
                                "| ratio Draftroom/Etherpad | %d | %s | p50 %.2f× | p95 %.2f× | | | server CPU %.2f× | browser CPU %.2f× | |",
                                n, layout, ours.p50 / theirs.p50, ours.p95 / theirs.p95,
                                ours.serverCores / theirs.serverCores, ours.browserCores / theirs.browserCores);
                        rows.add(ratios);
                        System.out.println(ratios);
                    }
                    run++;
                }
            }
            System.out.println();
            System.out.println("| system | N | layout | latency p50 | p95 | converged | lost characters"
                    + " | server CPU (cores) | browser CPU (cores) | JS heap per page / server memory per editor |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
            System.out.printf("load at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            for (Browser b : browsers) {
                b.close();
            }
            for (Process p : servers) {
                List<ProcessHandle> tree = p.descendants().toList();
                tree.forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    tree.forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor();
                }
            }
        }
        System.exit(0);
    }

    // Measurement ------------------------------------------------------------------------------------------------------

    record Result(String system, int n, String layout, double p50, double p95, int samples, boolean converged,
            int lost, int typed, double serverCores, double browserCores, long pageHeap, long serverMemoryPerEditor) {
        String row() {
            return String.format(Locale.ROOT,
                    "| %s | %d | %s | %.0f ms | %.0f ms | %s | %d of %d | %.3f | %.3f | %.1f MB / %.0f KB |", system,
                    n, layout, p50, p95, converged ? "yes" : "NO", lost, typed, serverCores, browserCores,
                    pageHeap / 1e6, serverMemoryPerEditor / 1e3);
        }
    }

    private static Result measure(Target system, List<Browser> pages, String layout, int seconds, String run)
            throws Exception {
        int n = pages.size();
        int groupSize = layout.equals("same") ? n : 2;
        long memoryBefore = system.serverMemory();
        List<List<Integer>> groups = new ArrayList<>();
        for (int g = 0; g * groupSize < n; g++) {
            List<Integer> members = new ArrayList<>();
            for (int i = g * groupSize; i < Math.min(n, (g + 1) * groupSize); i++) {
                members.add(i);
            }
            groups.add(members);
        }
        // Open every page, then give each editor a line of its own at the end, one after the other per group.
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            all(pool, n, i -> system.open(pages.get(i), run + "-" + groupOf(groups, i)));
            for (List<Integer> group : groups) {
                for (int i : group) {
                    Browser page = pages.get(i);
                    system.caretAtEnd(page);
                    String marker = marker(run, i);
                    new Actions(page.driver()).sendKeys("\n" + marker).perform();
                    for (int j : group) {
                        waitUntil("line " + marker + " on page " + j, () -> text(system, pages.get(j))
                                .contains(marker));
                    }
                }
            }
            String install = """
                    const read = new Function(arguments[0]);
                    const markers = arguments[1];
                    const bench = {arrivals: {}, seen: {}};
                    for (const m of markers) { bench.arrivals[m] = []; bench.seen[m] = -1; }
                    const poll = () => {
                      const text = read();
                      const now = Date.now();
                      for (const m of markers) {
                        const at = text.indexOf(m);
                        if (at < 0) { continue; }
                        const start = at + m.length;
                        let end = text.indexOf('\\n', start);
                        if (end < 0) { end = text.length; }
                        const length = end - start;
                        if (bench.seen[m] < 0) { bench.seen[m] = length; continue; }
                        for (let k = bench.seen[m]; k < length; k++) { bench.arrivals[m][k] = now; }
                        if (length > bench.seen[m]) { bench.seen[m] = length; }
                      }
                    };
                    poll();
                    bench.timer = setInterval(poll, 10);
                    window.__bench = bench;""";
            for (List<Integer> group : groups) {
                for (int j : group) {
                    pages.get(j).js(install, system.textScript(), group.stream().map(i -> marker(run, i)).toList());
                }
            }
            for (int i = 0; i < n; i++) {
                system.caretAtEndOf(pages.get(i), marker(run, i));
            }

            int keystrokes = (int) (seconds * RATE);
            long[][] typedAt = new long[n][keystrokes];
            long[] sentBefore = new long[n];
            long[] pushedBefore = new long[n];
            for (int i = 0; i < n; i++) {
                sentBefore[i] = system.messagesSent(pages.get(i));
                pushedBefore[i] = system.pushesReceived(pages.get(i));
            }
            Set<Long> browserPids = descendants(ProcessHandle.current().pid());
            long serverStart = ticks(system.serverPids());
            long browserStart = ticks(browserPids);
            long start = System.nanoTime();
            long phase = (long) (1e9 / RATE / n);
            all(pool, n, i -> {
                Actions keyboard = new Actions(pages.get(i).driver());
                for (int k = 0; k < keystrokes; k++) {
                    long due = start + i * phase + (long) (k * 1e9 / RATE);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    typedAt[i][k] = System.currentTimeMillis();
                    keyboard.sendKeys(String.valueOf(KEYS.charAt((i + k) % KEYS.length()))).perform();
                }
            });
            double elapsed = (System.nanoTime() - start) / 1e9;
            double serverCores = (ticks(system.serverPids()) - serverStart) * TICK_NS / 1e9 / elapsed;
            double browserCores = (ticks(browserPids) - browserStart) * TICK_NS / 1e9 / elapsed;
            if (sentBefore[0] >= 0) {
                long sent = 0;
                long pushed = 0;
                for (int i = 0; i < n; i++) {
                    sent += system.messagesSent(pages.get(i)) - sentBefore[i];
                    pushed += system.pushesReceived(pages.get(i)) - pushedBefore[i];
                }
                System.out.printf(Locale.ROOT, "%s N = %d %s: %.1f sync messages and %.1f pushes per editor per second%n",
                        system.name(), n, layout, sent / elapsed / n, pushed / elapsed / n);
            }

            // Convergence: every page of a group shows the same lines, or 30 s pass.
            boolean converged = true;
            for (List<Integer> group : groups) {
                converged &= eventually(() -> group.stream().map(j -> lines(text(system, pages.get(j)), run, group))
                        .distinct().count() == 1, Duration.ofSeconds(30));
            }
            List<Double> latencies = new ArrayList<>();
            int lost = 0;
            long heap = 0;
            for (List<Integer> group : groups) {
                for (int j : group) {
                    Browser page = pages.get(j);
                    @SuppressWarnings("unchecked")
                    Map<String, List<Object>> arrivals = (Map<String, List<Object>>) page.js(
                            "clearInterval(window.__bench.timer); return window.__bench.arrivals;");
                    for (int i : group) {
                        if (i == j) {
                            continue;
                        }
                        List<Object> seen = arrivals.get(marker(run, i));
                        for (int k = 0; k < keystrokes && k < seen.size(); k++) {
                            if (seen.get(k) instanceof Number when) {
                                latencies.add((double) (when.longValue() - typedAt[i][k]));
                            }
                        }
                    }
                    heap += ((Number) ((ChromeDriver) page.driver()).executeCdpCommand("Runtime.getHeapUsage",
                            Map.of()).get("usedSize")).longValue();
                }
                String text = text(system, pages.get(group.get(0)));
                for (int i : group) {
                    lost += keystrokes - lcs(line(text, marker(run, i)), typed(i, keystrokes));
                }
            }
            long memoryAfter = system.serverMemory();
            latencies.sort(Double::compare);
            return new Result(system.name(), n, layout, percentile(latencies, 50), percentile(latencies, 95),
                    latencies.size(), converged, lost, n * keystrokes, serverCores, browserCores, heap / n,
                    (memoryAfter - memoryBefore) / n);
        } finally {
            pool.shutdownNow();
        }
    }

    interface Work {
        void run(int i) throws Exception;
    }

    private static void all(ExecutorService pool, int n, Work work) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                work.run(index);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    private static int groupOf(List<List<Integer>> groups, int i) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).contains(i)) {
                return g;
            }
        }
        throw new IllegalArgumentException();
    }

    private static String text(Target system, Browser page) {
        return String.valueOf(page.js(system.textScript())).replace('\u00a0', ' ');
    }

    private static String typed(int i, int keystrokes) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < keystrokes; k++) {
            out.append(KEYS.charAt((i + k) % KEYS.length()));
        }
        return out.toString();
    }

    /** The marker that starts editor i's line in a run. */
    static String marker(String run, int i) {
        return "[" + run + "p" + i + "]";
    }

    /** The text of a line after its marker, up to the line's end. */
    static String line(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0) {
            return "";
        }
        int start = at + marker.length();
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static List<String> lines(String text, String run, List<Integer> group) {
        return group.stream().map(i -> line(text, marker(run, i))).toList();
    }

    static int lcs(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int x = 1; x <= a.length(); x++) {
            int[] row = new int[b.length() + 1];
            for (int y = 1; y <= b.length(); y++) {
                row[y] = a.charAt(x - 1) == b.charAt(y - 1) ? previous[y - 1] + 1 : Math.max(previous[y], row[y - 1]);
            }
            previous = row;
        }
        return previous[b.length()];
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        if (!eventually(condition, Duration.ofSeconds(60))) {
            throw new IllegalStateException("Timed out waiting for " + what);
        }
    }

    private static boolean eventually(BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    // Processes --------------------------------------------------------------------------------------------------------

    private static long tickNanos() {
        return 10_000_000L; // USER_HZ is 100 on Linux
    }

    static Set<Long> descendants(long pid) {
        Set<Long> pids = new HashSet<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        return pids;
    }

    /** utime + stime of the processes, in clock ticks (processes gone since are skipped). */
    static long ticks(Collection<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException e) {
                // exited
            }
        }
        return total;
    }

    static long residentBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }

    static void waitForHttp(String url, Process process, Path log) throws Exception {
        // HTTP/1.1: Etherpad never answers Java's default HTTP/2 upgrade request.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(url + " ended; see " + log);
            }
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status < 500) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(url + " did not answer; see " + log);
    }

    // Draftroom --------------------------------------------------------------------------------------------------------

    static final class Draftroom implements Target {
        final String base;
        final Process process;
        final Path dataDir;

        private Draftroom(String base, Process process, Path dataDir) {
            this.base = base;
            this.process = process;
            this.dataDir = dataDir;
        }

        static Draftroom start(Path jar, int port, Path work, List<Process> started) throws Exception {
            Path data = work.resolve("draftroom-data");
            Path log = work.resolve("draftroom.log");
            List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
            // e.g. -DserverJvmArgs=-XX:StartFlightRecording=filename=/tmp/live.jfr to profile the server
            String extra = System.getProperty("serverJvmArgs", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=demo",
                    "--server.port=" + port, "--draftroom.data-dir=" + data,
                    "--draftroom.drafts-repo=" + work.resolve("draftroom-repo"), "--draftroom.demo.large-project=false",
                    "--draftroom.demo.rounds=false"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            started.add(p);
            String base = "http://localhost:" + port;
            waitForHttp(base + "/login", p, log);
            System.out.printf("Draftroom pid %d at %s, log %s%n", p.pid(), base, log);
            return new Draftroom(base, p, data);
        }

        @Override
        public String name() {
            return "Draftroom";
        }

        @Override
        public long messagesSent(Browser page) {
            return page.js("return document.querySelector('dr-live-text').state().syncs") instanceof Number count
                    ? count.longValue() : -1;
        }

        @Override
        public long pushesReceived(Browser page) {
            return page.js("return document.querySelector('dr-live-text').state().pushes") instanceof Number count
                    ? count.longValue() : -1;
        }

        @Override
        public long serverPid() {
            return process.pid();
        }

        /** The JVM, and the embedded PostgreSQL (its postmaster runs detached, found by its data directory). */
        @Override
        public Set<Long> serverPids() {
            Set<Long> pids = descendants(process.pid());
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                    try {
                        String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                        if (cmd.contains(dataDir.toString())) {
                            pids.addAll(descendants(Long.parseLong(p.getFileName().toString())));
                        }
                    } catch (IOException e) {
                        // gone or not ours
                    }
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return pids;
        }

        /** Heap used after a full GC (jcmd). */
        @Override
        public long serverMemory() throws Exception {
            run("jcmd", String.valueOf(process.pid()), "GC.run");
            String info = run("jcmd", String.valueOf(process.pid()), "GC.heap_info");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : 0;
        }

        private static String run(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out;
        }

        @Override
        public void open(Browser browser, String group) {
            LivePage page = LivePage.open(browser, "gbt-35273");
            int index = Integer.parseInt(group.substring(group.indexOf('-') + 1));
            List<String> rows = page.outlineTexts().stream().filter(t -> t.matches("\\d+(\\.\\d+)*\\s.*")).toList();
            page.selectClause(rows.get(index % rows.size()));
        }

        @Override
        public String textScript() {
            return "return document.querySelector('dr-live-text').textarea.value;";
        }

        @Override
        public void caretAtEndOf(Browser browser, String marker) {
            browser.js("""
                    const t = document.querySelector('dr-live-text').textarea;
                    t.focus();
                    const at = t.value.indexOf(arguments[0]);
                    let end = t.value.indexOf('\\n', at);
                    if (end < 0) { end = t.value.length; }
                    t.setSelectionRange(end, end);""", marker);
        }

        @Override
        public void caretAtEnd(Browser browser) {
            browser.js("""
                    const t = document.querySelector('dr-live-text').textarea;
                    t.focus(); t.setSelectionRange(t.value.length, t.value.length);""");
        }
    }

    // Etherpad ---------------------------------------------------------------------------------------------------------

    static final class Etherpad implements Target {
        private static final String INNER = "document.querySelector('iframe[name=ace_outer]').contentDocument"
                + ".querySelector('iframe[name=ace_inner]').contentDocument";
        private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
        final String base;
        final Process process;

        private Etherpad(String base, Process process) {
            this.base = base;
            this.process = process;
        }

        static Etherpad start(Path dir, int port, Path work, List<Process> started) throws Exception {
            Path log = work.resolve("etherpad.log");
            ProcessBuilder builder = new ProcessBuilder("node", "src/node/server.js").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("NODE_ENV", "production");
            Process p = builder.start();
            started.add(p);
            String base = "http://127.0.0.1:" + port; // settings.json binds to 127.0.0.1
            waitForHttp(base + "/", p, log);
            System.out.printf("Etherpad pid %d at %s (settings.json of %s), log %s%n", p.pid(), base, dir,
                    log);
            return new Etherpad(base, p);
        }

        @Override
        public String name() {
            return "Etherpad";
        }

        @Override
        public long serverPid() {
            return process.pid();
        }

        @Override
        public Set<Long> serverPids() {
            return descendants(process.pid());
        }

        /** Resident set (node has no external full-GC trigger without flags; RSS is what it costs). */
        @Override
        public long serverMemory() throws Exception {
            long total = 0;
            for (long pid : serverPids()) {
                total += residentBytes(pid);
            }
            return total;
        }

        @Override
        public void open(Browser browser, String group) {
            // Etherpad keeps pads in its database across runs: a fresh name per harness run.
            browser.driver().get(base + "/p/bench-" + RUN + "-" + group);
            waitUntil("Etherpad's editor", () -> Boolean.TRUE.equals(browser.js("""
                    try {
                      const body = %s.body;
                      return !!(window.pad && pad.collabClient && body && body.isContentEditable
                        && body.innerText.includes('Benchmark pad'));
                    } catch (e) { return false; }""".formatted(INNER))));
        }

        @Override
        public String textScript() {
            return "return " + INNER + ".body.innerText;";
        }

        @Override
        public void caretAtEndOf(Browser browser, String marker) {
            browser.js("""
                    const marker = arguments[0];
                    const editor = require('ep_etherpad-lite/static/js/pad_editor').padeditor;
                    editor.ace.callWithAce(ace => {
                      const rep = ace.ace_getRep();
                      for (let i = 0; i < rep.lines.length(); i++) {
                        const text = rep.lines.atIndex(i).text;
                        if (text.includes(marker)) {
                          ace.ace_performSelectionChange([i, text.length], [i, text.length], false);
                          break;
                        }
                      }
                    }, 'bench', true);
                    editor.ace.focus();""", marker);
        }

        @Override
        public void caretAtEnd(Browser browser) {
            browser.js("""
                    const editor = require('ep_etherpad-lite/static/js/pad_editor').padeditor;
                    editor.ace.callWithAce(ace => {
                      const rep = ace.ace_getRep();
                      const last = rep.lines.length() - 1;
                      const length = rep.lines.atIndex(last).text.length;
                      ace.ace_performSelectionChange([last, length], [last, length], false);
                    }, 'bench', true);
                    editor.ace.focus();""");
        }
    }
}
