package org.draftroom.drafts.domain;

import java.util.List;

/**
 * Something a structure check or an import found wrong with a draft, for the user interface to translate.
 *
 * @param clauseId the clause concerned (empty for the whole file, the preamble, or a clause without id)
 * @param line     the 1-based line concerned, or 0 when no single line is
 * @param key      the message key, e.g. {@code draft.check.hanging-paragraph}
 * @param args     the message arguments, in placeholder order
 */
public record DraftProblem(String clauseId, int line, String key, List<Object> args) {

    public DraftProblem {
        args = List.copyOf(args);
    }

    static DraftProblem of(String clauseId, int line, String key, Object... args) {
        return new DraftProblem(clauseId, line, key, List.of(args));
    }
}
