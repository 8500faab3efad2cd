package org.draftroom.comments.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.draftroom.comments.anchoring.Anchor;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.anchoring.Placement.Span;
import org.draftroom.comments.anchoring.Placement.Status;
import org.draftroom.comments.anchoring.Reanchoring;
import org.draftroom.comments.data.CommentRepository;
import org.draftroom.comments.data.CommentRepository.Scope;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentEvent;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.RoundCommentQuery;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.domain.Reply;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Project;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading comments on a project's draft: a comment, its thread and history, and pages of comments placed in a
 * version of the draft, with counts by clause; for a round's merged table, pages of a round's comments in the order
 * of its frozen version. Everything answers only what the signed-in person may read (the same rules as
 * {@link CommentService}).
 *
 * <p>Listing is paged in SQL: {@link #find} and {@link #countsByClause} never load all of a project's comments when
 * their stored placements are in the version asked for (the latest, normally: the re-anchoring listener carries them
 * to every new version). For any other version, the comments in scope are placed in it in memory. A round's comments
 * are listed in any version but the round's frozen one only for those who read the working draft (reviewers never
 * do).
 */
@Service
@Transactional(readOnly = true)
public class CommentReader {

    /** The most comments one call of {@link #find} returns. */
    public static final int MAX_PAGE = 500;

    private final CommentRepository comments;
    private final CommentAccessRules accessRules;
    private final OutlineCache versions;
    private final Access access;

    CommentReader(CommentRepository comments, CommentAccessRules accessRules, OutlineCache versions, Access access) {
        this.comments = comments;
        this.accessRules = accessRules;
        this.versions = versions;
        this.access = access;
    }

    /** The thread's replies, oldest first. */
    @PreAuthorize("@access.isSignedIn()")
    public List<Reply> replies(long id) {
        accessRules.requireReader(comments.findById(id).orElseThrow(() -> CommentAccessRules.notFound(id)),
                access.current());
        return comments.replies(id);
    }

    /** What happened to the comment, oldest first. */
    @PreAuthorize("@access.isSignedIn()")
    public List<CommentEvent> history(long id) {
        accessRules.requireReader(comments.findById(id).orElseThrow(() -> CommentAccessRules.notFound(id)),
                access.current());
        return comments.history(id);
    }

    /** A comment that the signed-in person may read. */
    @PreAuthorize("@access.isSignedIn()")
    public Comment get(long id) {
        Comment comment = comments.findById(id).orElseThrow(() -> CommentAccessRules.notFound(id));
        accessRules.requireReader(comment, access.current());
        return comment;
    }

    /**
     * A page of the project's comments that the signed-in person may read, placed in the version {@code commitId} (a
     * commit id or tag, blank for the latest): document-level comments first (general, then
     * orphaned), then in the order
     * of the clauses in that version, then by position in the clause. The filter's clause and "outdated only" parts
     * apply to the placement in that version.
     *
     * @param limit at most {@value #MAX_PAGE}
     */
    @PreAuthorize("@access.isSignedIn()")
    public List<PlacedComment> find(String projectId, String commitId, CommentFilter filter, int offset, int limit) {
        return placed(projectId, commitId, filter, offset, Math.max(0, Math.min(limit, MAX_PAGE)));
    }

    /**
     * Every comment {@link #find} would list, in the same order, up to {@code limit}: for whole tables such as a
     * round's dispositions and their exports, read in one query where {@code find} would need a query a page.
     */
    @PreAuthorize("@access.isSignedIn()")
    public List<PlacedComment> findAll(String projectId, String commitId, CommentFilter filter, int limit) {
        return placed(projectId, commitId, filter, 0, Math.max(0, limit));
    }

    private List<PlacedComment> placed(String projectId, String commitId, CommentFilter filter, int offset,
                                       int size) {
        CommentFilter f = filter == null ? CommentFilter.all() : filter;
        Listing listing = listing(projectId, commitId, f);
        if (listing.fast()) {
            return comments.page(listing.scope(), listing.clauseOrder(), offset, size).stream()
                    .map(c -> new PlacedComment(c, c.placement())).toList();
        }
        List<PlacedComment> placed = placeAll(listing, f);
        int from = Math.max(0, Math.min(offset, placed.size()));
        return List.copyOf(placed.subList(from, Math.min(placed.size(), from + size)));
    }

