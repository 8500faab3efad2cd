package org.draftroom.drafts.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Three-way merge of two edits of a draft made from the same base version, clause by clause (clauses are matched by
 * their stable id). A clause changed on one side only takes that side's text; a clause changed identically on both
 * sides is kept once; a clause changed differently on both sides, or changed on one side and deleted on the other, is
 * a conflict. The outline (the order and levels of the clause ids) follows the side that changed it; when both sides
 * changed it differently, that is a conflict too. Nothing is ever merged inside a clause: two people editing the same
 * clause must look at both texts.
 *
 * <p>Pure and thread-safe.
 */
public final class ClauseMerge {

    private ClauseMerge() {
    }

    /** Where two edits of the same words meet: the clause id (empty for the text before the first clause). */
    public record Conflict(String clauseId, String title, String oursText, String theirsText) {
    }

    /** Either the merged document (no conflicts) or the conflicts. */
    public record Result(Optional<DraftDocument> merged, List<Conflict> conflicts) {
        public boolean clean() {
            return conflicts.isEmpty();
        }
    }

    private record Slot(String id, int level) {
    }

    public static Result merge(DraftDocument base, DraftDocument ours, DraftDocument theirs) {
        List<Conflict> conflicts = new ArrayList<>();
        String preamble = pick(base.preamble(), ours.preamble(), theirs.preamble());
        if (preamble == null) {
            conflicts.add(new Conflict("", "", ours.preamble(), theirs.preamble()));
        }

        List<Slot> baseOutline = outline(base);
        List<Slot> ourOutline = outline(ours);
        List<Slot> theirOutline = outline(theirs);
        List<Slot> outline;
        if (ourOutline.equals(baseOutline)) {
            outline = theirOutline;
        } else if (theirOutline.equals(baseOutline) || theirOutline.equals(ourOutline)) {
            outline = ourOutline;
        } else {
            outline = null;
            conflicts.add(new Conflict("", "", outlineText(ours), outlineText(theirs)));
        }

        Map<String, Clause> baseById = byId(base);
        Map<String, Clause> oursById = byId(ours);
        Map<String, Clause> theirsById = byId(theirs);
        List<Clause> merged = new ArrayList<>();
        if (outline != null) {
            for (Slot slot : outline) {
                Clause b = baseById.get(slot.id());
                Clause o = oursById.get(slot.id());
                Clause t = theirsById.get(slot.id());
                Clause chosen;
                if (o == null || t == null) {
                    // present on one side only: added there, or deleted on the other side
                    Clause present = o != null ? o : t;
                    if (b != null && !same(b, present)) {
                        conflicts.add(conflict(present, o, t));
                        continue;
                    }
                    chosen = present;
                } else {
                    chosen = pick(b, o, t);
                    if (chosen == null) {
                        conflicts.add(conflict(o, o, t));
                        continue;
                    }
                }
                merged.add(chosen.level() == slot.level() ? chosen : chosen.withLevel(slot.level()));
            }
            for (Map.Entry<String, Clause> entry : baseById.entrySet()) {
                boolean kept = outline.stream().anyMatch(s -> s.id().equals(entry.getKey()));
                Clause o = oursById.get(entry.getKey());
                Clause t = theirsById.get(entry.getKey());
                if (!kept && ((o != null && !same(entry.getValue(), o)) || (t != null && !same(entry.getValue(), t)))) {
                    conflicts.add(conflict(entry.getValue(), o, t));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            return new Result(Optional.empty(), List.copyOf(conflicts));
        }
        DraftDocument shaped = new DraftDocument(ours.hasByteOrderMark(), preamble, ours.clauses());
        return new Result(Optional.of(Outline.rebuild(shaped, merged, "")), List.of());
    }

    /** The side that changed, or the common text; null when both changed differently. */
    private static <T> T pick(T base, T ours, T theirs) {
        if (Objects.equals(ours, theirs) || Objects.equals(theirs, base)) {
            return ours;
        }
        if (Objects.equals(ours, base)) {
            return theirs;
        }
        return null;
    }

    private static Clause pick(Clause base, Clause ours, Clause theirs) {
        if (same(ours, theirs) || (base != null && same(theirs, base))) {
            return ours;
        }
        if (base != null && same(ours, base)) {
            return theirs;
        }
        return null;
    }

    /** Same title, classes and body; the level is the outline's business. */
    private static boolean same(Clause a, Clause b) {
        return a.title().equals(b.title()) && a.classes().equals(b.classes()) && a.body().equals(b.body());
    }

    private static Conflict conflict(Clause any, Clause ours, Clause theirs) {
        return new Conflict(any.id(), any.title(), ours == null ? "" : ours.text(), theirs == null ? "" : theirs.text());
    }

    private static List<Slot> outline(DraftDocument document) {
        return document.clauses().stream().map(c -> new Slot(c.id(), c.level())).toList();
    }

    private static String outlineText(DraftDocument document) {
        StringBuilder sb = new StringBuilder();
        document.clauses().forEach(c -> sb.append("  ".repeat(c.level() - 1)).append(c.title()).append('\n'));
        return sb.toString();
    }

    private static Map<String, Clause> byId(DraftDocument document) {
        Map<String, Clause> map = new LinkedHashMap<>();
        document.clauses().forEach(c -> map.putIfAbsent(c.id(), c));
        return map;
    }
}
