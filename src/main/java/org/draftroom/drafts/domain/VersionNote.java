package org.draftroom.drafts.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the application did in a version it wrote itself, kept as Git trailers at the end of the commit message so that
 * any Git client reads it and the interface can say it in the reader's language:
 * <pre>
 * Apply comment CN-BCL-002
 *
 * Draftroom-Action: apply-comment CN-BCL-002
 * Draftroom-Clause: c-minimisation
 * </pre>
 * The first line stays a plain English subject for Git tools; the interface shows {@link #summary} instead.
 *
 * @param action    what was done: {@code live-edits}, {@code apply-comment}, {@code stage}, {@code create-project},
 *                  {@code document-details}, or another word written by a newer version
 * @param argument  what it was done with, e.g. the comment id; may be empty
 * @param clauseIds the clauses it touched, in order; may be empty
 */
public record VersionNote(String action, String argument, List<String> clauseIds) {

    public static final String ACTION = "Draftroom-Action";
    public static final String CLAUSE = "Draftroom-Clause";

    public VersionNote {
        action = action == null ? "" : action.strip();
        argument = argument == null ? "" : argument.strip();
        clauseIds = List.copyOf(clauseIds);
    }

    /** The trailer block to append to a commit message (after an empty line). */
    public static String trailers(String action, String argument, Collection<String> clauseIds) {
        StringBuilder sb = new StringBuilder(ACTION).append(": ").append(action);
        if (argument != null && !argument.isBlank()) {
            sb.append(' ').append(argument.strip().replaceAll("\\s+", " "));
        }
        for (String id : clauseIds) {
            sb.append('\n').append(CLAUSE).append(": ").append(id);
        }
        return sb.toString();
    }

    /** The note of a version message, if the application wrote one; empty for a message a person wrote. */
    public static Optional<VersionNote> of(String message) {
        if (message == null || !message.contains(ACTION + ":")) {
            return Optional.empty();
        }
        String action = "";
        String argument = "";
        List<String> clauses = new ArrayList<>();
        for (String line : message.lines().toList()) {
            if (line.startsWith(ACTION + ":")) {
                String value = line.substring(ACTION.length() + 1).strip();
                int space = value.indexOf(' ');
                action = space < 0 ? value : value.substring(0, space);
                argument = space < 0 ? "" : value.substring(space + 1).strip();
            } else if (line.startsWith(CLAUSE + ":")) {
                clauses.add(line.substring(CLAUSE.length() + 1).strip());
            }
        }
        return action.isEmpty() ? Optional.empty() : Optional.of(new VersionNote(action, argument, clauses));
    }

    /**
     * A plain-text summary of a version for people: the application's note in the reader's language, with each
     * clause shown by its number and title in {@code outline} (its id when it is not there any more), or the first
     * line of a message a person wrote.
     *
     * @param message    the version's whole message
     * @param outline    the numbering to show clauses with, e.g. that of the latest version
     * @param language   the language of the clause labels (the document's)
     * @param translate  the interface's messages: key and arguments to text; keys {@code version.note.<action>}
     */
    public static String summary(String message, NumberedOutline outline, Language language,
                                 BiFunction<String, Object[], String> translate) {
        Optional<VersionNote> note = of(message);
        if (note.isEmpty()) {
            int end = message.indexOf('\n');
            return end < 0 ? message : message.substring(0, end);
        }
        List<String> clauses = new ArrayList<>();
        for (String id : note.get().clauseIds()) {
            clauses.add(outline.find(id).map(c -> (c.number().isEmpty() ? "" : c.label(language) + " ")
                    + c.clause().title()).orElse(id));
        }
        String list = String.join("；", clauses.subList(0, Math.min(5, clauses.size())))
                + (clauses.size() > 5 ? " …" : "");
        String key = "version.note." + note.get().action();
        String text = translate.apply(key, new Object[] {note.get().argument(), list, clauses.size()});
        return text == null || text.startsWith("!") || text.equals(key) ? subject(message) : text;
    }

    private static String subject(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
