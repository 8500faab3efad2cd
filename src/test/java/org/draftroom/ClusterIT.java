package org.draftroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.draftroom.browser.Browser;
import org.draftroom.browser.LoginPage;
import org.draftroom.editing.ui.LivePage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes, one committee: two application processes on different ports ({@code draftroom.cluster.enabled}), the
 * first with its embedded PostgreSQL, the second using that database as an external one, both on one drafts
 * directory, with a sticky load balancer ({@link StickyProxy}) in front. Browsers and API clients on both nodes:
 * co-editing converges across nodes, presence crosses nodes, a node killed with SIGKILL during a typing burst loses no
 * acknowledged edit (the survivor writes its journal to Git, once), jobs run once per cluster, sign-in throttling
 * counts across nodes, and the shared repositories stay consistent ({@code git fsck}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration START = Duration.ofMinutes(8);
    private static final String PROJECT = "gbt-35273";
    private static final String PASSWORD = "draftroom-demo";
    private static final Pattern WORD = Pattern.compile("n\\d+w\\d+");
    private static final Pattern PACKING = Pattern.compile("^\\S+\\s+INFO .*Packing all repositories");

    private ChildApplication a;
    private ChildApplication b;
    private StickyProxy proxy;
    private Path repo;

    @BeforeAll
    void two_nodes_share_one_database_and_one_drafts_directory() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "cluster-");
        repo = dir.resolve("shared-repo");
        String[] common = {"draftroom.cluster.enabled=true", "draftroom.editing.idle-checkpoint=2s",
                "draftroom.drafts.compact-cron=*/2 * * * * *", "draftroom.drafts.compact-gap=PT1S",
                "draftroom.security.max-failures-per-account=5"};
        a = ChildApplication.startSharing(dir.resolve("a"), repo, with(common, "draftroom.cluster.node-id=a"));
        a.awaitReady(START);
        b = ChildApplication.startSharing(dir.resolve("b"), repo,
                with(with(common, "draftroom.cluster.node-id=b"), a.databaseSettings()));
        b.awaitReady(START);
        proxy = new StickyProxy(List.of(a.port(), b.port()), 1);
        // The first page a node serves in development mode takes long (Vaadin initialises); not what is tested here.
        for (ChildApplication node : List.of(a, b)) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/login"))
                    .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.discarding());
        }
        warmUp(a.baseUrl());
        warmUp(b.baseUrl());
    }

    /** Opens the sign-in page once in a browser: Vaadin's first page of a process is slow on a loaded machine. */
    private static void warmUp(String base) {
        try (Browser browser = Browser.startAt(base, Locale.ENGLISH)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    LoginPage.open(browser);
                    return;
                } catch (AssertionError | RuntimeException slow) {
                    // again: the machine is busy
                }
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (b != null) {
            b.stop();
        }
        if (a != null) {
            a.stop();
        }
    }

    @Test
    @Order(1)
    void two_editors_on_two_nodes_see_each_other_and_converge_in_one_clause() throws Exception {
        try (Browser onA = Browser.startAt(a.baseUrl(), Locale.ENGLISH);
             Browser onB = Browser.startAt(b.baseUrl(), Locale.CHINA)) {
            LoginPage.open(onA).signInAs("editor2", PASSWORD);
            LoginPage.open(onB).signInAs("secretariat", PASSWORD);
            LivePage en = LivePage.open(onA, PROJECT).selectClause("范围");
            LivePage zh = LivePage.open(onB, PROJECT).selectClause("范围");

            // Presence crosses the nodes: each sees the other in the document, in the clause, typing here.
            long seen = System.nanoTime();
            onA.waitUntil("Wang Fang (node b) on node a's screen",
                    () -> en.othersInClause().contains("王芳 Wang Fang"));
            onB.waitUntil("Liu Yang (node a) on node b's screen",
                    () -> zh.othersInClause().contains("刘洋 Liu Yang"));
            System.out.printf("cluster: presence crossed the nodes within %d ms%n",
                    (System.nanoTime() - seen) / 1_000_000);
            assertThat(en.peopleInDocument()).contains("王芳 Wang Fang", "刘洋 Liu Yang");
            assertThat(en.markersInOutline("scope")).contains("王芳 Wang Fang");

            en.caretAfter(en.text());
            long sent = System.nanoTime();
            en.type("\n[A]\n[B]");
            onB.waitUntil("the lines typed on node a to reach node b", () -> zh.text().contains("[A]\n[B]"));
            System.out.printf("cluster: typing on node a reached node b's screen in %d ms%n",
                    (System.nanoTime() - sent) / 1_000_000);

            String typedA = "the quick brown fox jumps over the lazy dog, shall conform to clause 5. "
                    .repeat(2).substring(0, 120);
            String typedB = "本文件规定了个人信息控制者在收集、保存、使用、共享、转让、公开披露等信息处理环节中的相关行为应遵循的原则和安全要求。"
                    .repeat(3).substring(0, 110);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> typing = new ArrayList<>();
                typing.add(pool.submit(() -> typeAfter(en, "[A]", typedA)));
                typing.add(pool.submit(() -> typeAfter(zh, "[B]", typedB)));
                onA.waitUntil("node b's typing to show on node a while both type",
                        () -> en.text().contains("[B]本文件"));
                onA.screenshot("cluster-two-nodes-typing-a");
                onB.screenshot("cluster-two-nodes-typing-b");
                for (Future<?> f : typing) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            String expected = "[A]" + typedA + "\n[B]" + typedB;
            for (LivePage page : List.of(en, zh)) {
                page.browser().waitUntil("the editor to settle", page::settled);
            }
            onA.waitUntil("both screens to show the same text with every keystroke",
                    () -> en.text().endsWith(expected) && en.text().equals(zh.text()));
            onA.screenshot("cluster-two-nodes-converged-a");
            onB.screenshot("cluster-two-nodes-converged-b");

            // The checkpoint: written once (by one node), the text in Git is the screens' text, with both people.
            String body = en.text();
            waitFor("the checkpoint to put the converged text into Git",
                    () -> clauseInGit("scope").contains(expected));
            assertThat(clauseInGit("scope").strip()).isEqualTo(body.strip());
            String log = git("log", "-5", "--format=%an|%s|%(trailers:key=Co-authored-by,valueonly,separator=;)");
            String lastLive = log.lines().filter(l -> l.contains("Live edits of scope")).findFirst().orElseThrow();
            assertThat(lastLive).as(log).containsAnyOf("Liu Yang", "Wang Fang");
            assertThat(lastLive.split("\\|")[0] + "|" + lastLive.split("\\|", 3)[2])
                    .contains("Liu Yang").contains("Wang Fang");
            List<String> checkpoints = logLines("checkpointed [scope] of " + PROJECT + " into ");
            Set<String> commits = new HashSet<>();
            for (String line : checkpoints) {
                String commit = line.substring(line.lastIndexOf(' ') + 1);
                if (!commit.startsWith("(")) {
                    assertThat(commits.add(commit)).as("commit " + commit + " written by one node only").isTrue();
                }
            }
            System.out.printf("cluster: %d checkpoint commits of the clause, each logged by one node%n",
                    commits.size());
        }
    }

    @Test
    @Order(2)
    void sign_in_failures_count_across_nodes() throws Exception {
        List<ChildApplication> nodes = List.of(a, b, a, b, a);
        for (ChildApplication node : nodes) {
            assertThat(tokenRequest(node.baseUrl(), "editor1", "wrong-password").statusCode()).isEqualTo(401);
        }
        // Five failures spread over two nodes: the account is throttled on both, even with the right password.
        HttpResponse<String> onB = tokenRequest(b.baseUrl(), "editor1", PASSWORD);
        HttpResponse<String> onA = tokenRequest(a.baseUrl(), "editor1", PASSWORD);
        assertThat(onB.statusCode()).as(onB.body()).isEqualTo(429);
        assertThat(onA.statusCode()).as(onA.body()).isEqualTo(429);
        assertThat(onB.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    @Order(3)
    void jobs_run_once_per_cluster() throws Exception {
        // Both nodes fire the packing every 2 seconds; one of them runs each firing.
        LocalTime from = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        Thread.sleep(12000);
        List<LocalTime> runs = new ArrayList<>();
        int onA = 0;
        int onB = 0;
        for (ChildApplication node : List.of(a, b)) {
            for (String line : node.log()) {
                if (PACKING.matcher(line).find() && LocalTime.parse(line.substring(11, 23)).isAfter(from)) {
                    runs.add(LocalTime.parse(line.substring(11, 23)));
                    if (node == a) {
                        onA++;
                    } else {
                        onB++;
                    }
                }
            }
        }
        runs.sort(null);
        long claimed;
        try (Connection c = a.database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select runs from cluster_job where name = 'compaction'")) {
            assertThat(rs.next()).isTrue();
            claimed = rs.getLong(1);
        }
        System.out.printf("cluster: in 12 s packing ran %d times (node a %d, node b %d); claims in all %d%n",
                runs.size(), onA, onB, claimed);
        // 6 firings on each node; one run per firing (a firing whose node still packs is skipped), never two.
        assertThat(runs.size()).isBetween(2, 7);
        assertThat(claimed).isGreaterThanOrEqualTo(runs.size());
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.between(runs.get(i - 1), runs.get(i)).toMillis())
                    .as("two runs of one firing: %s and %s", runs.get(i - 1), runs.get(i)).isGreaterThan(900);
        }
    }

    @Test
    @Order(4)
    void a_node_killed_while_someone_types_loses_no_acknowledged_edit() throws Exception {
        Set<String> acknowledged = new java.util.TreeSet<>();
        try (Browser browser = Browser.startAt(proxy.baseUrl(), Locale.ENGLISH)) {
            LoginPage.open(browser).signInAs("editor2", PASSWORD);
            LivePage live = LivePage.open(browser, PROJECT).selectClause("规范性引用文件");
            live.caretAtEnd();
            // The proxy sent this browser to node b first: it is the node that dies.
            long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            for (int n = 0; System.nanoTime() < end; n++) {
                live.type(" n" + 1 + "w" + n);
                noteWords(live.acknowledgedText(), acknowledged);
            }
            // Typed just before the node dies: it may or may not have been acknowledged; either way it must be
            // there afterwards, once (from the journal, or from the copy this browser keeps of unsent typing).
            String unsent = "typed-as-b-died";
            live.type(" " + unsent);
            String onScreen = live.text();
            b.killJvm();
            long killedAt = System.nanoTime();
            noteWords(live.acknowledgedText(), acknowledged);
            browser.screenshot("cluster-node-b-killed");
            System.out.printf("cluster: node b killed with %d words acknowledged%n", acknowledged.size());
            assertThat(acknowledged).hasSizeGreaterThan(5);

            // Node a writes node b's journal to Git (idle checkpoint), once: every word exactly once.
            waitFor("node a to checkpoint node b's journal", () -> {
                String text = clauseInGit("normative-references");
                return acknowledged.stream().allMatch(text::contains);
            });
            String text = clauseInGit("normative-references");
            if (acknowledged.stream().anyMatch(word -> count(text, word) != 1)) {
                System.out.println(journeyOf("normative-references") + "on screen as node b died: "
                        + onScreen.replace("\n", "\\n"));
            }
            for (String word : acknowledged) {
                assertThat(count(text, word)).as(word + " in Git").isEqualTo(1);
            }

            // The browser comes back through the proxy, now to node a, signs in again once and finds its text.
            // Reloading asks "leave the site?" while typing is unsent; the person leaves anyway.
            browser.js("setTimeout(() => location.reload(), 0)");
            browser.leaveEvenIfAsked();
            browser.waitUntil("the page to leave the dead node", () -> {
                browser.driver().navigate().refresh();
                return browser.driver().getCurrentUrl().contains("login")
                        || Boolean.TRUE.equals(browser.js("return !!document.querySelector('dr-live-text')"));
            });
            if (browser.driver().getCurrentUrl().contains("login")) {
                LoginPage.shown(browser).signInAs("editor2", PASSWORD);
            }
            LivePage again = LivePage.open(browser, PROJECT).selectClause("规范性引用文件");
            assertThat(again.text()).contains(acknowledged);
            // Node b's row of this browser (refreshed until it died, seconds ago) is not shown beside the new one:
            // neither as a second chip of the same person nor as "someone else is typing here" in its own clause.
            browser.waitUntil("this browser's own chip on node a",
                    () -> again.peopleInDocument().contains("刘洋 Liu Yang"));
            System.out.printf("cluster: back on node a %d s after node b died%n",
                    Duration.ofNanos(System.nanoTime() - killedAt).toSeconds());
            // (Counted in this clause: the first test's editors, in another clause, may still be shown, as anyone
            // whose browser closed without leaving is, for the presence time-out.)
            @SuppressWarnings("unchecked")
            List<String> inThisClause = (List<String>) browser.js("return [...document.querySelectorAll("
                    + "'#presence-bar .presence-chip')].filter(c => c.dataset.clause === 'normative-references')"
                    + ".map(c => c.dataset.user);");
            assertThat(inThisClause).as("people in this clause after the failover\n%s", presence())
                    .containsExactly("刘洋 Liu Yang");
            assertThat(again.othersInClause()).as("others in this browser's clause after the failover").isEmpty();
            // What was typed as node b died is back and acknowledged by node a, once.
            browser.waitUntil("the typing of the last moment to be back", () -> again.text().contains(unsent));
            browser.waitUntil("node a to acknowledge it", () -> again.acknowledgedText().contains(unsent));
            assertThat(count(again.text(), unsent)).as("typed as node b died, once").isEqualTo(1);
            browser.screenshot("cluster-after-failover-on-a");
        }
    }

    @Test
    @Order(5)
    void the_shared_repositories_are_consistent() throws Exception {
        try (var repos = Files.list(repo)) {
            for (Path r : repos.filter(p -> p.toString().endsWith(".git")).toList()) {
                Process fsck = new ProcessBuilder("git", "--git-dir=" + r, "fsck", "--full").redirectErrorStream(true)
                        .start();
                String output = new String(fsck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(fsck.waitFor()).as("git fsck " + r + ":\n" + output).isZero();
                assertThat(output).doesNotContainIgnoringCase("error").doesNotContainIgnoringCase("missing");
            }
        }
    }

    // ---- helpers

    private static Void typeAfter(LivePage page, String marker, String text) {
        page.caretAfter(marker);
        for (int k = 0; k < text.length(); k += 3) {
            page.type(text.substring(k, Math.min(text.length(), k + 3)));
        }
        return null;
    }

    private static void noteWords(String text, Set<String> words) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
    }

    private static int count(String text, String word) {
        Matcher m = Pattern.compile("\\b" + word + "\\b").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private String clauseInGit(String id) {
        String draft = git("show", "HEAD:draft.md");
        int start = draft.indexOf("{#" + id + "}");
        assertThat(start).as("clause " + id).isNotNegative();
        start = draft.indexOf('\n', start) + 1;
        int end = draft.indexOf("\n#", start);
        return draft.substring(start, end < 0 ? draft.length() : end);
    }

    /** For a failure: the presence rows of every node and which nodes hold their "alive" lock. */
    private String presence() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = a.database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select p.client_id, p.node_id, p.user_id, p.clause_id, p.last_seen, now(),"
                     + " (select string_agg(l.classid || '/' || l.objid || '/' || l.objsubid || ' pid ' || l.pid, ', ')"
                     + " from pg_locks l where l.locktype = 'advisory' and l.classid = 19021),"
                     + " hashtext(p.node_id) from live_presence p order by p.last_seen")) {
            while (rs.next()) {
                out.append("presence: ").append(rs.getString(1)).append(" node ").append(rs.getString(2))
                        .append(" user ").append(rs.getLong(3)).append(" in ").append(rs.getString(4))
                        .append(" seen ").append(rs.getString(5)).append(" now ").append(rs.getString(6))
                        .append(" | alive locks ").append(rs.getString(7)).append(" | hash ").append(rs.getString(8))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /**
     * For a failure: the clause's journal (sessions and edits), the checkpoints the nodes logged and the clause in every
     * version, to tell where a word went missing or twice.
     */
    private String journeyOf(String clauseId) throws Exception {
        StringBuilder out = new StringBuilder("---- journey of " + clauseId + "\n");
        try (Connection c = a.database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select s.id, s.opened_at, s.closed_at, s.checkpointed_revision,"
                     + " s.checkpoint_commit, j.revision, j.client_id || ' e' || coalesce(j.client_epoch, 0) || ' n'"
                     + " || coalesce(j.client_n, 0), j.created_at, j.master_delta"
                     + " from live_session s left join edit_journal j on j.session_id = s.id"
                     + " where s.clause_id = '" + clauseId + "' order by s.id, j.revision")) {
            while (rs.next()) {
                out.append("journal: session ").append(rs.getLong(1)).append(" opened ").append(rs.getString(2))
                        .append(" closed ").append(rs.getString(3)).append(" checkpointed ").append(rs.getLong(4))
                        .append(" in ").append(rs.getString(5)).append(" | r").append(rs.getString(6)).append(' ')
                        .append(rs.getString(7)).append(' ').append(rs.getString(8)).append(' ')
                        .append(rs.getString(9)).append('\n');
            }
        }
        for (String line : logLines("checkpointed")) {
            out.append("log: ").append(line).append('\n');
        }
        for (ChildApplication node : List.of(a, b)) {
            node.log().stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                    .filter(l -> !l.contains("search-indexer"))
                    .forEach(l -> out.append("log ").append(node == a ? "a" : "b").append(": ").append(l).append('\n'));
        }
        for (String commit : git("log", "--format=%h", "-30").strip().split("\n")) {
            String draft = git("show", commit + ":draft.md");
            int start = draft.indexOf("{#" + clauseId + "}");
            int end = start < 0 ? -1 : draft.indexOf("\n#", draft.indexOf('\n', start) + 1);
            out.append("git ").append(git("log", "-1", "--format=%h %an %s", commit).strip()).append(": ")
                    .append(start < 0 ? "(no clause)" : draft.substring(draft.indexOf('\n', start) + 1,
                            end < 0 ? draft.length() : end).replace("\n", "\\n")).append('\n');
        }
        return out.toString();
    }

    private String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + repo.resolve(PROJECT + ".git")));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
            return out;
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> logLines(String containing) throws Exception {
        List<String> out = new ArrayList<>();
        for (ChildApplication node : List.of(a, b)) {
            node.log().stream().filter(l -> l.contains(containing)).forEach(out::add);
        }
        return out;
    }

    private static HttpResponse<String> tokenRequest(String base, String user, String password) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"cluster\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void waitFor(String what, java.util.function.Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (AssertionError e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what, last);
    }

    private static String[] with(String[] settings, String... more) {
        List<String> all = new ArrayList<>(List.of(settings));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
