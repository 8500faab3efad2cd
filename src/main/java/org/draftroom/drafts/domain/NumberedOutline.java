package org.draftroom.drafts.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The numbers GB/T 1.1 gives a draft at this moment, computed from position and never stored: clauses 1, 2, 3;
 * subclauses 5.1, 5.1.2; terms 3.1, 3.2; annexes A, B with subclauses A.1, A.1.1; notes and examples within their
 * clause (注 alone, 注1 注2 when several); tables and figures through the body (表1, 图1) and per annex (表A.1).
 * Foreword, introduction ({@code .unnumbered}) and bibliography ({@code .bibliography}) get no number, nor does
 * anything under them.
 *
 * <p>Immutable and thread-safe once built. Building parses the document once: linear in its size.
 */
public final class NumberedOutline {

    /** Default depth of the table of contents: clauses and their first subclauses. */
    public static final int DEFAULT_TOC_DEPTH = 2;

    private final DraftDocument document;
    private final List<NumberedClause> clauses;
    private final List<BodyItem> bodyItems;
    private final List<CrossReference> references;

    NumberedOutline(DraftDocument document, List<NumberedClause> clauses, DraftAst ast) {
        this.document = document;
        this.clauses = List.copyOf(clauses);
        this.bodyItems = List.copyOf(ast.itemList);
        this.references = List.copyOf(ast.referenceList);
    }

    /** Numbers a document. */
    public static NumberedOutline of(DraftDocument document) {
        return DraftAst.parse(document).outline();
    }

    static List<NumberedClause> number(DraftDocument document) {
        List<Clause> all = document.clauses();
        List<NumberedClause> result = new ArrayList<>(all.size());
        int[] childCount = new int[all.size()];
        int clauseCount = 0;
        int annexCount = 0;
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < all.size(); i++) {
            Clause clause = all.get(i);
            while (!open.isEmpty() && all.get(open.peek()).level() >= clause.level()) {
                open.pop();
            }
            int parent = open.isEmpty() ? -1 : open.peek();
            open.push(i);
            ClauseKind kind;
            String number = "";
            if (parent < 0) {
                if (clause.is(ClauseClass.BIBLIOGRAPHY)) {
                    kind = ClauseKind.BIBLIOGRAPHY;
                } else if (clause.is(ClauseClass.UNNUMBERED)) {
                    kind = ClauseKind.UNNUMBERED;
                } else if (clause.is(ClauseClass.ANNEX)) {
                    kind = ClauseKind.ANNEX;
                    number = annexLetter(annexCount++);
                } else {
                    kind = ClauseKind.CLAUSE;
                    number = String.valueOf(++clauseCount);
                }
            } else {
                NumberedClause up = result.get(parent);
                if (up.number().isEmpty() || clause.is(ClauseClass.UNNUMBERED)) {
                    kind = up.kind() == ClauseKind.BIBLIOGRAPHY ? ClauseKind.BIBLIOGRAPHY : ClauseKind.UNNUMBERED;
                } else {
                    number = up.number() + "." + (++childCount[parent]);
                    boolean inAnnex = Character.isLetter(number.charAt(0));
                    kind = clause.is(ClauseClass.TERM) ? ClauseKind.TERM
                            : inAnnex ? ClauseKind.ANNEX_SUBCLAUSE : ClauseKind.SUBCLAUSE;
                }
            }
            result.add(new NumberedClause(clause, i, parent, kind, number));
        }
        return result;
    }

    /** A, B ... Z, then AA, AB ... (GB/T 1.1 letters annexes in order from A). */
    static String annexLetter(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index;
        do {
            sb.insert(0, (char) ('A' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return sb.toString();
    }

    /** The document numbered. */
    public DraftDocument document() {
        return document;
    }

    /** Every clause with its number, in document order. */
    public List<NumberedClause> clauses() {
        return clauses;
    }

    /** The clauses at the top level, in order. */
    public List<NumberedClause> topLevel() {
        return clauses.stream().filter(c -> c.parentIndex() < 0).toList();
    }

    /** The direct subclauses of a clause, in order. */
    public List<NumberedClause> children(NumberedClause parent) {
        List<NumberedClause> children = new ArrayList<>();
        for (int i = parent.index() + 1; i < clauses.size() && clauses.get(i).clause().level() > parent.clause().level();
             i++) {
            if (clauses.get(i).parentIndex() == parent.index()) {
                children.add(clauses.get(i));
            }
        }
        return children;
    }

    /** Whether a top-level clause is front matter: unnumbered, and before the first numbered clause. */
    public boolean isFrontMatter(NumberedClause clause) {
        if (clause.kind() != ClauseKind.UNNUMBERED || clause.parentIndex() >= 0) {
            return false;
        }
        for (NumberedClause c : clauses) {
            if (c.index() >= clause.index()) {
                return true;
            }
            if (c.kind() != ClauseKind.UNNUMBERED) {
                return false;
            }
        }
        return true;
    }

    /** The numbered clause with this id (the first, if the id is duplicated). */
    public Optional<NumberedClause> find(String id) {
        int i = document.indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(clauses.get(i));
    }

    /** The number of the clause with this id ("5.1", "A.1", "A"), or empty if it has none or does not exist. */
    public String number(String id) {
        return find(id).map(NumberedClause::number).orElse("");
    }

    /** How {@code [](#id)} reads: "5.3", "附录B" / "Annex B", "3.2"; empty when no clause has the id. */
    public Optional<String> referenceText(String id, Language language) {
        return find(id).map(c -> c.referenceText(language));
    }

    /** Notes, examples, tables and figures in document order, with their numbers. */
    public List<BodyItem> bodyItems() {
        return bodyItems;
    }

    /** The numbered body elements of one kind, in document order. */
    public List<BodyItem> bodyItems(BodyItem.Kind kind) {
        return bodyItems.stream().filter(i -> i.kind() == kind).toList();
    }

    /** Every link to a {@code #id}, in document order. */
    public List<CrossReference> crossReferences() {
        return references;
    }

    /** The links to an id that no clause has. */
    public List<CrossReference> brokenReferences() {
        return references.stream().filter(r -> document.indexOf(r.targetId()) < 0).toList();
    }

    /**
     * The table of contents: level-1 front matter (foreword, introduction), numbered clauses and annex subclauses down
     * to {@code depth} levels, annexes with their mark, and the bibliography. Terms are left out.
     */
    public List<TocEntry> tableOfContents(int depth, Language language) {
        List<TocEntry> toc = new ArrayList<>();
        for (NumberedClause c : clauses) {
            boolean topLevel = c.parentIndex() < 0;
            boolean numberedPart = c.kind() == ClauseKind.SUBCLAUSE || c.kind() == ClauseKind.ANNEX_SUBCLAUSE;
            if (topLevel || (numberedPart && c.clause().level() <= depth)) {
                toc.add(new TocEntry(c.id(), c.clause().level(), c.label(language), c.clause().title()));
            }
        }
        return toc;
    }
}
