package org.draftroom.drafts.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates an uploaded Markdown file and turns it into a draft.
 *
 * <p>Refused, with every problem found ({@link DraftProblem}s with line numbers):
 * <ul>
 *   <li>{@code draft.import.too-large} [size in bytes, limit in bytes]: more than {@link #MAX_BYTES} (2 MiB);</li>
 *   <li>{@code draft.format.invalid-utf8} [byte offset, line]: not UTF-8 (decoded strictly, never replaced);</li>
 *   <li>{@code draft.check.duplicate-id}, {@code draft.check.invalid-id}, {@code draft.check.unknown-class},
 *       {@code draft.check.unknown-attribute}, {@code draft.check.broken-reference}, as in {@link StructureChecks}.</li>
 * </ul>
 *
 * <p>Accepted files may be plain Markdown. A heading without an attribute block is read by the conventions of typed
 * drafts and given an id: a typed number ("5.1 收集", "A.2 示例") is dropped; "附录A（规范性）标题" / "Annex B
 * (informative) Title" becomes an annex with its mark; 前言/Foreword and 引言/Introduction become unnumbered,
 * 参考文献/Bibliography the bibliography; 范围, 规范性引用文件 and 术语和定义 (or their English titles) get the ids
 * {@code scope}, {@code normative-references}, {@code terms}, and the level-2 headings under terms and definitions
 * become term entries ({@code .term}); other ids come from {@link ClauseIds}. A heading that has
 * an attribute block but no id only gets an id. The other structure findings come back as warnings.
 *
 * <p>Thread-safe; linear in the size of the file.
 */
public final class DraftImporter {

    /** The largest file accepted: 2 MiB. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /**
     * A typed number before a title: "4.2.11", "A.1", with or without a trailing full stop, followed by blanks (space,
     * tab, ideographic space U+3000) or, after a full stop, directly by the title.
     */
    private static final Pattern TYPED_NUMBER = Pattern.compile(
            "^((?:\\d+(?:\\.\\d+)*|[A-Z](?:\\.\\d+)+))(?:\\.?[ \\t\\u3000]+|[.．](?=\\S))");
    private static final Pattern ANNEX = Pattern.compile(
            "^(?:附录\\s*([A-Z])|(?:Annex|Appendix)\\s+([A-Z])(?![A-Za-z]))[.．:：]?\\s*"
                    + "(?:[（(]\\s*(规范性|资料性|normative|informative)\\s*[)）])?[.．:：]?[ \\t\\u3000]*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FOREWORD = Pattern.compile("^(?:前言|foreword)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTRODUCTION = Pattern.compile("^(?:引言|introduction)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BIBLIOGRAPHY = Pattern.compile("^(?:参考文献|bibliography)$", Pattern.CASE_INSENSITIVE);

    private DraftImporter() {
    }

    /** Validates the bytes of an uploaded file and, if they are acceptable, returns the draft. */
    public static ImportResult importMarkdown(byte[] bytes) {
        return importMarkdown(bytes, ImportOptions.DEFAULT);
    }

    /**
     * Validates the bytes of an uploaded file and, if they are acceptable, returns the draft read with these
     * choices, the ids it made up and the typed numbers that disagree with GB/T 1.1.
     */
    public static ImportResult importMarkdown(byte[] bytes, ImportOptions options) {
        if (bytes.length > MAX_BYTES) {
            return new ImportResult.Rejected(List.of(
                    DraftProblem.of("", 0, "draft.import.too-large", bytes.length, MAX_BYTES)));
        }
        if (MarkdownNesting.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)) > MarkdownNesting.MAX) {
            return new ImportResult.Rejected(List.of(
                    DraftProblem.of("", 0, "draft.import.too-deep", MarkdownNesting.MAX)));
        }
        DraftDocument parsed;
        try {
            parsed = DraftFormat.parse(bytes);
        } catch (DraftException e) {
            return new ImportResult.Rejected(List.of(
                    new DraftProblem("", (Integer) e.argList().get(1), e.key(), e.argList())));
        }
        Assigned assigned = assign(parsed, options);
        DraftDocument document = assigned.document();
        NumberedOutline outline = NumberedOutline.of(document);
        List<DraftProblem> problems = new ArrayList<>();
        problems.addAll(StructureChecks.duplicateIds(document));
        problems.addAll(StructureChecks.headingAttributes(document));
        if (!options.referencesCheckedAfterMatch()) {
            problems.addAll(StructureChecks.brokenReferences(outline));
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        if (!problems.isEmpty()) {
            return new ImportResult.Rejected(problems);
        }
        List<NumberMismatch> mismatches = new ArrayList<>();
        for (NumberedClause c : outline.clauses()) {
            String typed = assigned.typedNumbers().get(c.index());
            if (typed != null && !typed.equals(c.number())) {
                mismatches.add(new NumberMismatch(c.index(), c.id(), c.clause().title(), typed, c.number()));
            }
        }
        return new ImportResult.Accepted(document, StructureChecks.check(document), assigned.generatedIds(),
                mismatches, assigned.typedIntroduction());
    }

    private record Assigned(DraftDocument document, Set<String> generatedIds, Map<Integer, String> typedNumbers,
                            boolean typedIntroduction) {
    }

    /** Gives every heading without id one, reading plain headings by the conventions of typed drafts. */
    static DraftDocument assignIds(DraftDocument document) {
        return assign(document, ImportOptions.DEFAULT).document();
    }

    private static Assigned assign(DraftDocument document, ImportOptions options) {
        Set<String> taken = new HashSet<>();
        document.clauses().forEach(c -> taken.add(c.id()));
        Set<String> generated = new HashSet<>();
        Map<Integer, String> typedNumbers = new HashMap<>();
        boolean typedIntroduction = false;
        List<Clause> clauses = new ArrayList<>();
        boolean changed = false;
        boolean inTerms = false;
        for (int index = 0; index < document.clauses().size(); index++) {
            Clause c = document.clauses().get(index);
            boolean plain = !HeadingSyntax.parse(c.headingLine()).hasAttributeBlock();
            String title = c.title();
            String typed = null;
            if (plain) {
                Matcher number = TYPED_NUMBER.matcher(title);
                if (number.find()) {
                    typed = number.group(1);
                    title = title.substring(number.end()).strip();
                }
            }
            if (c.level() == 1) {
                inTerms = StructureChecks.Element.of(c) == StructureChecks.Element.TERMS
                        || (plain && StructureChecks.Element.ofTitle(title) == StructureChecks.Element.TERMS);
            }
            if (!c.id().isEmpty()) {
                clauses.add(c);
                continue;
            }
            changed = true;
            List<String> classes = new ArrayList<>(c.classes());
            String preferredId = null;
            if (plain) {
                Matcher annex = ANNEX.matcher(title);
                if (c.level() == 1 && annex.matches()) {
                    classes.add(ClauseClass.ANNEX.token());
                    String mark = annex.group(3);
                    if (mark != null) {
                        boolean normative = mark.equals("规范性") || mark.equalsIgnoreCase("normative");
                        classes.add((normative ? ClauseClass.NORMATIVE : ClauseClass.INFORMATIVE).token());
                    }
                    String letter = (annex.group(1) != null ? annex.group(1) : annex.group(2))
                            .toUpperCase(Locale.ROOT);
                    typed = letter;
                    preferredId = "annex-" + letter.toLowerCase(Locale.ROOT);
                    title = annex.group(4).isBlank() ? title : annex.group(4).strip();
                } else if (c.level() == 1 && FOREWORD.matcher(title).matches()) {
                    classes.add(ClauseClass.UNNUMBERED.token());
                    preferredId = "foreword";
                } else if (c.level() == 1 && INTRODUCTION.matcher(title).matches()) {
                    typedIntroduction |= typed != null;
                    if (typed == null || !options.numberedIntroduction()) {
                        classes.add(ClauseClass.UNNUMBERED.token());
                    }
                    preferredId = "introduction";
                } else if (c.level() == 1 && BIBLIOGRAPHY.matcher(title).matches()) {
                    classes.add(ClauseClass.BIBLIOGRAPHY.token());
                    preferredId = "bibliography";
                } else if (c.level() == 1) {
                    preferredId = StructureChecks.Element.ofTitle(title).id();
                } else if (c.level() == 2 && inTerms) {
                    classes.add(ClauseClass.TERM.token());
                }
            }
            if (typed != null) {
                typedNumbers.put(index, typed);
            }
            String id = preferredId != null && !taken.contains(preferredId)
                    ? preferredId : ClauseIds.unique(taken, title);
            taken.add(id);
            generated.add(id);
            clauses.add(plain ? Clause.create(c.level(), title, id, classes, c.headingEnding(), c.body())
                    : c.withId(id));
        }
        DraftDocument result = changed ? Outline.rebuild(document, clauses, "") : document;
        return new Assigned(result, generated, typedNumbers, typedIntroduction);
    }
}
