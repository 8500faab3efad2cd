package org.draftroom.rounds.domain;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much two comments say the same thing, from their texts alone (Chinese and English; no language model): the
 * Jaccard similarity of their features after normalising away what does not change the meaning (full-width and
 * half-width forms, case, punctuation, spacing). Features are character bigrams of Chinese runs, and for Latin
 * script the (lightly stemmed) words minus a few function words plus character 4-grams within words, so that word
 * order and inflection count little. Two texts with similar wording but opposite meaning ("should" / "should not",
 * 缩短 / 延长, add / delete) or different figures (15 days / 30 days) get their score cut, so that they are not
 * proposed as duplicates. Measured on a labelled set of pairs in {@code DuplicateSimilarityTest} and
 * {@code docs/benchmarks.md}.
 */
public final class DuplicateSimilarity {

    /** Pairs at or above this score are proposed as duplicates (chosen on the labelled set). */
    public static final double THRESHOLD = 0.40;
    /** The factor a pair's score is multiplied by when one text says the opposite of the other. */
    static final double OPPOSITE_FACTOR = 0.3;

    private static final Pattern HAN = Pattern.compile("[\\p{IsHan}]+");
    private static final Pattern WORD = Pattern.compile("[\\p{IsLatin}\\p{Nd}]+(?:[-'][\\p{IsLatin}\\p{Nd}]+)*");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)*");
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "in", "to", "for", "and", "or", "be",
            "is", "are", "it", "this", "that", "should", "shall", "must", "by", "on", "with", "as", "their", "its",
            "please", "than", "rather", "instead");
    private static final Set<String> NEGATIONS_EN = Set.of("not", "no", "never", "without", "nor", "cannot",
            "don't", "doesn't", "isn't", "aren't", "needn't", "shouldn't", "mustn't");
    /** Chinese negations; compounds that negate nothing (不少于 "at least", 不满 "under") are taken out first. */
    private static final List<String> NEGATIONS_ZH = List.of("不应", "不必", "不宜", "无需", "不需", "不得", "不要",
            "没有", "不能", "不可", "不用", "无须", "建议不");
    private static final List<String> NOT_NEGATIONS_ZH = List.of("不少于", "不满", "不超过", "不低于", "不多于");
    /** Words whose swap turns a comment into its opposite. */
    private static final String[][] OPPOSITES = {
            {"mandatory", "optional"}, {"shorten", "extend"}, {"increase", "decrease"}, {"raise", "lower"},
            {"add", "remove"}, {"add", "delete"}, {"keep", "delete"}, {"keep", "remove"}, {"strict", "loose"},
            {"before", "after"}, {"within", "after"}, {"kept", "delet"}, {"include", "exclude"}, {"least", "most"}, {"separately", "merge"},
            {"contradict", "consistent"}, {"outdat", "current"}, {"unreadable", "readable"}, {"vague", "clear"},
            {"强制", "推荐"}, {"缩短", "延长"}, {"提高", "降低"}, {"增加", "删除"}, {"保留", "删除"},
            {"严格", "宽松"}, {"过严", "宽松"}, {"之前", "之后"}, {"内", "后"}, {"前", "后"}, {"包括", "排除"}, {"涵盖", "排除"},
            {"纳入", "排除"}, {"不少于", "不多于"}, {"分别", "合并"}, {"矛盾", "一致"}, {"过时", "适用"},
            {"看不清", "清晰"}, {"模糊", "清楚"}, {"互补", "重复"}};

    private DuplicateSimilarity() {
    }

    /** The similarity of two comment texts, 0 (nothing in common) to 1 (the same once normalised). */
    public static double score(String a, String b) {
        String na = normalise(a);
        String nb = normalise(b);
        if (na.isBlank() || nb.isBlank()) {
            return 0;
        }
        if (na.equals(nb)) {
            return 1;
        }
        double jaccard = jaccard(features(na), features(nb));
        if (opposite(na, nb) || !numbers(na).equals(numbers(nb))) {
            jaccard *= OPPOSITE_FACTOR;
        }
        return jaccard;
    }

    /** Whether two comments are proposed as duplicates. */
    public static boolean similar(String a, String b) {
        return score(a, b) >= THRESHOLD;
    }

    /** NFKC (full-width to half-width), lower case, curly quotes straight, punctuation and runs of space to one space. */
    static String normalise(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('’', '\'').replace('‘', '\'');
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean keep = Character.isLetterOrDigit(c) || c == '\'' || c == '-' || c == '.' && i > 0
                    && i + 1 < s.length() && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1));
            out.append(keep ? c : ' ');
        }
        return out.toString().replaceAll("\\s+", " ").trim();
    }

    static Set<String> features(String normalised) {
        Set<String> features = new HashSet<>();
        Matcher han = HAN.matcher(normalised);
        while (han.find()) {
            String run = han.group();
            if (run.length() == 1) {
                features.add(run);
            }
            for (int i = 0; i + 2 <= run.length(); i++) {
                features.add(run.substring(i, i + 2));
            }
        }
        Matcher word = WORD.matcher(normalised);
        while (word.find()) {
            String w = stem(word.group());
            if (STOP.contains(w)) {
                continue;
            }
            features.add("w:" + w);
            for (int i = 0; i + 4 <= w.length(); i++) {
                features.add("g:" + w.substring(i, i + 4));
            }
        }
        return features;
    }

    private static String stem(String word) {
        for (String suffix : new String[] {"ing", "ed", "es", "s", "ly"}) {
            if (word.length() > suffix.length() + 3 && word.endsWith(suffix)) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String f : a) {
            if (b.contains(f)) {
                common++;
            }
        }
        return common / (double) (a.size() + b.size() - common);
    }

    /** Whether one text negates what the other affirms, or swaps a word for its opposite. */
    static boolean opposite(String a, String b) {
        if (negations(a) % 2 != negations(b) % 2) {
            return true;
        }
        for (String[] pair : OPPOSITES) {
            boolean aFirst = a.contains(pair[0]) && !a.contains(pair[1]);
            boolean aSecond = a.contains(pair[1]) && !a.contains(pair[0]);
            boolean bFirst = b.contains(pair[0]) && !b.contains(pair[1]);
            boolean bSecond = b.contains(pair[1]) && !b.contains(pair[0]);
            if (aFirst && bSecond || aSecond && bFirst) {
                return true;
            }
        }
        return false;
    }

    private static int negations(String normalised) {
        int count = 0;
        Matcher word = WORD.matcher(normalised);
        while (word.find()) {
            if (NEGATIONS_EN.contains(word.group())) {
                count++;
            }
        }
        String zh = normalised;
        for (String harmless : NOT_NEGATIONS_ZH) {
            zh = zh.replace(harmless, " ");
        }
        for (String negation : NEGATIONS_ZH) {
            int from = 0;
            while ((from = zh.indexOf(negation, from)) >= 0) {
                count++;
                from += negation.length();
            }
        }
        return count;
    }

    private static Set<String> numbers(String normalised) {
        Set<String> numbers = new HashSet<>();
        Matcher m = NUMBER.matcher(normalised);
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }
}
