package org.draftroom.comments.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.draftroom.comments.anchoring.Placement.Span;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftException;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Outline;
import org.junit.jupiter.api.Test;

/**
 * Random drafts, random comments, random edits: a comment either highlights exactly its quoted words, or is outdated,
 * or is orphaned because its clause is gone. Never other words. Seeded, so that a failure reproduces.
 */
class ReanchoringPropertyTest {

    private static final String COMMIT = "2222222222222222222222222222222222222222";
    private static final String[] FRAGMENTS = {"个人信息", "控制者", "应当", "，", "。", "的", "收集", "安全", "主体",
        "同意", "data ", "subject ", "consent", "😀", "👍🏽", "🔒", "𠮷", " ", "\n\n", "（", "）", "a) ", "15", "的的"};
    private static final int ITERATIONS = 400;

    /** A comment as the test knows it: its anchor, and where its words truly are while no edit touches them. */
    private static final class Tracked {
        final Anchor anchor;
        int start;
        boolean touched;

        Tracked(Anchor anchor) {
            this.anchor = anchor;
            this.start = anchor.start();
        }
    }

    private int anchoredUntouched;
    private int untouched;
    private int checkedPlacements;
    private final Map<Placement.Status, Integer> seen = new EnumMap<>(Placement.Status.class);

    @Test
    void every_comment_highlights_exactly_its_quote_or_is_outdated_or_orphaned_after_random_edits() {
        Random random = new Random(20240917L);
        for (int n = 0; n < ITERATIONS; n++) {
            runOnce(random, n);
        }
        assertThat(checkedPlacements).isGreaterThan(ITERATIONS * 20);
        assertThat(seen).as("every outcome occurs").containsOnlyKeys(Placement.Status.values());
        assertThat(untouched).isGreaterThan(ITERATIONS * 5);
        assertThat(anchoredUntouched).as("comments whose words no edit touched stay anchored")
                .isGreaterThanOrEqualTo(untouched * 99 / 100);
    }

