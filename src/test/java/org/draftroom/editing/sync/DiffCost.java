package org.draftroom.editing.sync;

import java.util.LinkedList;
import java.util.Random;
import java.util.function.BiFunction;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Operation;

/**
 * What one diff of the sync path costs at the largest clause (200,000 UTF-16 units), now that no deadline cuts it
 * short: the typical sync (a few scattered insertions), many scattered edits (line and word fallback), two unrelated
 * texts and texts without line or word breaks (the coarse fallback). Not a test; prints the median of 5 runs and how
 * many units the diff changes (the minimum is given for the cases that have one). Run from the project root:
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/test-cp.txt)" org.draftroom.editing.sync.DiffCost
 * </pre>
 */
public final class DiffCost {

    private static final String[] WORDS = {"标准", "应当", "符合", "个人", "信息", "the ", "shall ", "conform ", "。", "，",
        "\n", "数据", "处理"};

    private DiffCost() {
    }

    public static void main(String[] args) {
        Random random = new Random(1);
        String clause = words(random, 200_000);
        String chinese = clause.replaceAll("[^\\u4e00-\\u9fff。，]", "");
        run("12 insertions of 3 chars (a sync at N = 12)", clause, scattered(clause, 12, "abc"), 36);
        run("200 insertions of 2 chars", clause, scattered(clause, 200, "XY"), 400);
        run("200 insertions, Chinese without line breaks", chinese, scattered(chinese, 200, "中文"), 400);
        run("2,000 insertions of 2 chars", clause, scattered(clause, 2_000, "XY"), 4_000);
        run("two unrelated texts", clause, words(random, 200_000), -1);
        String xs = "x".repeat(100_000) + "y".repeat(100_000);
        run("no line or word breaks, halves swapped", xs, "y".repeat(100_000) + "x".repeat(100_000), -1);
    }

    private static String words(Random random, int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.substring(0, length);
    }

    private static String scattered(String text, int count, String insert) {
        StringBuilder out = new StringBuilder(text);
        for (int i = count - 1; i >= 0; i--) {
            out.insert((int) ((long) text.length() * i / count), insert);
        }
        return out.toString();
    }

    private static void run(String name, String a, String b, int minimum) {
        TextDiffs diffs = new TextDiffs();
        report(name + ", diff", a, b, minimum, diffs::exact, diffs);
        report(name + ", delta", a, b, minimum, diffs::diff, diffs);
    }

    private static void report(String name, String a, String b, int minimum,
            BiFunction<String, String, LinkedList<Diff>> how, TextDiffs diffs) {
        long[] ms = new long[5];
        LinkedList<Diff> result = null;
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            result = how.apply(a, b);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(ms);
        if (!diffs.target(result).equals(b)) {
            throw new AssertionError(name + ": wrong diff");
        }
        int changed = result.stream().filter(d -> d.operation != Operation.EQUAL).mapToInt(d -> d.text.length()).sum();
        System.out.printf("%-60s %4d ms (max %4d)  %,9d units changed%s%n", name, ms[2], ms[4], changed,
                minimum < 0 ? "" : " (minimum " + String.format("%,d", minimum) + ")");
    }
}
