package org.draftroom.drafts.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a draft against the GB/T 1.1 structure rules a drafting tool can see, and against the format's own rules.
 * Findings are warnings: the draft stays editable and saveable, the user interface shows them next to the clause.
 *
 * <p>Message keys (arguments in brackets):
 * <ul>
 *   <li>{@code draft.check.element-order} [title, title of the element it should come after]: foreword, introduction,
 *       scope, normative references, terms and definitions, other clauses, annexes, bibliography.</li>
 *   <li>{@code draft.check.front-matter-numbered} [title]: a foreword or introduction without {@code .unnumbered}.</li>
 *   <li>{@code draft.check.hanging-paragraph} [number, number of the suggested "总则 General" subclause]: text
 *       followed by subclauses. An introductory text followed only by term entries is allowed.</li>
 *   <li>{@code draft.check.requirement-in-preface} [title, word]: 应, 必须, shall or must in the foreword or
 *       introduction (words such as 应用, 相应, 响应 are not requirements).</li>
 *   <li>{@code draft.check.annex-without-mark} / {@code draft.check.annex-with-both-marks} [annex letter].</li>
 *   <li>{@code draft.check.annex-not-top-level}, {@code draft.check.mark-without-annex} [title].</li>
 *   <li>{@code draft.check.broken-reference} [id, line]; {@code draft.check.duplicate-id} [id, line].</li>
 *   <li>{@code draft.check.missing-id} [title, line]; {@code draft.check.invalid-id} [id, line];
 *       {@code draft.check.unknown-class} [class, line]; {@code draft.check.unknown-attribute} [attribute, line].</li>
 *   <li>{@code draft.check.level-skip} [title, line]: a heading more than one level deeper than the one before.</li>
 * </ul>
 * Thread-safe; linear in the size of the draft.
 */
public final class StructureChecks {

    /** What an id may look like: a lower-case ASCII letter, then up to 63 lower-case letters, digits or hyphens. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    /**
     * Requirement wording. 应 counts unless it is part of a common word that is not a requirement: 相应, 对应, 响应,
     * 适应, 反应, 供应, 回应, 效应, 感应, 呼应, 答应, 顺应, 应用, 应急, 应对, 应答, 应邀, 应变, 应激.
     */
    private static final Pattern REQUIREMENT = Pattern.compile(
            "(?<![相对响适反供回效感呼答顺])应(?![用急对答邀变激])|必须|\\b(?:shall|must)\\b",
            Pattern.CASE_INSENSITIVE);

    private StructureChecks() {
    }

    /** Runs every check; the problems come in document order, grouped by check. */
    public static List<DraftProblem> check(DraftDocument document) {
        NumberedOutline outline = NumberedOutline.of(document);
        List<DraftProblem> problems = new ArrayList<>();
        problems.addAll(headingAttributes(document));
        problems.addAll(duplicateIds(document));
        problems.addAll(levelSkips(document));
        problems.addAll(elementOrder(document));
        problems.addAll(hangingParagraphs(outline));
        problems.addAll(requirementsInPreface(outline));
        problems.addAll(annexMarks(outline));
        problems.addAll(brokenReferences(outline));
        return problems;
    }

    /** Missing or malformed ids, unknown classes and attributes. */
    public static List<DraftProblem> headingAttributes(DraftDocument document) {
        List<DraftProblem> problems = new ArrayList<>();
        int[] lines = document.headingLines();
        for (int i = 0; i < lines.length; i++) {
            Clause c = document.clauses().get(i);
            if (c.id().isEmpty()) {
                problems.add(DraftProblem.of("", lines[i], "draft.check.missing-id", c.title(), lines[i]));
            } else if (!ID.matcher(c.id()).matches()) {
                problems.add(DraftProblem.of(c.id(), lines[i], "draft.check.invalid-id", c.id(), lines[i]));
            }
            for (String unknown : c.unknownClasses()) {
                problems.add(DraftProblem.of(c.id(), lines[i], "draft.check.unknown-class", unknown, lines[i]));
            }
            for (String unknown : c.unknownAttributes()) {
                problems.add(DraftProblem.of(c.id(), lines[i], "draft.check.unknown-attribute", unknown, lines[i]));
            }
        }
        return problems;
    }