    private void runOnce(Random random, int iteration) {
        DraftDocument first = randomDocument(random);
        NumberedOutline numbered = NumberedOutline.of(first);
        List<Tracked> comments = new ArrayList<>();
        List<Anchor> anchors = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Anchor anchor = randomAnchor(random, numbered);
            anchors.add(anchor);
            if (anchor.hasQuote()) {
                comments.add(new Tracked(anchor));
            }
        }
        List<DraftDocument> versions = new ArrayList<>(List.of(first));
        List<Placement> chained = anchors.stream().map(Placement::initial).toList();
        int steps = 1 + random.nextInt(6);
        for (int s = 0; s < steps; s++) {
            DraftDocument before = versions.get(versions.size() - 1);
            DraftDocument after = randomEdit(random, before, comments);
            versions.add(after);
            chained = Reanchoring.carryForwardAll(chained, before, after);
            check(chained, after, "iteration " + iteration + " step " + s);
        }
        DraftDocument last = versions.get(versions.size() - 1);
        List<Placement> direct = Reanchoring.reanchorAll(anchors, first, last);
        check(direct, last, "iteration " + iteration + " direct");
        for (Tracked t : comments) {
            Placement p = direct.get(anchors.indexOf(t.anchor));
            if (!t.touched && last.find(t.anchor.clauseId()).isPresent()) {
                untouched++;
                if (p.status() == Placement.Status.ANCHORED) {
                    anchoredUntouched++;
                }
            }
        }
    }

    private void check(List<Placement> placements, DraftDocument document, String where) {
        NumberedOutline numbered = NumberedOutline.of(document);
        for (Placement p : placements) {
            checkedPlacements++;
            seen.merge(p.status(), 1, Integer::sum);
            Anchor a = p.anchor();
            switch (p.status()) {
                case ANCHORED -> {
                    if (!a.isGeneral()) {
                        String body = document.require(a.clauseId()).body();
                        Span span = p.highlight().orElseThrow();
                        assertThat(body.substring(span.start(), span.end())).as(where + " " + a).isEqualTo(a.quote());
                        assertThat(p.clauseNumber()).isEqualTo(numbered.number(a.clauseId()));
                    }
                }
                case OUTDATED -> {
                    assertThat(document.find(a.clauseId())).as(where).isPresent();
                    assertThat(p.highlight()).isEmpty();
                    p.candidate().ifPresent(c -> assertThat(c.end())
                            .isLessThanOrEqualTo(document.require(a.clauseId()).body().length()));
                }
                case ORPHANED -> {
                    assertThat(document.find(a.clauseId())).as(where).isEmpty();
                    assertThat(p.isGeneral()).isTrue();
                }
            }
        }
    }

    private static DraftDocument randomDocument(Random random) {
        StringBuilder sb = new StringBuilder();
        int clauses = 3 + random.nextInt(10);
        int level = 1;
        for (int i = 0; i < clauses; i++) {
            level = i == 0 ? 1 : 1 + random.nextInt(Math.min(level + 1, 4));
            sb.append("#".repeat(level)).append(" 条款").append(i).append(" {#c").append(i).append("}\n\n")
                    .append(randomText(random, 5 + random.nextInt(60))).append("\n\n");
        }
        return DraftFormat.parse(sb.toString());
    }

    private static String randomText(Random random, int fragments) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fragments; i++) {
            sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return sb.toString().strip();
    }

    /** A random quote on a random clause (code-point boundaries, as a browser selection has), or a general comment. */
    private static Anchor randomAnchor(Random random, NumberedOutline numbered) {
        List<Clause> clauses = numbered.document().clauses();
        Clause clause = clauses.get(random.nextInt(clauses.size()));
        String body = clause.body();
        if (random.nextInt(20) == 0) {
            return Anchor.general(COMMIT);
        }
        if (random.nextInt(20) == 0 || body.isEmpty()) {
            return Anchor.onClause(numbered, clause.id(), COMMIT);
        }
        int start = boundary(body, random.nextInt(body.length()));
        int end = boundary(body, Math.min(body.length(), start + 1 + random.nextInt(30)));
        if (end <= start) {
            end = body.offsetByCodePoints(start, 1);
        }
        return Anchor.create(numbered, clause.id(), start, end, body.substring(start, end), COMMIT);
    }

    private static int boundary(String text, int offset) {
        return Anchor.splitsPair(text, offset) ? offset - 1 : offset;
    }

    /** One random edit that {@link Outline} accepts, keeping the comments' true positions up to date. */
    private static DraftDocument randomEdit(Random random, DraftDocument document, List<Tracked> comments) {
        for (int attempt = 0; attempt < 20 && !document.clauses().isEmpty(); attempt++) {
            List<Clause> clauses = document.clauses();
            Clause clause = clauses.get(random.nextInt(clauses.size()));
            String id = clause.id();
            int kind = random.nextInt(20);
            try {
                DraftDocument result;
                if (kind < 12) {
                    return editBody(random, document, clause, comments);
                } else if (kind < 14) {
                    result = Outline.moveUp(document, id);
                } else if (kind < 16) {
                    result = Outline.moveDown(document, id);
                } else if (kind < 17) {
                    result = Outline.indent(document, id);
                } else if (kind < 18) {
                    result = Outline.outdent(document, id);
                } else if (kind < 19 && clauses.size() > 2) {
                    result = Outline.deleteClause(document, id);
                } else {
                    result = Outline.retitle(document, id, "新标题" + random.nextInt(100));
                }
                follow(result, comments);
                return result;
            } catch (DraftException refused) {
                assertThat(refused.key()).startsWith("draft.outline.");
            }
        }
        return document;
    }

    private static DraftDocument editBody(Random random, DraftDocument document, Clause clause,
            List<Tracked> comments) {
        String body = clause.body();
        int at = boundary(body, random.nextInt(body.length() + 1));
        int deleted = random.nextInt(3) == 0 ? 0
                : Math.max(0, boundary(body, Math.min(body.length(), at + random.nextInt(12))) - at);
        String inserted = random.nextInt(3) == 0 ? "" : randomText(random, 1 + random.nextInt(4));
        String edited = body.substring(0, at) + inserted + body.substring(at + deleted);
        DraftDocument result = Outline.replaceBody(document, clause.id(), edited);
        for (Tracked t : comments) {
            if (t.anchor.clauseId().equals(clause.id()) && !t.touched) {
                if (at + deleted <= t.start) {
                    t.start += inserted.length() - deleted;
                } else if (at < t.start + t.anchor.quote().length()) {
                    t.touched = true;
                }
            }
        }
        follow(result, comments);
        return result;
    }

    /** Marks comments whose words are no longer where the test tracked them (for example after a rebuild). */
    private static void follow(DraftDocument after, List<Tracked> comments) {
        for (Tracked t : comments) {
            String id = t.anchor.clauseId();
            if (!t.touched && after.find(id).isPresent() && !after.require(id).body().startsWith(t.anchor.quote(),
                    t.start)) {
                t.touched = true;
            }
        }
    }
}
