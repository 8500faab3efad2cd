package org.draftroom.drafts.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Structural operations on a draft's outline, as pure functions: each returns a new {@link DraftDocument} (and so a new
 * text) and leaves its argument untouched. A clause always travels with its subclauses. Clauses an operation does not
 * change keep their text byte for byte; a changed heading is written in the canonical form
 * {@code ## title {#id .class}}, except that a change of level only rewrites the leading {@code #} run.
 *
 * <p>Every result is checked to parse back to itself, so an operation never silently changes the outline in some other
 * way (for example a body whose unclosed code fence would swallow the headings after it).
 *
 * <p>Refusals are {@link DraftException}s with these keys (arguments in brackets):
 * {@code draft.outline.clause-not-found} [id], {@code draft.outline.no-previous-sibling} [title],
 * {@code draft.outline.no-next-sibling} [title], {@code draft.outline.cannot-indent} [title],
 * {@code draft.outline.cannot-outdent} [title], {@code draft.outline.too-deep} [title, 6],
 * {@code draft.outline.invalid-title} [title], {@code draft.outline.text-changes-outline} [title],
 * {@code draft.outline.nothing-to-move} [title].
 */
public final class Outline {

    /** The title of the subclause that takes a hanging paragraph's text. */
    public static final String GENERAL_TITLE = "总则 General";

    /** Where a new clause goes relative to the anchor clause. */
    public enum Placement {
        /** The next sibling: after the anchor and its subclauses, at the anchor's level. */
        AFTER,
        /** The first subclause of the anchor. */
        FIRST_CHILD,
        /** The last subclause of the anchor. */
        LAST_CHILD
    }

    private Outline() {
    }

    /**
     * Adds an empty clause. Its id is {@link ClauseIds#unique(DraftDocument, String)} of the title, computed on the
     * document passed in.
     *
     * @param anchorId  the clause to place the new one against, or null to append a level-1 clause at the end
     * @param classes   the classes of the new clause (for example {@code ANNEX, INFORMATIVE})
     */
    public static DraftDocument addClause(DraftDocument document, String anchorId, Placement placement, String title,
                                          Set<ClauseClass> classes) {
        String cleanTitle = checkTitle(title);
        int position;
        int level;
        if (anchorId == null) {
            position = document.clauses().size();
            level = 1;
        } else {
            int anchor = document.requireIndex(anchorId);
            Clause a = document.clauses().get(anchor);
            level = placement == Placement.AFTER ? a.level() : a.level() + 1;
            position = placement == Placement.FIRST_CHILD ? anchor + 1 : document.subtreeEnd(anchor);
            if (level > DraftDocument.MAX_LEVEL) {
                throw new DraftException("draft.outline.too-deep", a.title(), DraftDocument.MAX_LEVEL);
            }
        }
        String eol = document.lineEnding();
        Clause clause = Clause.create(level, cleanTitle, ClauseIds.unique(document, cleanTitle), tokens(classes),
                eol, eol);
        List<Clause> clauses = new ArrayList<>(document.clauses());
        clauses.add(position, clause);
        return rebuild(document, clauses, cleanTitle);
    }

    /** Deletes a clause and its subclauses. */
    public static DraftDocument deleteClause(DraftDocument document, String id) {
        int index = document.requireIndex(id);
        List<Clause> clauses = new ArrayList<>(document.clauses());
        clauses.subList(index, document.subtreeEnd(index)).clear();
        return rebuild(document, clauses, document.clauses().get(index).title());
    }

    /** Swaps a clause (with its subclauses) with its previous sibling. */
    public static DraftDocument moveUp(DraftDocument document, String id) {
        int index = document.requireIndex(id);
        int previous = previousSibling(document, index);
        if (previous < 0) {
            throw new DraftException("draft.outline.no-previous-sibling", document.clauses().get(index).title());
        }
        return swap(document, previous, index);
    }

    /** Swaps a clause (with its subclauses) with its next sibling. */
    public static DraftDocument moveDown(DraftDocument document, String id) {
        int index = document.requireIndex(id);
        int next = document.subtreeEnd(index);
        if (next >= document.clauses().size() || document.parentIndex(next) != document.parentIndex(index)) {
            throw new DraftException("draft.outline.no-next-sibling", document.clauses().get(index).title());
        }
        return swap(document, index, next);
    }

    /** Makes a clause (with its subclauses) the last subclause of its previous sibling. */
    public static DraftDocument indent(DraftDocument document, String id) {
        int index = document.requireIndex(id);
        Clause clause = document.clauses().get(index);
        if (previousSibling(document, index) < 0) {
            throw new DraftException("draft.outline.cannot-indent", clause.title());
        }
        int end = document.subtreeEnd(index);
        List<Clause> clauses = new ArrayList<>(document.clauses());
        for (int i = index; i < end; i++) {
            Clause c = clauses.get(i);
            if (c.level() + 1 > DraftDocument.MAX_LEVEL) {
                throw new DraftException("draft.outline.too-deep", clause.title(), DraftDocument.MAX_LEVEL);
            }
            clauses.set(i, c.withLevel(c.level() + 1));
        }
        return rebuild(document, clauses, clause.title());
    }

    /**
     * Makes a clause (with its subclauses) the next sibling of its parent: it moves to just after the parent's
     * subclauses, so that the siblings that followed it stay with the parent.
     */
    public static DraftDocument outdent(DraftDocument document, String id) {
        int index = document.requireIndex(id);
        Clause clause = document.clauses().get(index);
        int parent = document.parentIndex(index);
        if (parent < 0) {
            throw new DraftException("draft.outline.cannot-outdent", clause.title());
        }
        int delta = clause.level() - document.clauses().get(parent).level();
        int end = document.subtreeEnd(index);
        int parentEnd = document.subtreeEnd(parent);
        List<Clause> moved = new ArrayList<>();
        for (int i = index; i < end; i++) {
            Clause c = document.clauses().get(i);
            moved.add(c.withLevel(c.level() - delta));
        }
        List<Clause> clauses = new ArrayList<>(document.clauses().subList(0, index));
        clauses.addAll(document.clauses().subList(end, parentEnd));
        clauses.addAll(moved);
        clauses.addAll(document.clauses().subList(parentEnd, document.clauses().size()));
        return rebuild(document, clauses, clause.title());
    }

    /** Gives a clause a new title; id and classes stay. */
    public static DraftDocument retitle(DraftDocument document, String id, String title) {
        int index = document.requireIndex(id);
        List<Clause> clauses = new ArrayList<>(document.clauses());
        clauses.set(index, clauses.get(index).withTitle(checkTitle(title)));
        return rebuild(document, clauses, title);
    }

    /** Sets the known classes of a clause (unknown ones are kept), e.g. to mark an annex normative. */
    public static DraftDocument setClasses(DraftDocument document, String id, Set<ClauseClass> classes) {
        int index = document.requireIndex(id);
        Clause clause = document.clauses().get(index);
        List<String> tokens = new ArrayList<>(tokens(classes));
        tokens.addAll(clause.unknownClasses());
        List<Clause> clauses = new ArrayList<>(document.clauses());
        clauses.set(index, clause.withClasses(tokens));
        return rebuild(document, clauses, clause.title());
    }

    /**
     * Replaces the body of a clause. The text is stored as given, except that a line ending is added when another
     * clause follows and the text does not end with one.
     *
     * @throws DraftException {@code draft.outline.text-changes-outline} if the text holds a heading, or a code fence or
     *                        HTML block left open that would swallow the headings after it
     */
    public static DraftDocument replaceBody(DraftDocument document, String id, String body) {
        int index = document.requireIndex(id);
        List<Clause> clauses = new ArrayList<>(document.clauses());
        clauses.set(index, clauses.get(index).withBody(body));
        return rebuild(document, clauses, clauses.get(index).title());
    }

    /**
     * The fix for a hanging paragraph: moves the clause's text into a new first subclause titled
     * {@value #GENERAL_TITLE}.
     */
    public static DraftDocument insertGeneralSubclause(DraftDocument document, String id) {
        int index = document.requireIndex(id);
        Clause clause = document.clauses().get(index);
        if (!clause.hasText()) {
            throw new DraftException("draft.outline.nothing-to-move", clause.title());
        }
        if (clause.level() + 1 > DraftDocument.MAX_LEVEL) {
            throw new DraftException("draft.outline.too-deep", clause.title(), DraftDocument.MAX_LEVEL);
        }
        String eol = document.lineEnding();
        Clause general = Clause.create(clause.level() + 1, GENERAL_TITLE, ClauseIds.unique(document,
                clause.id() + " general"), List.of(), eol, clause.body());
        List<Clause> clauses = new ArrayList<>(document.clauses());
        clauses.set(index, clause.withBody(eol));
        clauses.add(index + 1, general);
        return rebuild(document, clauses, clause.title());
    }

    private static int previousSibling(DraftDocument document, int index) {
        int parent = document.parentIndex(index);
        for (int j = index - 1; j > parent; j--) {
            if (document.parentIndex(j) == parent) {
                return j;
            }
        }
        return -1;
    }

    /** Swaps the subtree starting at {@code first} with the adjacent subtree starting at {@code second}. */
    private static DraftDocument swap(DraftDocument document, int first, int second) {
        int secondEnd = document.subtreeEnd(second);
        List<Clause> all = document.clauses();
        List<Clause> clauses = new ArrayList<>(all.subList(0, first));
        clauses.addAll(all.subList(second, secondEnd));
        clauses.addAll(all.subList(first, second));
        clauses.addAll(all.subList(secondEnd, all.size()));
        return rebuild(document, clauses, all.get(second).title());
    }

    private static List<String> tokens(Set<ClauseClass> classes) {
        List<String> tokens = new ArrayList<>();
        for (ClauseClass c : ClauseClass.values()) {
            if (classes.contains(c)) {
                tokens.add(c.token());
            }
        }
        return tokens;
    }

    private static String checkTitle(String title) {
        String t = title == null ? "" : title.strip();
        boolean ok = !t.isEmpty() && t.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '{' || c == '}')
                && HeadingSyntax.parse(HeadingSyntax.format(1, t, "x", List.of(), List.of())).title().equals(t);
        if (!ok) {
            throw new DraftException("draft.outline.invalid-title", title == null ? "" : title);
        }
        return t;
    }

    /**
     * A document with these clauses, every clause but the last ending with a line ending, checked to parse back to
     * itself.
     */
    static DraftDocument rebuild(DraftDocument document, List<Clause> clauses, String subjectTitle) {
        String eol = document.lineEnding();
        String preamble = document.preamble();
        if (!clauses.isEmpty() && !preamble.isEmpty() && !preamble.endsWith("\n") && !preamble.endsWith("\r")) {
            preamble = preamble + eol;
        }
        List<Clause> terminated = new ArrayList<>(clauses.size());
        for (int i = 0; i < clauses.size(); i++) {
            Clause c = clauses.get(i);
            if (i + 1 < clauses.size() && !c.endsWithLineEnding()) {
                c = c.body().isEmpty() ? c.withHeadingEnding(eol) : c.withBody(c.body() + eol);
            }
            terminated.add(c);
        }
        DraftDocument result = new DraftDocument(document.hasByteOrderMark(), preamble, terminated);
        if (!DraftFormat.parse(result.text()).equals(result)) {
            throw new DraftException("draft.outline.text-changes-outline", subjectTitle);
        }
        return result;
    }
}
