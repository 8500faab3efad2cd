package org.draftroom.comments.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.draftroom.IntegrationTest;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.anchoring.Placement.Status;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftException;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The property of the anchoring engine, through the service and the listener: after random saves (Chinese text
 * inserted, deleted and replaced, clauses moved and deleted), every stored comment either highlights exactly its
 * quoted words in the latest version, or is outdated on a clause that still exists, or is orphaned because its clause
 * is gone. Never wrong words.
 */
@IntegrationTest
class CommentsFollowSavesIT {

    private static final long[] SEEDS = {1L, 20241001L, 7L};
    private static final int COMMENTS = 40;
    private static final int SAVES = 6;

    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired DraftService drafts;
    @Autowired ProjectService projects;
    @Autowired UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void after_random_saves_every_comment_highlights_its_own_words_or_says_it_cannot() {
        for (long seed : SEEDS) {
            Project project = CommentServiceIT.freshProject(drafts, projects, users, "cd-1");
            SignedIn.as(users, "editor2");
            Random random = new Random(seed);
            List<Comment> made = new ArrayList<>();
            for (int save = 0; save <= SAVES; save++) {
                DraftService.DraftSnapshot head = drafts.open(project.id(), null);
                for (int i = 0; i < COMMENTS / (SAVES + 1); i++) {
                    made.add(comments.create(project.id(), head.version().commitId(),
                            randomComment(head.document(), random)));
                }
                if (save < SAVES) {
                    drafts.save(project.id(), head.version().commitId(), edit(head.document(), random).text(),
                            "Random edit " + save);
                }
            }
            DraftDocument latest = drafts.open(project.id(), null).document();
            String headId = drafts.history(project.id(), 0, 1).get(0).commitId();
            List<PlacedComment> placed = commentReader.find(project.id(), null, CommentFilter.all(), 0, 500);
            assertThat(placed).hasSize(made.size());
            for (PlacedComment p : placed) {
                assertThat(p.comment().placementCommitId()).isEqualTo(headId);
                check(latest, p.placement(), "seed " + seed + " " + p.comment().readableId());
            }
            assertThat(placed).extracting(p -> p.placement().status()).as("seed " + seed).contains(Status.ANCHORED);
        }
    }

    private static void check(DraftDocument latest, Placement placement, String what) {
        var clause = latest.find(placement.anchor().clauseId());
        switch (placement.status()) {
            case ANCHORED -> {
                if (placement.anchor().isGeneral()) {
                    return;
                }
                assertThat(clause).as(what).isPresent();
                Placement.Span span = placement.highlight().orElseThrow();
                assertThat(clause.get().body().substring(span.start(), span.end())).as(what)
                        .isEqualTo(placement.anchor().quote());
            }
            case OUTDATED -> assertThat(clause).as(what).isPresent();
            case ORPHANED -> assertThat(clause).as(what).isEmpty();
        }
    }

    private static CommentForm randomComment(DraftDocument document, Random random) {
        List<Clause> withText = document.clauses().stream().filter(c -> !c.id().isEmpty() && c.body().length() > 4)
                .toList();
        Clause clause = withText.get(random.nextInt(withText.size()));
        if (random.nextInt(10) == 0) {
            return new CommentForm(null, CommentType.GE, "", 0, 0, "", "总体意见", "");
        }
        if (random.nextInt(10) == 0) {
            return new CommentForm(null, CommentType.ED, clause.id(), 0, 0, "", "整条意见", "");
        }
        String body = clause.body();
        int start = random.nextInt(body.length() - 2);
        int end = Math.min(body.length(), start + 1 + random.nextInt(12));
        if (Character.isLowSurrogate(body.charAt(start))) {
            start++;
        }
        end = Math.max(end, Math.min(body.length(), start + 1));
        if (end < body.length() && Character.isLowSurrogate(body.charAt(end))) {
            end++;
        }
        return new CommentForm(null, CommentType.TE, clause.id(), start, end, body.substring(start, end), "意见", "");
    }

    /** A few random edits: Chinese words inserted, text deleted or replaced, a clause moved or deleted. */
    private static DraftDocument edit(DraftDocument document, Random random) {
        DraftDocument doc = document;
        for (int i = 0; i < 8; i++) {
            List<Clause> withText = doc.clauses().stream().filter(c -> !c.id().isEmpty() && c.body().length() > 4)
                    .toList();
            Clause clause = withText.get(random.nextInt(withText.size()));
            String body = clause.body();
            int at = random.nextInt(body.length());
            if (at > 0 && Character.isLowSurrogate(body.charAt(at))) {
                at--;
            }
            try {
                doc = switch (random.nextInt(6)) {
                    case 0, 1 -> Outline.replaceBody(doc, clause.id(), body.substring(0, at) + "新增的要求，" +
                            body.substring(at));
                    case 2 -> Outline.replaceBody(doc, clause.id(), body.substring(0, at)
                            + body.substring(Math.min(body.length(), at + 6 + random.nextInt(10))));
                    case 3 -> Outline.replaceBody(doc, clause.id(), body.replaceFirst("个人信息", "个人数据"));
                    case 4 -> Outline.moveUp(doc, clause.id());
                    default -> doc.clauses().size() > 20 && doc.children(clause.id()).isEmpty()
                            ? Outline.deleteClause(doc, clause.id()) : doc;
                };
            } catch (DraftException notPossibleHere) {
                // A move or text change that the outline refuses (first at its level, a cut code fence): skip it.
            }
        }
        return doc;
    }
}
