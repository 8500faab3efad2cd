package org.draftroom.comments.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.draftroom.DraftroomApplication;
import org.draftroom.comments.anchoring.Anchor;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.data.CommentRepository;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.service.CommentReanchoring;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftException;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.service.DraftReader;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.storage.seed.LargeProjectGenerator;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.SignedIn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times the comments module on the large sample project with 10,000 stored comments, through the real application
 * (embedded PostgreSQL, Git, the services and the re-anchoring listener):
 * <ol>
 * <li>the first page of the margin (50 comments) and the per-clause counts of the latest version, as the comment view
 * asks for them when it opens (target: under 1 s);</li>
 * <li>saving a version that edits 100 clauses and moves 5, with the synchronous re-anchoring listener carrying the
 * 10,000 comments to it (target for the re-anchoring: under 1 s), then the re-anchoring alone, repeated after
 * restoring the placements;</li>
 * <li>the same page and counts for an older version, where every comment is placed in memory.</li>
 * </ol>
 * Not a test; prints its figures. Run from the project root:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.draftroom.comments.bench.CommentsBenchmark
 * </pre>
 * It starts the application (profiles test and demo, port chosen freely) in a fresh temporary directory and waits
 * for the large sample project to be generated (15-30 s).
 */
public final class CommentsBenchmark {

    private static final int COMMENTS = 10_000;
    private static final int EDITED_CLAUSES = 100;
    private static final int MOVED_CLAUSES = 5;
    private static final int RUNS = 7;
    private static final String PROJECT = LargeProjectGenerator.PROJECT_ID;

    private CommentsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("comments-benchmark");
        long started = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplication(DraftroomApplication.class).run(
                "--spring.profiles.active=test,demo", "--draftroom.data-dir=" + dir.resolve("data"),
                "--draftroom.drafts-repo=" + dir.resolve("repo"), "--draftroom.demo.large-project=true",
                "--server.port=0", "--logging.level.org.draftroom.comments=debug");
        try {
            run(context, started);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, long started) throws InterruptedException {
        DraftReader reader = context.getBean(DraftReader.class);
        DraftService drafts = context.getBean(DraftService.class);
        CommentService comments = context.getBean(CommentService.class);
        CommentReader commentReader = context.getBean(CommentReader.class);
        CommentReanchoring reanchoring = context.getBean(CommentReanchoring.class);
        CommentRepository repository = context.getBean(CommentRepository.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        while (reader.project(PROJECT).isEmpty()) {
            Thread.sleep(500);
        }
        System.out.printf("application and large sample project ready after %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        SignedIn.as(context.getBean(UserDetailsService.class), "editor2");
        CurrentUser me = context.getBean(Access.class).current();

        String before = reader.head(PROJECT).orElseThrow();
        DraftDocument document = reader.document(PROJECT, before);
        NumberedOutline numbered = NumberedOutline.of(document);
        Random random = new Random(42L);
        List<Clause> withText = document.clauses().stream().filter(c -> c.body().length() > 2 && !c.id().isEmpty())
                .toList();
        long t0 = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            // As after earlier commits: the project's comments follow its placement version.
            jdbc.sql("insert into comment_placement_version (project_id, commit_id) values (:p, :c)")
                    .param("p", PROJECT).param("c", before).update();
            for (int i = 0; i < COMMENTS; i++) {
                Anchor anchor = randomAnchor(numbered, withText, random, before, i);
                repository.insert(new CommentRepository.NewComment(PROJECT, null, String.format("BENCH-%05d", i + 1),
                        me.id(), me.organisationId(), me.organisationCode(), CommentType.values()[i % 3],
                        "意见 " + i, "", Placement.initial(anchor), before, false, java.time.Instant.now()));
            }
        });
        System.out.printf("draft: %,d characters, %,d headings; %,d comments stored in %,d ms%n",
                document.text().length(), document.clauses().size(), COMMENTS, (System.nanoTime() - t0) / 1_000_000);

        margin("latest version, stored placements", commentReader, null);

        DraftDocument edited = newVersion(document, withText, random);
        t0 = System.nanoTime();
        String after = drafts.save(PROJECT, before, edited.text(), "Benchmark: edit 100 clauses, move 5")
                .version().commitId();
        System.out.printf("save of the new version including the synchronous re-anchoring listener: %.1f ms%n",
                (System.nanoTime() - t0) / 1e6);
        System.out.printf("comments placed in the new version: %,d%n",
                jdbc.sql("select count(*) from comment c join comment_placement_version v on v.project_id = c.project_id"
                        + " where coalesce(c.placement_commit, v.commit_id) = :c").param("c", after)
                        .query(Integer.class).single());

        long[] runs = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            jdbc.sql("""
                    update comment c set placement_commit = null, placement_status = 'ANCHORED',
                        placement_clause_id = c.anchor_clause_id, placement_clause_number = c.anchor_clause_number,
                        highlight_start = c.anchor_start, highlight_end = c.anchor_end,
                        candidate_start = null, candidate_end = null
                    where c.project_id = :p""").param("p", PROJECT).update();
            jdbc.sql("update comment_placement_version set commit_id = :before where project_id = :p")
                    .param("before", before).param("p", PROJECT).update();
            long start = System.nanoTime();
            int carried = reanchoring.carryToLatest(PROJECT);
            runs[i] = System.nanoTime() - start;
            if (carried != COMMENTS) {
                throw new IllegalStateException("carried " + carried);
            }
        }
        report("re-anchoring 10,000 comments alone (CommentReanchoring.carryToLatest)", runs);
        Map<Placement.Status, Integer> outcomes = new EnumMap<>(Placement.Status.class);
        jdbc.sql("select placement_status, count(*) from comment where project_id = :p group by placement_status")
                .param("p", PROJECT)
                .query(rs -> {
                    outcomes.put(Placement.Status.valueOf(rs.getString(1)), rs.getInt(2));
                });
        System.out.printf("outcomes: %s; renumbered: %,d%n", outcomes,
                jdbc.sql("select count(*) from comment where project_id = :p and placement_clause_id <> ''"
                        + " and placement_clause_number <> anchor_clause_number").param("p", PROJECT)
                        .query(Integer.class).single());

