package org.draftroom.comments.ui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.draftroom.DraftroomApplication;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.comments.ui.CommentedDraft;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftHtml;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.storage.seed.LargeProjectGenerator;
import org.draftroom.security.SignedIn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Measures the first view of the comments on the large sample project with 10,000 comments: what the server does
 * before the page can show (open the version, count per clause, fetch the comments to highlight and the first margin
 * page, render the draft with the highlights) and how much HTML goes to the browser. Target: first view under 1 s.
 * Not a test; prints its figures, written down in {@code docs/benchmarks.md}.
 *
 * <p>Starts the whole application (demo profile, embedded PostgreSQL) in a work directory, waits for the large sample
 * project, and creates 10,000 comments on random words of random clauses of its head version when fewer exist (once;
 * the work directory keeps them). With {@code --keep} it stays up on the given port afterwards, so that the browser's
 * first view can be timed too (e.g. with Playwright: open {@code /projects/tc260-large-sample/comments} and wait for
 * the first card in {@code #margin}).
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.draftroom.comments.ui.bench.CommentedDraftBenchmark [work-dir] [port] [--keep]
 * </pre>
 */
public final class CommentedDraftBenchmark {

    private static final String PROJECT = LargeProjectGenerator.PROJECT_ID;
    private static final int COMMENTS = 10_000;
    private static final int RUNS = 20;

    private CommentedDraftBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean keep = rest.remove("--keep");
        Path work = rest.size() > 0 ? Path.of(rest.get(0)) : Files.createTempDirectory("comments-ui-bench");
        String port = rest.size() > 1 ? rest.get(1) : "0";
        SpringApplication application = new SpringApplication(DraftroomApplication.class);
        application.setAdditionalProfiles("demo");
        ConfigurableApplicationContext context = application.run("--server.port=" + port,
                "--draftroom.data-dir=" + work.resolve("data"), "--draftroom.drafts-repo=" + work.resolve("repos"),
                "--draftroom.demo.seed-dir=" + Path.of("drafts-repo/seed").toAbsolutePath(),
                "--vaadin.devmode.devTools.enabled=false");
        UserDetailsService users = context.getBean(UserDetailsService.class);
        DraftService drafts = context.getBean(DraftService.class);
        CommentService comments = context.getBean(CommentService.class);
        CommentReader commentReader = context.getBean(CommentReader.class);
        SignedIn.as(users, "secretariat");

        DraftService.DraftSnapshot snapshot = waitForLargeProject(drafts);
        System.out.printf("draft: %,d characters, %,d clauses%n", snapshot.document().text().length(),
                snapshot.document().clauses().size());
        seed(comments, commentReader, snapshot);
        String head = snapshot.version().commitId();
        CommentFilter all = CommentFilter.all();
        System.out.printf("comments: %,d%n", commentReader.count(PROJECT, all));

        time("open the version (git read, parse, number, checks)", () -> drafts.open(PROJECT, null));
        time("counts per clause", () -> commentReader.countsByClause(PROJECT, head, all));
        time("first margin page (" + 20 + " cards)", () -> commentReader.find(PROJECT, head, all, 0, 20));
        int general = commentReader.countsByClause(PROJECT, head, all).getOrDefault("", 0);
        time("comments to highlight (" + CommentedDraft.HIGHLIGHT_LIMIT + ", after the general ones)",
                () -> commentReader.find(PROJECT, head, all, general, CommentedDraft.HIGHLIGHT_LIMIT));
        List<PlacedComment> highlighted = commentReader.find(PROJECT, head, all, general,
                CommentedDraft.HIGHLIGHT_LIMIT);
        String html = time("render the draft with the highlights of " + highlighted.size() + " comments",
                () -> CommentedDraft.highlighted(snapshot.document(), Language.ZH, highlighted));
        time("render the draft without highlights (DraftHtml, for comparison)",
                () -> DraftHtml.render(snapshot.document(), Language.ZH));
        System.out.printf("HTML sent for the document: %,d characters; <mark> elements: %,d%n", html.length(),
                html.split("<mark ", -1).length - 1);
        SignedIn.nobody();
        if (keep) {
            System.out.println("running on port " + context.getEnvironment().getProperty("local.server.port")
                    + "; stop with Ctrl-C");
            Thread.currentThread().join();
        }
        context.close();
    }

    private static DraftService.DraftSnapshot waitForLargeProject(DraftService drafts) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (true) {
            try {
                DraftService.DraftSnapshot snapshot = drafts.open(PROJECT, null);
                if (snapshot.document().clauses().size() > 300) {
                    return snapshot;
                }
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            Thread.sleep(2000);
        }
    }

    private static void seed(CommentService comments, CommentReader commentReader,
                             DraftService.DraftSnapshot snapshot) {
        int existing = commentReader.count(PROJECT, CommentFilter.all());
        if (existing >= COMMENTS) {
            return;
        }
        Random random = new Random(42);
        List<Clause> clauses = snapshot.document().clauses().stream()
                .filter(c -> !c.id().isEmpty() && c.body().strip().length() > 40).toList();
        String commit = snapshot.version().commitId();
        long t = System.nanoTime();
        for (int i = existing; i < COMMENTS; i++) {
            Clause clause = clauses.get(random.nextInt(clauses.size()));
            String body = clause.body();
            CommentType type = CommentType.values()[random.nextInt(3)];
            CommentForm form;
            if (i % 10 == 0) {
                form = new CommentForm(null, type, i % 20 == 0 ? "" : clause.id(), 0, 0, "",
                        "Benchmark comment " + i, "");
            } else {
                int start = random.nextInt(body.length() - 20);
                if (Character.isLowSurrogate(body.charAt(start))) {
                    start++;
                }
                int end = start + 4 + random.nextInt(12);
                if (Character.isHighSurrogate(body.charAt(end - 1))) {
                    end++;
                }
                form = new CommentForm(null, type, clause.id(), start, end, body.substring(start, end),
                        "Benchmark comment " + i + " on **these words**.", i % 3 == 0 ? "建议修改为更准确的表述" : "");
            }
            comments.create(PROJECT, commit, form);
            if ((i + 1) % 1000 == 0) {
                System.out.printf("created %,d comments (%.1f s)%n", i + 1, (System.nanoTime() - t) / 1e9);
            }
        }
    }

    private static <T> T time(String what, Supplier<T> action) {
        T result = null;
        for (int i = 0; i < 5; i++) {
            result = action.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            result = action.get();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%-70s p50 %7.1f ms  p95 %7.1f ms%n", what, nanos[RUNS / 2] / 1e6,
                nanos[(int) (RUNS * 0.95) - 1] / 1e6);
        return result;
    }

}
