package org.draftroom.search.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Outline;

/**
 * Find and replace over a whole draft: literal, case-sensitive, in the title and the text of every clause, as the
 * find view marks them. Ids, classes, cross-reference targets ({@code [](#id)}) and attribute blocks
 * ({@code {...}}) are left alone, so no replacement can break the structure. Pure; the caller saves the result as
 * one version.
 */
public final class FindReplace {

    /** Link destinations and attribute blocks: markup, not text. */
    private static final Pattern MARKUP = Pattern.compile("\\]\\([^)\\n]*\\)|\\{[^}\\n]*\\}");

    private FindReplace() {
    }

    /** The draft after replacing, how many places changed and in how many clauses. */
    public record Replacement(DraftDocument document, int places, int clauses) {
    }

    public static Replacement replaceAll(DraftDocument document, String find, String replacement) {
        if (find == null || find.isEmpty()) {
            return new Replacement(document, 0, 0);
        }
        String with = replacement == null ? "" : replacement;
        DraftDocument result = document;
        int places = 0;
        int clauses = 0;
        for (Clause clause : document.clauses()) {
            if (clause.id().isEmpty()) {
                continue;
            }
            int inTitle = count(clause.title(), find);
            Text body = replace(clause.body(), find, with);
            if (inTitle > 0) {
                result = Outline.retitle(result, clause.id(), clause.title().replace(find, with));
            }
            if (body.places() > 0) {
                result = Outline.replaceBody(result, clause.id(), body.text());
            }
            if (inTitle + body.places() > 0) {
                places += inTitle + body.places();
                clauses++;
            }
        }
        return new Replacement(result, places, clauses);
    }

    private record Text(String text, int places) {
    }

    /** Replaces the occurrences outside markup. */
    private static Text replace(String body, String find, String with) {
        List<int[]> markup = new ArrayList<>();
        Matcher m = MARKUP.matcher(body);
        while (m.find()) {
            markup.add(new int[]{m.start(), m.end()});
        }
        StringBuilder out = new StringBuilder(body.length());
        int places = 0;
        int at = 0;
        for (int i = body.indexOf(find); i >= 0; i = body.indexOf(find, i)) {
            int end = i + find.length();
            int start = i;
            if (markup.stream().anyMatch(s -> start < s[1] && end > s[0])) {
                i++;
                continue;
            }
            out.append(body, at, i).append(with);
            at = end;
            i = end;
            places++;
        }
        return new Text(out.append(body.substring(at)).toString(), places);
    }

    static int count(String text, String find) {
        int n = 0;
        for (int i = text.indexOf(find); i >= 0; i = text.indexOf(find, i + find.length())) {
            n++;
        }
        return n;
    }
}
