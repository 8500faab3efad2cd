package org.draftroom.search.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Snippets with the searched words marked: HTML-escaped text in which every occurrence is wrapped in
 * {@code <mark>}. Matching folds width, case and traditional characters the way the analyzer does, character for
 * character, so positions in the folded text are positions in the original; an English stem is extended to the end
 * of its word ("consent" marks "consenting"). Stateless.
 */
public final class Snippets {

    private Snippets() {
    }

    /**
     * A window of about {@code width} characters around the first match (the start of the text when nothing
     * matches), with every match in it marked.
     */
    public static String snippet(String text, List<String> needles, int width) {
        List<int[]> spans = spans(text, needles);
        int start = 0;
        if (!spans.isEmpty()) {
            start = Math.max(0, spans.get(0)[0] - width / 4);
            int lineStart = text.lastIndexOf('\n', spans.get(0)[0]);
            if (lineStart >= start) {
                start = lineStart + 1;
            }
        }
        int end = Math.min(text.length(), start + width);
        StringBuilder html = new StringBuilder();
        if (start > 0) {
            html.append('…');
        }
        int at = start;
        for (int[] span : spans) {
            if (span[1] <= at || span[0] >= end) {
                continue;
            }
            int s = Math.max(span[0], at);
            int e = Math.min(span[1], end);
            html.append(escape(text.substring(at, s))).append("<mark>").append(escape(text.substring(s, e)))
                    .append("</mark>");
            at = e;
        }
        html.append(escape(text.substring(at, end)));
        if (end < text.length()) {
            html.append('…');
        }
        return html.toString().replace('\n', ' ');
    }

    /** The whole text, escaped, with every match marked. */
    public static String markAll(String text, List<String> needles) {
        StringBuilder html = new StringBuilder();
        int at = 0;
        for (int[] span : spans(text, needles)) {
            html.append(escape(text.substring(at, span[0]))).append("<mark>")
                    .append(escape(text.substring(span[0], span[1]))).append("</mark>");
            at = span[1];
        }
        return html.append(escape(text.substring(at))).toString();
    }

    /** Non-overlapping [start, end) spans of the needles in the text, in order. */
    public static List<int[]> spans(String text, List<String> needles) {
        String folded = fold(text);
        List<int[]> found = new ArrayList<>();
        for (String needle : needles) {
            String n = fold(needle.strip());
            if (n.isEmpty() || (n.length() == 1 && !Character.isLetterOrDigit(n.charAt(0)))) {
                continue;
            }
            boolean latin = n.chars().allMatch(c -> c < 0x2E80);
            for (int i = folded.indexOf(n); i >= 0; i = folded.indexOf(n, i + 1)) {
                int end = i + n.length();
                if (latin) {
                    if (i > 0 && Character.isLetterOrDigit(folded.charAt(i - 1))) {
                        continue;
                    }
                    while (end < folded.length() && Character.isLetter(folded.charAt(end))
                            && folded.charAt(end) < 0x2E80) {
                        end++;
                    }
                }
                found.add(new int[]{i, end});
            }
        }
        found.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] span : found) {
            if (!merged.isEmpty() && span[0] < merged.get(merged.size() - 1)[1]) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], span[1]);
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    private static String fold(String s) {
        char[] chars = SimplifiedChineseFilter.simplified(QueryText.fold(s)).toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
