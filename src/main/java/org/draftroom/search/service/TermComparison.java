package org.draftroom.search.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.draftroom.search.index.IndexedItem;

/**
 * Terms across standards: a term is known by its Chinese designation (the title up to the English words: "个人信息"
 * of "个人信息 personal information"), or by the whole title when it has no Chinese. Two definitions are the same when
 * they read the same after dropping notes, spaces and punctuation differences of width.
 */
public final class TermComparison {

    private TermComparison() {
    }

    /** A term of one standard with the same term of others. */
    public record SharedTerm(IndexedItem term, List<IndexedItem> elsewhere, boolean differs) {
    }

    /** The designation a term is compared by. */
    public static String key(String title) {
        String t = title.strip();
        int i = 0;
        while (i < t.length() && (t.charAt(i) >= 0x2E80 || Character.isDigit(t.charAt(i)))) {
            i++;
        }
        String chinese = t.substring(0, i).strip();
        return (chinese.isEmpty() ? t : chinese).toLowerCase(Locale.ROOT);
    }

    /** The definition as shown: its paragraphs without notes (注), joined. */
    public static String definitionText(String text) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (!p.isEmpty() && !p.startsWith("注") && !p.toLowerCase(Locale.ROOT).startsWith("note")) {
                out.append(out.isEmpty() ? "" : " ").append(p);
            }
        }
        return out.toString();
    }

    /** The definition without its notes (注), normalised for comparison. */
    public static String definition(String text) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (p.startsWith("注") || p.toLowerCase(Locale.ROOT).startsWith("note")) {
                continue;
            }
            out.append(p);
        }
        StringBuilder n = new StringBuilder();
        out.codePoints().filter(c -> !Character.isWhitespace(c)).map(c -> c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c)
                .forEach(n::appendCodePoint);
        return n.toString();
    }

    /** Every term of {@code own} that other projects among {@code all} define too. */
    public static List<SharedTerm> shared(List<IndexedItem> own, List<IndexedItem> all) {
        Map<String, List<IndexedItem>> byKey = new LinkedHashMap<>();
        all.forEach(t -> byKey.computeIfAbsent(key(t.title()), k -> new ArrayList<>()).add(t));
        List<SharedTerm> shared = new ArrayList<>();
        for (IndexedItem term : own) {
            List<IndexedItem> others = byKey.getOrDefault(key(term.title()), List.of()).stream()
                    .filter(t -> !t.projectId().equals(term.projectId())).toList();
            if (!others.isEmpty()) {
                String mine = definition(term.text());
                shared.add(new SharedTerm(term, others,
                        others.stream().anyMatch(o -> !definition(o.text()).equals(mine))));
            }
        }
        return shared;
    }
}