    /** Every heading whose id an earlier heading already has. */
    public static List<DraftProblem> duplicateIds(DraftDocument document) {
        List<DraftProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] lines = document.headingLines();
        for (int i = 0; i < lines.length; i++) {
            String id = document.clauses().get(i).id();
            if (!id.isEmpty() && !seen.add(id)) {
                problems.add(DraftProblem.of(id, lines[i], "draft.check.duplicate-id", id, lines[i]));
            }
        }
        return problems;
    }

    /** Headings more than one level deeper than the heading before them (or than level 1, for the first). */
    public static List<DraftProblem> levelSkips(DraftDocument document) {
        List<DraftProblem> problems = new ArrayList<>();
        int[] lines = document.headingLines();
        int previous = 0;
        for (int i = 0; i < lines.length; i++) {
            Clause c = document.clauses().get(i);
            if (c.level() > previous + 1) {
                problems.add(DraftProblem.of(c.id(), lines[i], "draft.check.level-skip", c.title(), lines[i]));
            }
            previous = c.level();
        }
        return problems;
    }

    /** Level-1 elements out of the GB/T 1.1 order, and front matter that would be numbered. */
    public static List<DraftProblem> elementOrder(DraftDocument document) {
        List<DraftProblem> problems = new ArrayList<>();
        int[] lines = document.headingLines();
        int maxRank = -1;
        Clause maxClause = null;
        for (int i = 0; i < lines.length; i++) {
            Clause c = document.clauses().get(i);
            if (c.level() != 1) {
                continue;
            }
            Element element = Element.of(c);
            if ((element == Element.FOREWORD || element == Element.INTRODUCTION) && !c.is(ClauseClass.UNNUMBERED)) {
                problems.add(DraftProblem.of(c.id(), lines[i], "draft.check.front-matter-numbered", c.title()));
            }
            if (element == Element.OTHER_UNNUMBERED) {
                continue;
            }
            if (element.ordinal() < maxRank) {
                problems.add(DraftProblem.of(c.id(), lines[i], "draft.check.element-order", c.title(),
                        maxClause.title()));
            } else {
                maxRank = element.ordinal();
                maxClause = c;
            }
        }
        return problems;
    }

    /** Numbered clauses with text followed by subclauses; fix: move the text into a first subclause "总则 General". */
    public static List<DraftProblem> hangingParagraphs(NumberedOutline outline) {
        List<DraftProblem> problems = new ArrayList<>();
        DraftDocument document = outline.document();
        int[] lines = document.headingLines();
        List<NumberedClause> all = outline.clauses();
        for (NumberedClause c : all) {
            if (c.number().isEmpty() || !c.clause().hasText()) {
                continue;
            }
            List<NumberedClause> children = all.stream().filter(x -> x.parentIndex() == c.index()).toList();
            boolean onlyTerms = children.stream().allMatch(x -> x.kind() == ClauseKind.TERM);
            if (!children.isEmpty() && !onlyTerms) {
                problems.add(DraftProblem.of(c.id(), lines[c.index()], "draft.check.hanging-paragraph",
                        c.number(), c.number() + ".1"));
            }
        }
        return problems;
    }

    /** Requirement wording in the foreword or introduction (and anything under them), once per word and clause. */
    public static List<DraftProblem> requirementsInPreface(NumberedOutline outline) {
        List<DraftProblem> problems = new ArrayList<>();
        int[] lines = outline.document().headingLines();
        for (NumberedClause c : outline.clauses()) {
            NumberedClause top = c;
            while (top.parentIndex() >= 0) {
                top = outline.clauses().get(top.parentIndex());
            }
            Element element = Element.of(top.clause());
            if (element != Element.FOREWORD && element != Element.INTRODUCTION) {
                continue;
            }
            Set<String> words = new LinkedHashSet<>();
            Matcher m = REQUIREMENT.matcher(c.clause().body());
            while (m.find()) {
                words.add(m.group());
            }
            for (String word : words) {
                problems.add(DraftProblem.of(c.id(), lines[c.index()], "draft.check.requirement-in-preface",
                        top.clause().title(), word));
            }
        }
        return problems;
    }

    /** Annexes without exactly one of normative and informative; annex classes where they do not belong. */
    public static List<DraftProblem> annexMarks(NumberedOutline outline) {
        List<DraftProblem> problems = new ArrayList<>();
        int[] lines = outline.document().headingLines();
        for (NumberedClause c : outline.clauses()) {
            Clause clause = c.clause();
            int line = lines[c.index()];
            if (c.kind() == ClauseKind.ANNEX) {
                boolean normative = clause.is(ClauseClass.NORMATIVE);
                boolean informative = clause.is(ClauseClass.INFORMATIVE);
                if (!normative && !informative) {
                    problems.add(DraftProblem.of(c.id(), line, "draft.check.annex-without-mark", c.number()));
                } else if (normative && informative) {
                    problems.add(DraftProblem.of(c.id(), line, "draft.check.annex-with-both-marks", c.number()));
                }
            } else if (clause.is(ClauseClass.ANNEX)) {
                problems.add(DraftProblem.of(c.id(), line, "draft.check.annex-not-top-level", clause.title()));
            } else if (clause.is(ClauseClass.NORMATIVE) || clause.is(ClauseClass.INFORMATIVE)) {
                problems.add(DraftProblem.of(c.id(), line, "draft.check.mark-without-annex", clause.title()));
            }
        }
        return problems;
    }

    /** Links to ids that no clause has. */
    public static List<DraftProblem> brokenReferences(NumberedOutline outline) {
        return outline.brokenReferences().stream()
                .map(r -> DraftProblem.of(r.sourceClauseId(), r.line(), "draft.check.broken-reference",
                        r.targetId(), r.line()))
                .toList();
    }

    /** The GB/T 1.1 elements in their required order; recognised by id, class or (Chinese or English) title. */
    enum Element {
        FOREWORD("foreword", "前言", "foreword"),
        INTRODUCTION("introduction", "引言", "introduction"),
        SCOPE("scope", "范围", "scope"),
        NORMATIVE_REFERENCES("normative-references", "规范性引用文件", "normative references"),
        TERMS("terms", "术语和定义", "terms and definitions"),
        OTHER(null, null, null),
        ANNEX(null, null, null),
        BIBLIOGRAPHY("bibliography", "参考文献", "bibliography"),
        OTHER_UNNUMBERED(null, null, null);

        private static final Map<String, Element> BY_ID = new HashMap<>();

        static {
            for (Element e : values()) {
                if (e.id != null) {
                    BY_ID.put(e.id, e);
                }
            }
        }

        private final String id;
        private final String chinese;
        private final String english;

        Element(String id, String chinese, String english) {
            this.id = id;
            this.chinese = chinese;
            this.english = english;
        }

        static Element of(Clause c) {
            if (c.is(ClauseClass.ANNEX)) {
                return ANNEX;
            }
            if (c.is(ClauseClass.BIBLIOGRAPHY)) {
                return BIBLIOGRAPHY;
            }
            Element byId = BY_ID.get(c.id());
            if (byId != null) {
                return byId;
            }
            Element byTitle = ofTitle(c.title());
            if (byTitle != OTHER) {
                return byTitle;
            }
            return c.is(ClauseClass.UNNUMBERED) ? OTHER_UNNUMBERED : OTHER;
        }

        /** The element a title names ("范围", "Scope", "范围 Scope" ...), or {@link #OTHER}. */
        static Element ofTitle(String title) {
            String t = title.toLowerCase(Locale.ROOT);
            for (Element e : values()) {
                if (e.chinese != null && (t.startsWith(e.chinese) || t.startsWith(e.english))) {
                    return e;
                }
            }
            return OTHER;
        }

        /** The conventional id of this element, or null. */
        String id() {
            return id;
        }
    }
}
