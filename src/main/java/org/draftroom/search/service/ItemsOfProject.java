package org.draftroom.search.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.service.CommentFeed;
import org.draftroom.drafts.domain.ClauseKind;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.service.DraftReader;
import org.draftroom.rounds.domain.DispositionRecord;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.service.RoundFeed;
import org.draftroom.search.index.IndexedItem;
import org.draftroom.search.index.Kind;
import org.springframework.stereotype.Component;

/**
 * Everything of one project that search finds, read from Git and PostgreSQL through the owning modules' system
 * readers: the clauses and terms of the current version and of every round's frozen version, the comments, and the
 * recorded dispositions. Who may see which item is decided at query time.
 */
@Component
class ItemsOfProject {

    /** Cross-reference markup {@code [](#id)} and {@code {#id .class}} attributes: not words anyone searches. */
    private static final Pattern MARKUP = Pattern.compile("\\[]\\(#[^)]*\\)|\\{#[^}]*}");

    private final DraftReader drafts;
    private final CommentFeed comments;
    private final RoundFeed rounds;

    ItemsOfProject(DraftReader drafts, CommentFeed comments, RoundFeed rounds) {
        this.drafts = drafts;
        this.comments = comments;
        this.rounds = rounds;
    }

    List<IndexedItem> items(Project project) {
        List<IndexedItem> items = new ArrayList<>();
        drafts.head(project.id()).ifPresent(head -> clauses(project, head, 0, "", items));
        addComments(project, 0, "", comments.comments(project.id(), null), Map.of(), items);
        for (Round round : rounds.rounds(project.id())) {
            clauses(project, round.commitId(), round.id(), round.title(), items);
            Map<Long, DispositionRecord> decided = rounds.dispositions(round.id());
            addComments(project, round.id(), round.title(), comments.comments(project.id(), round.id()), decided,
                    items);
        }
        return items;
    }

    private void clauses(Project p, String commitId, long roundId, String roundLabel, List<IndexedItem> items) {
        DraftDocument document = drafts.document(p.id(), commitId);
        for (NumberedClause c : NumberedOutline.of(document).clauses()) {
            Kind kind = c.kind() == ClauseKind.TERM ? Kind.TERM : Kind.CLAUSE;
            items.add(new IndexedItem("clause:" + p.id() + ":" + roundId + ":" + c.index(), kind, p.id(), p.code(),
                    p.titleZh(), p.titleEn(), p.workingGroup(), roundId, roundLabel, commitId, c.id(), c.number(),
                    c.clause().title(), plain(c.clause().body()), null, "", null, "", null, ""));
        }
    }

    private static void addComments(Project p, long roundId, String roundLabel, List<Comment> list,
                                    Map<Long, DispositionRecord> decided, List<IndexedItem> items) {
        Map<Long, Comment> byId = new HashMap<>();
        for (Comment c : list) {
            byId.put(c.id(), c);
            String text = c.moderated() ? "" : c.body() + (c.hasProposedChange() ? "\n" + c.proposedChange() : "");
            items.add(new IndexedItem("comment:" + c.id(), Kind.COMMENT, p.id(), p.code(), p.titleZh(),
                    p.titleEn(), p.workingGroup(), roundId, roundLabel, c.placementCommitId(),
                    c.placement().clauseId(), c.placement().clauseNumber(), c.readableId(), text, c.id(),
                    c.type().name(), c.organisationId(), c.organisationCode(), c.authorId(), c.status().name()));
        }
        for (DispositionRecord d : decided.values()) {
            Comment c = byId.get(d.commentId());
            if (c == null || d.disposition() == null) {
                continue;
            }
            items.add(new IndexedItem("disposition:" + c.id(), Kind.DISPOSITION, p.id(), p.code(), p.titleZh(),
                    p.titleEn(), p.workingGroup(), roundId, roundLabel, c.placementCommitId(),
                    c.placement().clauseId(), c.placement().clauseNumber(), c.readableId(),
                    d.reason() == null ? "" : d.reason(), c.id(), c.type().name(), c.organisationId(),
                    c.organisationCode(), c.authorId(), d.disposition().name()));
        }
    }

    static String plain(String markdown) {
        return MARKUP.matcher(markdown).replaceAll("").strip();
    }
}
