package org.draftroom.drafts.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code draft.md}: an optional byte order mark, a preamble (the text before the first heading, verbatim) and
 * the clauses in document order. The outline is implicit in the heading levels: a clause's subclauses are the clauses
 * that follow it at a deeper level, up to the next clause at its own level or above.
 *
 * <p>Immutable and thread-safe. {@link #toBytes()} gives back exactly the bytes the document was parsed from;
 * documents made by {@link Outline} operations are guaranteed to parse back to an equal document.
 */
public final class DraftDocument {

    /** The deepest heading level Markdown has, and so the deepest subclause (e.g. 5.1.2.3.4.5). */
    public static final int MAX_LEVEL = 6;

    private final boolean byteOrderMark;
    private final String preamble;
    private final List<Clause> clauses;

    DraftDocument(boolean byteOrderMark, String preamble, List<Clause> clauses) {
        this.byteOrderMark = byteOrderMark;
        this.preamble = Objects.requireNonNull(preamble);
        this.clauses = List.copyOf(clauses);
    }

    /** Whether the file starts with a UTF-8 byte order mark (kept, but not part of the preamble). */
    public boolean hasByteOrderMark() {
        return byteOrderMark;
    }

    /** The text before the first clause heading, verbatim; empty when the file starts with a heading. */
    public String preamble() {
        return preamble;
    }

    /** All clauses in document order. */
    public List<Clause> clauses() {
        return clauses;
    }

    /** The first clause with this id. */
    public Optional<Clause> find(String id) {
        int i = indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(clauses.get(i));
    }

    /**
     * The first clause with this id.
     *
     * @throws DraftException {@code draft.outline.clause-not-found} if there is none
     */
    public Clause require(String id) {
        return clauses.get(requireIndex(id));
    }

    /** The position of the first clause with this id in {@link #clauses()}, or -1. */
    public int indexOf(String id) {
        if (id == null || id.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < clauses.size(); i++) {
            if (clauses.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    int requireIndex(String id) {
        int i = indexOf(id);
        if (i < 0) {
            throw new DraftException("draft.outline.clause-not-found", id);
        }
        return i;
    }

    /** The position of the parent of the clause at {@code index} (the nearest earlier clause of lower level), or -1. */
    public int parentIndex(int index) {
        int level = clauses.get(index).level();
        for (int i = index - 1; i >= 0; i--) {
            if (clauses.get(i).level() < level) {
                return i;
            }
        }
        return -1;
    }

    /** The parent clause, or empty for a top-level clause. */
    public Optional<Clause> parent(String id) {
        int p = parentIndex(requireIndex(id));
        return p < 0 ? Optional.empty() : Optional.of(clauses.get(p));
    }

    /** The position just past the last descendant of the clause at {@code index}. */
    public int subtreeEnd(int index) {
        int level = clauses.get(index).level();
        int end = index + 1;
        while (end < clauses.size() && clauses.get(end).level() > level) {
            end++;
        }
        return end;
    }

    /** The direct subclauses of a clause, in order. */
    public List<Clause> children(String id) {
        int index = requireIndex(id);
        List<Clause> children = new ArrayList<>();
        for (int i = index + 1; i < subtreeEnd(index); i++) {
            if (parentIndex(i) == index) {
                children.add(clauses.get(i));
            }
        }
        return children;
    }

    /** The 1-based line number of the heading of the clause at {@code index}, counting the preamble's lines. */
    public int lineOf(int index) {
        int line = 1 + countLineEndings(preamble);
        for (int i = 0; i < index; i++) {
            line += countLineEndings(clauses.get(i).text());
        }
        return line;
    }

    /** The 1-based line number of every clause heading, in clause order. */
    int[] headingLines() {
        int[] lines = new int[clauses.size()];
        int line = 1 + countLineEndings(preamble);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = line;
            line += countLineEndings(clauses.get(i).text());
        }
        return lines;
    }

    /** The line ending the document mostly uses ({@code "\n"} when it has none), for text that operations add. */
    public String lineEnding() {
        int lf = 0;
        int crlf = 0;
        int cr = 0;
        String text = text();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    crlf++;
                    i++;
                } else {
                    cr++;
                }
            } else if (c == '\n') {
                lf++;
            }
        }
        if (crlf > lf && crlf >= cr) {
            return "\r\n";
        }
        return cr > lf ? "\r" : "\n";
    }

    /** The whole text, with the byte order mark as U+FEFF if the file had one. */
    public String text() {
        StringBuilder sb = new StringBuilder(byteOrderMark ? "\uFEFF" : "").append(preamble);
        clauses.forEach(c -> sb.append(c.text()));
        return sb.toString();
    }

    /** The file content, UTF-8 encoded: the same bytes the document was parsed from. */
    public byte[] toBytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    DraftDocument withClauses(List<Clause> newClauses) {
        return new DraftDocument(byteOrderMark, preamble, newClauses);
    }

    static int countLineEndings(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DraftDocument other && byteOrderMark == other.byteOrderMark
                && preamble.equals(other.preamble) && clauses.equals(other.clauses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byteOrderMark, preamble, clauses);
    }

    @Override
    public String toString() {
        return "DraftDocument[" + clauses.size() + " clauses]";
    }
}
