package org.draftroom.search.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.draftroom.search.index.IndexedItem;
import org.draftroom.search.index.Kind;
import org.draftroom.search.index.QueryText;
import org.draftroom.search.index.SearchIndex;

/**
 * Times the search index on a generated corpus: 100 projects of about 100,000 characters each (Chinese sentences of
 * the GB/T 35273 sample and English sentences, mixed), cut into clauses of about 500 characters, and 100,000 comments
 * (1,000 per project). Measures the full build, the index size, the p50/p95 of single words, phrases and mixed
 * queries with the filter a secretariat's search carries, the update of one project the size of the large sample
 * (300,000 characters and 1,000 comments) until it is searchable, and the slowest of the bad inputs.
 *
 * <p>This is the index alone (analysis, Lucene, the query and filter as {@code SearchService} builds them); reading
 * the texts from Git and the comments from PostgreSQL during a rebuild is not in it. Every figure is printed as wall
 * time and as CPU time (the querying thread's for a query, the whole process's for a build or an update, whose work
 * runs on several threads), with {@code uptime} at the start and the end: on a shared machine only the CPU time is a
 * property of the code. Not a test; prints its figures:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) org.draftroom.search.bench.SearchBenchmark
 * </pre>
 */
public final class SearchBenchmark {

    private static final int PROJECTS = 100;
    private static final int CHARS = 100_000;
    private static final int COMMENTS_PER_PROJECT = 1_000;

    private SearchBenchmark() {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        System.out.printf("start %s; %d processors; uptime: %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), uptime());
        List<String> zh = sentences(Files.readString(Path.of("drafts-repo/seed/gbt-35273/v2020.md")));
        List<String> en = List.of("The controller shall obtain explicit consent before collecting personal data.",
                "Processing shall be limited to the minimum necessary for the stated purpose.",
                "Access control measures protect stored personal information against unauthorised disclosure.",
                "The privacy policy describes the purposes, methods and scope of processing.",
                "Security incidents are reported to the supervisory authority without undue delay.",
                "Data subjects may withdraw their consent at any time, free of charge.",
                "Aggregation of information collected for different business purposes needs a new assessment.",
                "Entrusted processing requires a contract that binds the processor to the same requirements.");
        Random random = new Random(42);
        List<IndexedItem> items = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            items.addAll(project(p, CHARS, zh, en, random));
        }
        long chars = items.stream().mapToLong(i -> i.text().length()).sum();
        System.out.printf("corpus: %d items, %,d characters%n", items.size(), chars);

        try (SearchIndex index = new SearchIndex()) {
            warm(index, items.subList(0, 2000));
            long t0 = System.nanoTime();
            long c0 = processCpu();
            index.replaceAll(items);
            double build = (System.nanoTime() - t0) / 1e9;
            double buildCpu = (processCpu() - c0) / 1e9;
            System.out.printf("full build: wall %.1f s, process CPU %.1f s (all threads), %d items, index size %.1f MB,"
                    + " %d indexing threads%n", build, buildCpu, index.count(), index.sizeInBytes() / 1e6,
                    SearchIndex.indexingThreads());

            Query filter = secretariatFilter();
            String[] words = {"同意", "个人信息", "控制者", "最小必要", "consent", "processing", "controllers", "安全事件"};
            String[] phrases = {"\"个人信息控制者\"", "\"explicit consent\"", "\"最小必要\"", "\"supervisory authority\"",
                    "\"授权同意\"", "\"privacy policy\""};
            String[] mixed = {"个人信息 consent", "同意 withdraw", "安全事件 authority", "最小必要 purpose",
                    "个人信息主体 \"explicit consent\"", "控制者 processing"};
            measure(index, filter, "single words", words, 400);
            measure(index, filter, "phrases", phrases, 400);
            measure(index, filter, "mixed", mixed, 400);
            measure(index, filter, "bad input", new String[]{"*", "x".repeat(10_000), "个".repeat(10_000),
                    "AND OR NOT ( \" \\", ".*[a-z]+(foo|bar){2,}\\d", "title:个人 OR *:* ~2 ^10", "a b c d e f g h i j k l m n o p q"},
                    50);

            List<IndexedItem> large = project(7, 300_000, zh, en, random);
            String marker = "freshmarker" + random.nextInt(1_000_000);
            large = new ArrayList<>(large);
            IndexedItem first = large.get(0);
            large.set(0, new IndexedItem(first.key(), first.kind(), first.projectId(), first.projectCode(), "", "",
                    first.workingGroup(), 0, "", "c", first.clauseId(), first.number(), first.title(),
                    marker + " " + first.text(), null, "", null, "", null, ""));
            long[] updates = new long[5];
            long[] updateCpu = new long[5];
            for (int i = 0; i < updates.length; i++) {
                long u0 = System.nanoTime();
                long uc0 = processCpu();
                index.replaceProject("p7", large);
                Query q = QueryText.parse(marker, 200).toQuery(index.analyzer(), SearchIndex.TEXT).orElseThrow();
                if (index.search(q, filter, 0, 10).total() != 1) {
                    throw new AssertionError("the update is not searchable");
                }
                updates[i] = System.nanoTime() - u0;
                updateCpu[i] = processCpu() - uc0;
            }
            Arrays.sort(updates);
            Arrays.sort(updateCpu);
            System.out.printf("update of a 300,000-character project with 1,000 comments until searchable: wall median"
                    + " %.0f ms, max %.0f ms; process CPU median %.0f ms, max %.0f ms (%d items)%n", updates[2] / 1e6,
                    updates[4] / 1e6, updateCpu[2] / 1e6, updateCpu[4] / 1e6, large.size());
        }
        System.out.printf("end %s; uptime: %s%n", Instant.now(), uptime());
    }