    /**
     * The number of the project's comments the signed-in person may read that match the filter; its clause and
     * "outdated only" parts apply to the comments' latest placements.
     */
    @PreAuthorize("@access.isSignedIn()")
    public int count(String projectId, CommentFilter filter) {
        CommentFilter f = filter == null ? CommentFilter.all() : filter;
        Project project = accessRules.project(projectId);
        return comments.count(accessRules.scope(project, f, access.current(), true));
    }

    /**
     * How many comments the signed-in person may read stand on each clause of the version {@code commitId}; the key
     * {@code ""} counts the document-level ones. Clauses without comments are absent.
     */
    @PreAuthorize("@access.isSignedIn()")
    public Map<String, Integer> countsByClause(String projectId, String commitId, CommentFilter filter) {
        CommentFilter f = filter == null ? CommentFilter.all() : filter;
        Listing listing = listing(projectId, commitId, f);
        if (listing.fast()) {
            return comments.countsByClause(listing.scope());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        placeAll(listing, f).forEach(p -> counts.merge(p.placement().clauseId(), 1, Integer::sum));
        return counts;
    }

    /**
     * A page of a round's comments that the signed-in person may read, in the order of the version they were written
     * on ({@code clauseOrder}: the clause ids of the round's frozen version), filtered and paged in SQL: for the
     * round's merged table, which must open fast with ten thousand comments. Empty when a comment of the round was
     * written on another version ({@link #roundAnchoredElsewhere}), where the caller places them all instead.
     *
     * @param limit at most {@value #MAX_PAGE}
     */
    @PreAuthorize("@access.isSignedIn()")
    @Transactional(readOnly = true)
    public List<Comment> roundPage(String projectId, long roundId, RoundCommentQuery query, List<String> clauseOrder,
                                   int offset, int limit) {
        return comments.roundPage(roundScope(projectId, roundId), query, clauseOrder, offset,
                Math.max(0, Math.min(limit, MAX_PAGE)));
    }

    /** How many comments {@link #roundPage} would list in all. */
    @PreAuthorize("@access.isSignedIn()")
    @Transactional(readOnly = true)
    public int roundCount(String projectId, long roundId, RoundCommentQuery query) {
        return comments.roundCount(roundScope(projectId, roundId), query);
    }

    /** The ids of every comment {@link #roundPage} would list, in its order. */
    @PreAuthorize("@access.isSignedIn()")
    @Transactional(readOnly = true)
    public List<Long> roundOrder(String projectId, long roundId, RoundCommentQuery query, List<String> clauseOrder) {
        return comments.roundIds(roundScope(projectId, roundId), query, clauseOrder);
    }

    /** The codes of the organisations whose comments of the round the signed-in person may read, sorted. */
    @PreAuthorize("@access.isSignedIn()")
    @Transactional(readOnly = true)
    public List<String> roundOrganisationCodes(String projectId, long roundId) {
        return comments.organisationCodes(roundScope(projectId, roundId));
    }

    /** Whether a comment of the round was written on another version than {@code commitId}. */
    @PreAuthorize("@access.isSignedIn()")
    @Transactional(readOnly = true)
    public boolean roundAnchoredElsewhere(String projectId, long roundId, String commitId) {
        return comments.anyAnchoredElsewhere(roundScope(projectId, roundId), commitId);
    }

    private Scope roundScope(String projectId, long roundId) {
        return accessRules.scope(accessRules.project(projectId), CommentFilter.all().withRoundId(roundId),
                access.current(), false);
    }

    /** What a listing needs: the scope, the version, and whether SQL alone can answer. */
    private record Listing(String projectId, String commitId, NumberedOutline outline, Scope scope,
                           List<String> clauseOrder, boolean fast) {
    }

    private Listing listing(String projectId, String commitId, CommentFilter f) {
        Project project = accessRules.project(projectId);
        CurrentUser me = access.current();
        Scope byPlacement = accessRules.scope(project, f, me, true);
        // A round's comments asked for without a version are placed in the round's text for those who may not read
        // the working draft (reviewers); for the others, in the latest version as before.
        String commit = (commitId == null || commitId.isBlank()) && f.roundId() != null
                && !accessRules.readsWorkingDraft(project, me) ? accessRules.rules().frozenCommit(f.roundId())
                : accessRules.resolve(projectId, commitId);
        if (f.roundId() != null && !commit.equals(accessRules.rules().frozenCommit(f.roundId()))) {
            // A round's comments carried onto another version show where they stand in the working draft.
            accessRules.requireWorkingDraftReader(project, me);
        }
        NumberedOutline outline = versions.outline(projectId, commit);
        boolean fast = !comments.anyPlacedElsewhere(accessRules.scope(project, f, me, false), commit);
        List<String> order = outline.clauses().stream().map(NumberedClause::id).filter(id -> !id.isEmpty())
                .distinct().toList();
        return new Listing(projectId, commit, outline, fast ? byPlacement : accessRules.scope(project, f, me, false),
                order,
                fast);
    }

    /** Every comment of the listing placed in its version, filtered and sorted (the slow path). */
    private List<PlacedComment> placeAll(Listing listing, CommentFilter f) {
        Map<String, Integer> order = new HashMap<>();
        List<String> ids = listing.clauseOrder();
        for (int i = 0; i < ids.size(); i++) {
            order.putIfAbsent(ids.get(i), i);
        }
        Map<String, Reanchoring> steps = new HashMap<>();
        List<PlacedComment> placed = new ArrayList<>();
        for (Comment c : comments.all(listing.scope())) {
            Placement p = placeIn(c, listing.commitId(), listing.outline(), steps);
            if (f.clauseId() != null && !f.clauseId().equals(p.clauseId())) {
                continue;
            }
            if (f.outdatedOnly() && p.status() != Status.OUTDATED) {
                continue;
            }
            placed.add(new PlacedComment(c, p));
        }
        placed.sort(Comparator.<PlacedComment>comparingInt(p -> p.placement().isGeneral() ? 0 : 1)
                .thenComparingInt(p -> p.comment().anchor().isGeneral() ? 0 : 1)
                .thenComparingInt(p -> order.getOrDefault(p.placement().clauseId(), Integer.MAX_VALUE))
                .thenComparingInt(p -> position(p.placement()))
                .thenComparingLong(p -> p.comment().id()));
        return placed;
    }

    /**
     * Where a comment stands in a version: its stored placement when that is the version, its anchor when it was
     * made on it, else its stored placement carried there (one {@link Reanchoring} per source version, kept in
     * {@code steps}).
     */
    Placement placeIn(Comment c, String commit, NumberedOutline target, Map<String, Reanchoring> steps) {
        if (c.placementCommitId().equals(commit)) {
            return c.placement();
        }
        if (c.anchor().commitId().equals(commit)) {
            return Placement.initial(c.anchor());
        }
        try {
            return steps.computeIfAbsent(c.placementCommitId(), from -> Reanchoring.between(
                    versions.outline(c.projectId(), from).document(), target.document())).place(c.placement());
        } catch (RuntimeException unusable) {
            try {
                return steps.computeIfAbsent("anchor:" + c.anchor().commitId(), from -> Reanchoring.between(
                        versions.outline(c.projectId(), c.anchor().commitId()).document(), target.document()))
                        .place(c.anchor());
            } catch (RuntimeException unreadable) {
                return unverified(c.anchor(), target);
            }
        }
    }

    /**
     * Where a comment stands when none of the versions it was placed in can be read: nothing can show that its words
     * are still there, so a quote is outdated (never a highlight of possibly wrong words), a whole-clause comment stays
     * on its clause, and a comment whose clause is gone is orphaned.
     */
    private static Placement unverified(Anchor anchor, NumberedOutline target) {
        if (anchor.isGeneral()) {
            return Placement.initial(anchor);
        }
        if (target.document().find(anchor.clauseId()).isEmpty()) {
            return new Placement(anchor, Status.ORPHANED, Anchor.GENERAL, "", Optional.empty(), Optional.empty());
        }
        String number = target.number(anchor.clauseId());
        return anchor.hasQuote()
                ? new Placement(anchor, Status.OUTDATED, anchor.clauseId(), number, Optional.empty(), Optional.empty())
                : new Placement(anchor, Status.ANCHORED, anchor.clauseId(), number, Optional.of(new Span(0, 0)),
                        Optional.empty());
    }

    private static int position(Placement p) {
        return p.highlight().or(p::candidate).map(Span::start).orElse(0);
    }

    /** Whether the signed-in person may read the working-draft comments of the project (e.g. to offer them at all). */
    @PreAuthorize("@access.isSignedIn()")
    public boolean mayReadWorkingDraft(String projectId) {
        return accessRules.readsWorkingDraft(accessRules.project(projectId), access.current());
    }
}
