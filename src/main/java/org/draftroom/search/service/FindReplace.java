package org.draftroom.search.service;

import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Outline;

/**
 * Find and replace over a whole draft: literal, case-sensitive, in the text of every clause (headings, ids and
 * attributes are left alone, so no replacement can break the structure). Pure; the caller saves the result as one
 * version.
 */
public final class FindReplace {

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
            String body = clause.body();
            int n = count(body, find);
            if (n > 0) {
                result = Outline.replaceBody(result, clause.id(), body.replace(find, with));
                places += n;
                clauses++;
            }
        }
        return new Replacement(result, places, clauses);
    }

    static int count(String text, String find) {
        int n = 0;
        for (int i = text.indexOf(find); i >= 0; i = text.indexOf(find, i + find.length())) {
            n++;
        }
        return n;
    }
}