    /** The CPU time of this process, every thread (nanoseconds). */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes()).strip();
        } catch (Exception e) {
            return "(uptime not available: " + e + ")";
        }
    }

    private static void warm(SearchIndex index, List<IndexedItem> items) {
        index.replaceAll(items);
        Query q = QueryText.parse("个人信息", 200).toQuery(index.analyzer(), SearchIndex.TEXT).orElseThrow();
        for (int i = 0; i < 200; i++) {
            index.search(q, secretariatFilter(), 0, 20);
        }
    }

    private static void measure(SearchIndex index, Query filter, String label, String[] queries, int rounds) {
        long[] times = new long[queries.length * rounds];
        long[] cpu = new long[queries.length * rounds];
        int n = 0;
        int total = 0;
        for (int r = 0; r < rounds; r++) {
            for (String query : queries) {
                long t0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                QueryText text = QueryText.parse(query, 200);
                var q = text.toQuery(index.analyzer(), SearchIndex.TEXT);
                if (q.isPresent()) {
                    total += index.search(q.get(), filter, 0, 20).total();
                }
                cpu[n] = THREADS.getCurrentThreadCpuTime() - c0;
                times[n++] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        System.out.printf("%-13s wall p50 %.2f ms, p95 %.2f ms, max %.2f ms; CPU p50 %.2f ms, p95 %.2f ms, max %.2f ms"
                + " (%d queries, %d matches on average)%n", label, times[n / 2] / 1e6, times[(int) (n * 0.95)] / 1e6,
                times[n - 1] / 1e6, cpu[n / 2] / 1e6, cpu[(int) (n * 0.95)] / 1e6, cpu[n - 1] / 1e6, n, total / n);
    }

    /** The filter a secretariat's search carries: every project's current text and comments, no round texts. */
    private static Query secretariatFilter() {
        List<BytesRef> projects = IntStream.range(0, PROJECTS).mapToObj(p -> new BytesRef("p" + p)).toList();
        Query texts = new BooleanQuery.Builder()
                .add(new TermInSetQuery(SearchIndex.KIND, List.of(new BytesRef("CLAUSE"), new BytesRef("TERM"))),
                        Occur.FILTER)
                .add(new TermQuery(new Term(SearchIndex.ROUND, "0")), Occur.FILTER)
                .add(new TermInSetQuery(SearchIndex.PROJECT, projects), Occur.FILTER).build();
        Query comments = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SearchIndex.KIND, "COMMENT")), Occur.FILTER)
                .add(new TermInSetQuery(SearchIndex.PROJECT, projects), Occur.FILTER).build();
        return new BooleanQuery.Builder().add(new BooleanQuery.Builder().add(texts, Occur.SHOULD)
                .add(comments, Occur.SHOULD).build(), Occur.FILTER).build();
    }

    private static List<IndexedItem> project(int p, int size, List<String> zh, List<String> en, Random random) {
        List<IndexedItem> items = new ArrayList<>();
        String id = "p" + p;
        int written = 0;
        int clause = 0;
        while (written < size) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 500) {
                text.append(random.nextInt(3) == 0 ? en.get(random.nextInt(en.size())) + " "
                        : zh.get(random.nextInt(zh.size())));
            }
            written += text.length();
            String number = (clause / 20 + 1) + "." + (clause % 20 + 1);
            items.add(new IndexedItem("clause:" + id + ":" + clause, Kind.CLAUSE, id, "GB/T " + (40000 + p), "", "",
                    "WG" + (p % 7 + 1), 0, "", "c", "c-" + clause, number, "条款 " + number, text.toString(), null, "",
                    null, "", null, ""));
            clause++;
        }
        for (int c = 0; c < COMMENTS_PER_PROJECT; c++) {
            String body = random.nextBoolean() ? en.get(random.nextInt(en.size()))
                    : zh.get(random.nextInt(zh.size())) + zh.get(random.nextInt(zh.size()));
            long cid = (long) p * COMMENTS_PER_PROJECT + c;
            items.add(new IndexedItem("comment:" + cid, Kind.COMMENT, id, "GB/T " + (40000 + p), "", "",
                    "WG" + (p % 7 + 1), 0, "", "c", "c-" + (c % Math.max(1, clause)), "", "CN-" + c, body, cid,
                    c % 3 == 0 ? "TE" : "ED", (long) (c % 10), "CN-O" + (c % 10), (long) c, "OPEN"));
        }
        return items;
    }

    private static List<String> sentences(String markdown) {
        List<String> out = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            for (String s : line.split("(?<=[。；])")) {
                if (s.length() > 8) {
                    out.add(s.replaceAll("\\[]\\(#[^)]*\\)", ""));
                }
            }
        }
        return out;
    }
}
