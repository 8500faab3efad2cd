package org.draftroom.drafts.domain;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Generates clause ids from titles. An id is a slug of the ASCII words of the title ("范围 Scope" → {@code scope},
 * "Personal information" → {@code personal-information}); a title with no ASCII letters ("范围") gets {@code c-1},
 * {@code c-2} ..., the first one free. Ids are unique within a document: {@code scope-2}, {@code scope-3} ... follow a
 * taken slug. Every id matches {@link StructureChecks#ID}.
 */
public final class ClauseIds {

    private static final int MAX_LENGTH = 64;

    private ClauseIds() {
    }

    /** The slug of the ASCII words of a title, or empty if it has no ASCII letter. */
    public static String slug(String title) {
        StringBuilder sb = new StringBuilder();
        boolean hyphen = false;
        for (char c : title.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean letter = c >= 'a' && c <= 'z';
            boolean digit = c >= '0' && c <= '9';
            if (letter || (digit && sb.length() > 0)) {
                if (hyphen && sb.length() > 0) {
                    sb.append('-');
                }
                sb.append(c);
                hyphen = false;
            } else {
                hyphen = true;
            }
        }
        String slug = sb.toString();
        if (slug.length() > MAX_LENGTH - 4) {
            slug = slug.substring(0, MAX_LENGTH - 4);
            int cut = slug.lastIndexOf('-');
            slug = cut > 0 ? slug.substring(0, cut) : slug;
        }
        return slug;
    }

    /** An id for a new clause with this title that no clause of the document has. */
    public static String unique(DraftDocument document, String title) {
        Set<String> taken = new HashSet<>();
        document.clauses().forEach(c -> taken.add(c.id()));
        return unique(taken, title);
    }

    /** An id for this title that is not in {@code taken}. Does not add it to {@code taken}. */
    public static String unique(Set<String> taken, String title) {
        String base = slug(title);
        if (base.isEmpty()) {
            int n = 1;
            while (taken.contains("c-" + n)) {
                n++;
            }
            return "c-" + n;
        }
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
