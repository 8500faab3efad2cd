package org.draftroom.drafts.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.draftroom.drafts.domain.ClauseMatcher;
import org.draftroom.drafts.domain.ClauseMatching;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.DraftImporter;
import org.draftroom.drafts.domain.ImportOptions;
import org.draftroom.drafts.domain.ImportResult;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.GitDraftStore;
import org.draftroom.drafts.storage.seed.LargeProjectGenerator;
import org.draftroom.drafts.storage.seed.SeedClock;

/**
 * Matching the clause ids of the large sample project (head version) against an edited copy uploaded as plain
 * Markdown (typed numbers, no ids): 6 clauses deleted, 6 inserted, 4 moved to another clause, 10 retitled, 20
 * reworded. Prints the time of reading + matching and of matching alone (median and worst of 15 runs after 5 warm-up
 * runs), and how many clauses got their true id. Run from the project root after {@code ./mvnw test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes:$(./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     org.draftroom.drafts.bench.ClauseMatchingBenchmark [work-dir]
 * </pre>
 */
public final class ClauseMatchingBenchmark {

    private ClauseMatchingBenchmark() {
    }

    record Node(String id, int level, String title, String body, List<String> classes) {
        Node(String id, int level, String title, String body) {
            this(id, level, title, body, List.of());
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("idmatch-bench");
        SeedClock clock = new SeedClock(Instant.parse("2024-01-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
        byte[] head;
        try (GitDraftStore store = new GitDraftStore(work, clock)) {
            String project = LargeProjectGenerator.PROJECT_ID;
            if (!store.projectExists(project)) {
                long t = System.nanoTime();
                new LargeProjectGenerator(LargeProjectGenerator.DEFAULT_SEED).generate(store, project, clock);
                System.out.printf("generated the large project in %.1f s%n", (System.nanoTime() - t) / 1e9);
            }
            head = store.readBytes(project, "main", DraftStore.DRAFT_FILE).orElseThrow();
        }
        DraftDocument previous = DraftFormat.parse(head);
        List<Node> edited = edit(previous, new Random(42));
        DraftDocument editedWithIds = DraftFormat.parse(render(edited));
        byte[] upload = plain(editedWithIds).getBytes(StandardCharsets.UTF_8);
        System.out.printf("previous: %,d clauses, %,d characters; upload: %,d clauses, %,d bytes%n",
                previous.clauses().size(), previous.text().length(), edited.size(), upload.length);

        ImportResult.Accepted accepted = (ImportResult.Accepted) DraftImporter.importMarkdown(upload, ImportOptions.DEFAULT.forNewVersion());
        ClauseMatching matching = ClauseMatcher.match(previous, accepted.document(), accepted.generatedIds());
        int right = 0;
        for (int i = 0; i < edited.size(); i++) {
            ClauseMatching.Match m = matching.atNewIndex(i).orElseThrow();
            boolean isNew = edited.get(i).id().startsWith("new-");
            right += isNew ? (m.status() == ClauseMatching.Status.NEW ? 1 : 0) : (m.id().equals(edited.get(i).id())
                    ? 1 : 0);
        }
        System.out.printf("true ids: %d of %d clauses; kept %d, moved %d, new %d, deleted %d%n", right,
                edited.size(), matching.count(ClauseMatching.Status.KEPT),
                matching.count(ClauseMatching.Status.MOVED), matching.count(ClauseMatching.Status.NEW),
                matching.count(ClauseMatching.Status.DELETED));

        measure("read the upload + match ids", () -> {
            ImportResult.Accepted a = (ImportResult.Accepted) DraftImporter.importMarkdown(upload, ImportOptions.DEFAULT.forNewVersion());
            return ClauseMatcher.match(previous, a.document(), a.generatedIds()).matches().size();
        });
        measure("match ids only", () -> ClauseMatcher.match(previous, accepted.document(), accepted.generatedIds())
                .matches().size());
    }

    private static void measure(String label, java.util.function.IntSupplier work) {
        for (int i = 0; i < 5; i++) {
            work.getAsInt();
        }
        double[] ms = new double[15];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            work.getAsInt();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-32s median %7.1f ms, worst %7.1f ms%n", label, ms[ms.length / 2], ms[ms.length - 1]);
    }

    /** Deletes, inserts, moves, retitles and rewords clauses at random, never the front matter's. */
    static List<Node> edit(DraftDocument document, Random random) {
        List<Node> nodes = new ArrayList<>();
        document.clauses().forEach(c -> nodes.add(new Node(c.id(), c.level(), c.title(), c.body(), c.classes())));
        for (int k = 0; k < 6; k++) {
            int i = leaf(nodes, random);
            nodes.remove(i);
        }
        for (int k = 0; k < 6; k++) {
            int i = leaf(nodes, random);
            nodes.add(i, new Node("new-" + k, nodes.get(i).level(), "新增条款" + k + "的要求",
                    "\n本条为新增内容，规定了第" + k + "项新增的管理措施和技术要求，组织应定期评估其执行情况。\n\n"));
        }
        for (int k = 0; k < 4; k++) {
            Node moved = nodes.remove(leaf(nodes, random));
            int target = leaf(nodes, random);
            nodes.add(target, new Node(moved.id(), nodes.get(target).level(), moved.title(), moved.body(),
                    moved.classes()));
        }
        for (int k = 0; k < 10; k++) {
            int i = leaf(nodes, random);
            Node n = nodes.get(i);
            nodes.set(i, new Node(n.id(), n.level(), n.title() + "的补充", n.body(), n.classes()));
        }
        for (int k = 0; k < 20; k++) {
            int i = leaf(nodes, random);
            Node n = nodes.get(i);
            String body = n.body();
            int at = body.length() / 2;
            nodes.set(i, new Node(n.id(), n.level(), n.title(),
                    body.substring(0, at) + "（修订时补充的说明）" + body.substring(at), n.classes()));
        }
        return nodes;
    }

    /** A clause without subclauses with text, past the front clauses. */
    private static int leaf(List<Node> nodes, Random random) {
        while (true) {
            int i = 8 + random.nextInt(nodes.size() - 8);
            boolean leaf = i + 1 == nodes.size() || nodes.get(i + 1).level() <= nodes.get(i).level();
            if (leaf && nodes.get(i).level() >= 2 && !nodes.get(i).body().isBlank()) {
                return i;
            }
        }
    }

    private static String render(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        nodes.forEach(n -> sb.append("#".repeat(n.level())).append(' ').append(n.title()).append(" {#")
                .append(n.id()).append(n.classes().stream().map(c -> " ." + c).reduce("", String::concat))
                .append("}\n").append(n.body().endsWith("\n") ? n.body() : n.body() + "\n"));
        return sb.toString();
    }

    /** The draft as another body would write it: typed numbers, no ids, no classes. */
    static String plain(DraftDocument document) {
        StringBuilder sb = new StringBuilder(document.preamble());
        for (NumberedClause c : NumberedOutline.of(document).clauses()) {
            String label = c.label(Language.ZH);
            sb.append("#".repeat(c.clause().level())).append(' ').append(label.isEmpty() ? "" : label + " ")
                    .append(c.clause().title()).append('\n').append(c.clause().body());
        }
        return sb.toString();
    }
}
