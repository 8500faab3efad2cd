package org.draftroom.comments.anchoring.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.draftroom.comments.anchoring.Anchor;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.anchoring.Reanchoring;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftException;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.GitDraftStore;
import org.draftroom.drafts.storage.seed.LargeProjectGenerator;
import org.draftroom.drafts.storage.seed.SeedClock;

/**
 * Times {@link Reanchoring#reanchorAll} on the large sample draft: 10,000 comments on the head version of the large
 * sample project (about 312,000 characters, 426 headings), carried to a new version that edits 100 clauses and moves
 * five. Target: under one second. Not a test; prints its figures.
 *
 * <p>Run from the project root:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.draftroom.comments.anchoring.bench.AnchoringBenchmark [draft.md]
 * </pre>
 * Without an argument the large sample project is generated into a temporary directory first (about 15 s); with
 * one, that {@code draft.md} is used instead.
 */
public final class AnchoringBenchmark {

    private static final int COMMENTS = 10_000;
    private static final int EDITED_CLAUSES = 100;
    private static final int MOVED_CLAUSES = 5;
    private static final int WARM_UP_RUNS = 3;
    private static final int TIMED_RUNS = 7;
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private AnchoringBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        DraftDocument old = DraftFormat.parse(args.length > 0 ? Files.readAllBytes(Path.of(args[0])) : generate());
        Random random = new Random(42L);

        long t0 = System.nanoTime();
        NumberedOutline numbered = NumberedOutline.of(old);
        List<Anchor> anchors = new ArrayList<>(COMMENTS);
        List<Clause> withText = old.clauses().stream().filter(c -> c.body().length() > 2 && !c.id().isEmpty())
                .toList();
        while (anchors.size() < COMMENTS) {
            Clause clause = withText.get(random.nextInt(withText.size()));
            String body = clause.body();
            int start = codePointBoundary(body, random.nextInt(body.length() - 1));
            int end = codePointBoundary(body, Math.min(body.length(), start + 2 + random.nextInt(40)));
            if (end > start) {
                anchors.add(Anchor.create(numbered, clause.id(), start, end, body.substring(start, end), COMMIT));
            }
        }
        long placedNanos = System.nanoTime() - t0;

        DraftDocument edited = newVersion(old, withText, random);
        System.out.printf("draft: %,d characters, %,d headings; %,d comments placed in %,d ms%n", old.text().length(),
                old.clauses().size(), anchors.size(), placedNanos / 1_000_000);
        System.out.printf("new version: %,d characters, %d clauses edited, %d moved%n", edited.text().length(),
                EDITED_CLAUSES, MOVED_CLAUSES);

        long numberingNanos = time(() -> NumberedOutline.of(edited));
        long[] runs = new long[TIMED_RUNS];
        List<Placement> placements = List.of();
        for (int i = 0; i < WARM_UP_RUNS + TIMED_RUNS; i++) {
            long start = System.nanoTime();
            placements = Reanchoring.reanchorAll(anchors, old, edited);
            long elapsed = System.nanoTime() - start;
            if (i == 0) {
                System.out.printf("first (cold) run: %.1f ms%n", elapsed / 1e6);
            }
            if (i >= WARM_UP_RUNS) {
                runs[i - WARM_UP_RUNS] = elapsed;
            }
        }
        Arrays.sort(runs);
        Map<Placement.Status, Integer> outcomes = new EnumMap<>(Placement.Status.class);
        placements.forEach(p -> outcomes.merge(p.status(), 1, Integer::sum));
        long renumbered = placements.stream().filter(Placement::renumbered).count();
        System.out.printf("reanchorAll of %,d comments: p50 %.1f ms, min %.1f ms, max %.1f ms over %d runs "
                + "(numbering the new version alone: %.1f ms)%n", anchors.size(), runs[TIMED_RUNS / 2] / 1e6,
                runs[0] / 1e6, runs[TIMED_RUNS - 1] / 1e6, TIMED_RUNS, numberingNanos / 1e6);
        System.out.printf("outcomes: %s; %,d shown with a new clause number%n", outcomes, renumbered);
    }

    /** Generates the large sample project into a temporary directory and returns the head {@code draft.md}. */
    private static byte[] generate() throws IOException {
        Path root = Files.createTempDirectory("anchoring-benchmark");
        SeedClock clock = new SeedClock(Instant.parse("2023-03-01T01:30:00Z"), ZoneId.of("Asia/Shanghai"));
        try (GitDraftStore store = new GitDraftStore(root, clock)) {
            LargeProjectGenerator.Result result = new LargeProjectGenerator(LargeProjectGenerator.DEFAULT_SEED)
                    .generate(store, LargeProjectGenerator.PROJECT_ID, clock);
            System.out.printf("generated the large sample project in %,d ms%n", result.elapsed().toMillis());
            return store.readBytes(LargeProjectGenerator.PROJECT_ID, "main", DraftStore.DRAFT_FILE).orElseThrow();
        }
    }

    /**
     * A new version: 100 distinct clauses edited (a sentence inserted, a few characters deleted, a word replaced,
     * chosen at random) and five clauses moved up, which renumbers them and their neighbours.
     */
    private static DraftDocument newVersion(DraftDocument old, List<Clause> withText, Random random) {
        List<Clause> shuffled = new ArrayList<>(withText);
        Collections.shuffle(shuffled, random);
        DraftDocument document = old;
        for (Clause clause : shuffled.subList(0, EDITED_CLAUSES)) {
            String body = document.require(clause.id()).body();
            int at = codePointBoundary(body, random.nextInt(body.length()));
            String edited = switch (random.nextInt(3)) {
                case 0 -> body.substring(0, at) + "修订时新增的一句话，用于检验批注定位。" + body.substring(at);
                case 1 -> body.substring(0, at) + body.substring(codePointBoundary(body, Math.min(body.length(),
                        at + 12)));
                default -> body.substring(0, at) + "应当" + body.substring(codePointBoundary(body,
                        Math.min(body.length(), at + 4)));
            };
            document = Outline.replaceBody(document, clause.id(), edited);
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

    private static int codePointBoundary(String text, int offset) {
        boolean splits = offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
                && Character.isLowSurrogate(text.charAt(offset));
        return splits ? offset - 1 : offset;
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