        margin("latest version after the commit, stored placements", commentReader, null);
        margin("the version before (every comment placed in memory)", commentReader, before);
    }

    private static void margin(String what, CommentReader comments, String ref) {
        long[] page = new long[RUNS];
        long[] counts = new long[RUNS];
        long[] both = new long[RUNS];
        List<PlacedComment> first = List.of();
        Map<String, Integer> perClause = Map.of();
        for (int i = -2; i < RUNS; i++) {
            long t0 = System.nanoTime();
            first = comments.find(PROJECT, ref, CommentFilter.all(), 0, 50);
            long t1 = System.nanoTime();
            perClause = comments.countsByClause(PROJECT, ref, CommentFilter.all());
            long t2 = System.nanoTime();
            if (i >= 0) {
                page[i] = t1 - t0;
                counts[i] = t2 - t1;
                both[i] = t2 - t0;
            } else if (i == -2) {
                System.out.printf("%s, first (cold) call: page + counts %.1f ms%n", what, (t2 - t0) / 1e6);
            }
        }
        System.out.printf("%s: %d comments on the first page, %,d clauses with comments%n", what, first.size(),
                perClause.size());
        report("  first page of 50", page);
        report("  counts by clause", counts);
        report("  page + counts", both);
    }

    private static void report(String what, long[] runs) {
        long[] sorted = runs.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: p50 %.1f ms, min %.1f ms, max %.1f ms over %d runs%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static Anchor randomAnchor(NumberedOutline numbered, List<Clause> withText, Random random, String commit,
                                       int i) {
        while (true) {
            Clause clause = withText.get(random.nextInt(withText.size()));
            String body = clause.body();
            if (i % 20 == 0) {
                return Anchor.onClause(numbered, clause.id(), commit);
            }
            int start = boundary(body, random.nextInt(body.length() - 1));
            int end = boundary(body, Math.min(body.length(), start + 2 + random.nextInt(40)));
            if (end > start) {
                return Anchor.create(numbered, clause.id(), start, end, body.substring(start, end), commit);
            }
        }
    }

    /** The new version of {@code AnchoringBenchmark}: 100 clauses edited at random, 5 moved up. */
    private static DraftDocument newVersion(DraftDocument old, List<Clause> withText, Random random) {
        List<Clause> shuffled = new ArrayList<>(withText);
        Collections.shuffle(shuffled, random);
        DraftDocument document = old;
        for (Clause clause : shuffled.subList(0, EDITED_CLAUSES)) {
            String body = document.require(clause.id()).body();
            int at = boundary(body, random.nextInt(body.length()));
            Supplier<String> edit = switch (random.nextInt(3)) {
                case 0 -> () -> body.substring(0, at) + "修订时新增的一句话，用于检验批注定位。" + body.substring(at);
                case 1 -> () -> body.substring(0, at) + body.substring(boundary(body, Math.min(body.length(),
                        at + 12)));
                default -> () -> body.substring(0, at) + "应当" + body.substring(boundary(body,
                        Math.min(body.length(), at + 4)));
            };
            document = Outline.replaceBody(document, clause.id(), edit.get());
        }
        int moved = 0;
        for (Clause clause : shuffled.subList(EDITED_CLAUSES, shuffled.size())) {
            if (moved == MOVED_CLAUSES) {
                break;
            }
            try {
                document = Outline.moveUp(document, clause.id());
                moved++;
            } catch (DraftException firstAtItsLevel) {
                // The clause cannot move up; another one will.
            }
        }
        return document;
    }

    private static int boundary(String text, int offset) {
        return offset > 0 && offset < text.length() && Character.isLowSurrogate(text.charAt(offset))
                && Character.isHighSurrogate(text.charAt(offset - 1)) ? offset + 1 : offset;
    }
}
