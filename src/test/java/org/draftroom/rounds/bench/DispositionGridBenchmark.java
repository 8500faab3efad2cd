package org.draftroom.rounds.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.draftroom.bench.BenchApplication;
import org.draftroom.browser.Browser;
import org.draftroom.browser.LoginPage;
import org.draftroom.rounds.domain.DispositionQuery;
import org.draftroom.rounds.domain.DispositionRow;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.security.SignedIn;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The secretariat's merged comment grid of a closed round with {@value #COMMENTS} comments from
 * {@value #ORGANISATIONS} organisations ({@link LargeRound}), timed in headless Chromium as a person sees it: the
 * round page opening on the "Dispositions" tab until its first rows show (and coming back to the tab from the
 * dashboard), and the grid after filtering by clause (typed
 * into the clause field: the field waits 400 ms after the last key before it asks the server, Vaadin's lazy mode, and
 * that wait is counted) and by organisation (chosen in the combo box). Each figure ends when the grid reports the
 * expected number of rows (computed in the harness from {@link DispositionService#rows}) and has rendered a row,
 * measured by the page itself at its animation frames ({@link #WATCH}; a page opening counts from its navigation).
 * {@value #RUNS} runs after one warm-up; p50 and max. Target: the round page opens in under 1 s with 10,000 comments
 * (issue #15), filters in under 1 s. Prints wall time, the server JVM's CPU time (thread CPU for the service calls,
 * process CPU for a browser run) and Chrome's main-thread time, and {@code uptime} at start and end, since wall time on
 * a shared machine says little. Not a test; its figures are written down in {@code docs/benchmarks.md}.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.draftroom.rounds.bench.DispositionGridBenchmark
 * </pre>
 */
public final class DispositionGridBenchmark {

    private static final int COMMENTS = 10_000;
    private static final int ORGANISATIONS = 200;
    private static final int RUNS = 7;
    private static final String ORGANISATION = "ORG-042";
    private static final String CLAUSE = "8";

    /** The grid's row count as its client knows it, and whether a row with a comment id is rendered. */
    private static final String GRID_STATE = """
            const grid = document.querySelector('#dispositions-grid');
            if (!grid) { return -1; }
            const rendered = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                .some(c => /^ORG-\\d{3}-\\d{3}$/.test(c.textContent.trim()));
            return rendered ? grid.size : -1;""";

    /**
     * Installed in every new document (DevTools' {@code Page.addScriptToEvaluateOnNewDocument}): {@code __drAwait}
     * checks on each animation frame, in the page itself, whether the grid shows the awaited rows, and keeps the time
     * ({@code performance.now()}, since the navigation began for a new page) in {@code __drShown}. So the figures end
     * at the frame that shows the rows, and the harness does not load the page's main thread with queries while it
     * waits. A page opened with {@code drAwait} in its session storage starts waiting from its navigation.
     */
    private static final String WATCH = """
            window.__drAwait = function (expected, from) {
              window.__drShown = null;
              const start = from === undefined ? performance.now() : from;
              const check = () => {
                const grid = document.querySelector('#dispositions-grid');
                const ok = grid && grid.size === expected && [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .some(c => /^ORG-\\d{3}-\\d{3}$/.test(c.textContent.trim()));
                if (ok) { window.__drShown = performance.now() - start; } else { requestAnimationFrame(check); }
              };
              requestAnimationFrame(check);
            };
            try {
              const awaited = Number(sessionStorage.getItem('drAwait'));
              if (awaited > 0) { sessionStorage.removeItem('drAwait'); window.__drAwait(awaited, 0); }
            } catch (e) { /* about:blank has no storage */ }""";

    private DispositionGridBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchApplication.run("disposition-grid-benchmark", DispositionGridBenchmark::run,
                "--vaadin.devmode.devTools.enabled=false");
    }

    private static void run(ConfigurableApplicationContext context) {
        System.out.println("uptime at start: " + uptime());
        SignedIn.as(context.getBean(UserDetailsService.class), "secretariat");
        long t0 = System.nanoTime();
        Round round = LargeRound.create(context, 9, COMMENTS, ORGANISATIONS, true);
        context.getBean(RoundLifecycleService.class).closeEarly(round.id(), "Benchmark");
        System.out.printf("%,d comments stored in %,d ms%n", COMMENTS, (System.nanoTime() - t0) / 1_000_000);

        DispositionService dispositions = context.getBean(DispositionService.class);
        List<DispositionRow> rows = dispositions.rows(round.id());
        long total = rows.size();
        long inClause = rows.stream().filter(r -> r.clauseNumber().equals(CLAUSE)
                || r.clauseNumber().startsWith(CLAUSE + ".")).count();
        long ofOrganisation = rows.stream().filter(r -> ORGANISATION.equals(r.comment().organisationCode()))
                .count();
        List<Double> service = new ArrayList<>();
        List<Double> serviceCpu = new ArrayList<>();
        List<Double> paged = new ArrayList<>();
        List<Double> pagedCpu = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long cpu = threadCpu();
            service.add(seconds(() -> dispositions.rows(round.id())));
            serviceCpu.add((threadCpu() - cpu) / 1e9);
            cpu = threadCpu();
            // What the grid asks when it opens: the count and the first page (Vaadin's first fetch is 50 rows).
            paged.add(seconds(() -> dispositions.count(round.id(), DispositionQuery.all())
                    + dispositions.page(round.id(), DispositionQuery.all(), 0, 50).size()));
            pagedCpu.add((threadCpu() - cpu) / 1e9);
        }
        SignedIn.nobody();
        // Printed at once: the browser part below is the slow, fragile half on a loaded machine.
        System.out.println("uptime after the server runs: " + uptime());
        print("server: DispositionService.rows (whole table, before), wall", service);
        print("server: DispositionService.rows, thread CPU", serviceCpu);
        print("server: count + first page of 50 (the grid's opening), wall", paged);
        print("server: count + first page of 50, thread CPU", pagedCpu);

        Browser browser = Browser.startAt("http://localhost:" + context.getEnvironment()
                .getRequiredProperty("local.server.port"), Locale.ENGLISH);
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", WATCH));
        try {
            LoginPage.open(browser).signInAs("secretariat", "draftroom-demo");
            Map<String, List<Double>> figures = new LinkedHashMap<>();
            for (int run = 0; run <= RUNS; run++) {
                long cpu = processCpu();
                Map<String, Double> one = once(browser, round.id(), total, inClause, ofOrganisation);
                one.put("server JVM CPU for the whole run above (all steps, all threads)",
                        (processCpu() - cpu) / 1e9);
                if (run > 0) {
                    one.forEach((k, v) -> figures.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                }
            }
            System.out.printf("rows: %,d; clause %s: %,d; %s: %,d%n", total, CLAUSE, inClause, ORGANISATION,
                    ofOrganisation);
            figures.forEach(DispositionGridBenchmark::print);
            System.out.println("uptime at end: " + uptime());
        } finally {
            browser.close();
        }
    }

    private static Map<String, Double> once(Browser browser, long roundId, long total, long inClause,
                                            long ofOrganisation) {
        Map<String, Double> times = new LinkedHashMap<>();
        browser.js("sessionStorage.setItem('drAwait', arguments[0])", total);
        browser.driver().get("about:blank");
        lastBusy = 0; // a new document: Chrome counts its main thread's work from zero
        lastParts.clear();
        browser.open("rounds/" + roundId);
        times.put("open the round page (navigation start) → frame with the first rows of " + total,
                shown(browser));
        times.put("  of which the browser's main thread busy (page)", busy(browser));
        split(times, "page");

        browser.driver().findElement(By.id("tab-dashboard")).click();
        browser.waitForVaadin();
        busy(browser);
        browser.js("window.__drAwait(arguments[0])", total);
        browser.driver().findElement(By.id("tab-dispositions")).click();
        times.put("back to the Dispositions tab → frame with the first rows", shown(browser));
        times.put("  of which the browser's main thread busy (tab)", busy(browser));
        split(times, "tab");

        WebElement clause = input(browser, "dispositions-clause");
        clause.sendKeys(CLAUSE);
        browser.js("window.__drAwait(arguments[0])", inClause);
        times.put("clause filter, last key → rows (incl. 400 ms lazy wait)", shown(browser));
        times.put("  of which the browser's main thread busy (clause)", busy(browser));
        clause.sendKeys(Keys.BACK_SPACE);
        awaitRows(browser, total);
        browser.waitForVaadin();

        input(browser, "dispositions-organisation").sendKeys(ORGANISATION);
        WebElement choice = browser.waitFor("the organisation to be offered", () -> (WebElement) browser.js(
                "return [...document.querySelectorAll('vaadin-combo-box-item')]"
                        + ".find(i => i.textContent.trim() === arguments[0]) || null", ORGANISATION));
        busy(browser);
        browser.js("window.__drAwait(arguments[0])", ofOrganisation);
        choice.click();
        times.put("organisation filter, choice clicked → rows", shown(browser));
        times.put("  of which the browser's main thread busy (organisation)", busy(browser));
        return times;
    }

    /** Seconds the page measured itself ({@link #WATCH}), asked every 20 ms with a query that touches nothing. */
    private static double shown(Browser browser) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Object ms = browser.js("return window.__drShown === undefined ? null : window.__drShown");
            if (ms instanceof Number n) {
                return n.doubleValue() / 1000;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the grid did not show the awaited rows in 60 s");
    }

    private static double lastBusy;
    private static final Map<String, Double> lastParts = new LinkedHashMap<>();
    private static final Map<String, Double> parts = new LinkedHashMap<>();

    /** Puts the share of script, style and layout in the last {@link #busy} interval into the figures. */
    private static void split(Map<String, Double> times, String step) {
        parts.forEach((name, value) -> times.put("    " + name + " (" + step + ")", value));
    }

    /**
     * Seconds the page's main thread worked (script, style, layout, paint: Chrome's {@code TaskDuration}) since the
     * last call: the browser's share of a figure; the rest is the server and the network.
     */
    @SuppressWarnings("unchecked")
    private static double busy(Browser browser) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Performance.enable", Map.of());
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) chrome
                .executeCdpCommand("Performance.getMetrics", Map.of()).get("metrics");
        double total = metrics.stream().filter(m -> "TaskDuration".equals(m.get("name")))
                .mapToDouble(m -> ((Number) m.get("value")).doubleValue()).findFirst().orElse(0);
        double delta = total - lastBusy;
        lastBusy = total;
        parts.clear();
        for (String name : List.of("ScriptDuration", "RecalcStyleDuration", "LayoutDuration")) {
            double value = metrics.stream().filter(m -> name.equals(m.get("name")))
                    .mapToDouble(m -> ((Number) m.get("value")).doubleValue()).findFirst().orElse(0);
            double before = lastParts.getOrDefault(name, 0.0);
            parts.put(name, value - before);
            lastParts.put(name, value);
        }
        return delta;
    }

    private static WebElement input(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).findElement(By.cssSelector("input"));
    }

    /** Polls as fast as WebDriver answers (a few ms), so that the figures are not rounded up to a poll interval. */
    private static void awaitRows(Browser browser, long expected) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (((Number) browser.js(GRID_STATE)).longValue() != expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the grid did not show " + expected + " rows in 30 s");
            }
        }
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** CPU time of this JVM (the application server and the harness), all threads. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes()).trim();
        } catch (java.io.IOException e) {
            return "load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    private static double seconds(Supplier<?> action) {
        long t = System.nanoTime();
        action.get();
        return (System.nanoTime() - t) / 1e9;
    }

    private static void print(String what, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf("%-62s p50 %6.0f ms  max %6.0f ms%n", what, sorted.get(sorted.size() / 2) * 1000,
                sorted.get(sorted.size() - 1) * 1000);
    }
}
