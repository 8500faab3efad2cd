package org.draftroom.comments.service;

import org.draftroom.comments.web.CommentMarkdown;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.CommentCreated;
import org.draftroom.comments.CommentReplied;
import org.draftroom.comments.RoundCommentRules;
import org.draftroom.comments.anchoring.Anchor;
import org.draftroom.comments.anchoring.AnchorException;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.anchoring.Placement.Span;
import org.draftroom.comments.anchoring.Placement.Status;
import org.draftroom.comments.anchoring.Reanchoring;
import org.draftroom.comments.data.CommentRepository;
import org.draftroom.comments.data.CommentRepository.NewComment;
import org.draftroom.comments.data.CommentRepository.Scope;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentEvent;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.RoundCommentQuery;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentStatus;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.domain.Reply;
import org.draftroom.drafts.domain.VersionNote;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.service.DraftReader;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on a project's draft, their threads and history: the transaction and security boundary of the comments
 * module. Refusals are {@link UserFacingException}s with message keys (or {@link AccessDeniedException}); nothing is
 * changed when one is thrown.
 *
 * <p>Who may do what on the working draft (comments without round): members of the project's working group (its
 * editors), the secretariat and administrators read, comment and reply; the comment's author, the group's editors
 * and the secretariat resolve and reopen; the group's editors and the secretariat apply a proposed change; only the
 * author edits, while the comment is open. Comments of a consultation round follow the round's rules
 * ({@link RoundCommentRules}, implemented by the rounds module): the round's frozen version, who may write now
 * (late comments are marked), who may read, and whose organisations' comments they see. Without such a bean, every
 * operation on round comments is refused.
 *
 * <p>Listing is paged in SQL: {@link #find} and {@link #countsByClause} never load all of a project's comments when
 * their stored placements are in the version asked for (the latest, normally: the re-anchoring listener carries them
 * to every new version). For any other version, the comments in scope are placed in it in memory. A round's comments
 * are listed in any version but the round's frozen one only for those who read the working draft (reviewers never
 * do).
 */
@Service
@Transactional(readOnly = true)
public class CommentService {

    /** The most characters of a comment's body, of its proposed change, and of a reply. */
    public static final int MAX_TEXT = 10_000;

    /** The most characters of a reason for resolving or reopening. */
    public static final int MAX_REASON = 2_000;

    /** The most comments one call of {@link #find} returns. */
    public static final int MAX_PAGE = 500;

    private final CommentRepository comments;
    private final DraftReader drafts;
    private final DraftService draftService;
    private final OutlineCache versions;
    private final Access access;
    private final ObjectProvider<RoundCommentRules> roundRules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentService(CommentRepository comments, DraftReader drafts, DraftService draftService, OutlineCache versions,
                   Access access, ObjectProvider<RoundCommentRules> roundRules, ApplicationEventPublisher events,
                   Clock clock) {
        this.comments = comments;
        this.drafts = drafts;
        this.draftService = draftService;
        this.versions = versions;
        this.access = access;
        this.roundRules = roundRules;
        this.events = events;
        this.clock = clock;
    }

    // --- writing -----------------------------------------------------------------------------------------------

    /**
     * Comments on the version {@code commitId} of the project's draft (a commit id or tag; blank for the latest). A
     * comment of a round is made on the round's frozen version ({@code commitId} may be blank or must name it).
     *
     * @throws UserFacingException {@code comment.type.required}, {@code comment.body.required},
     *                             {@code comment.too-long} (limit, length), {@code comment.quote.missing} (quote) when
     *                             the quoted words are not at the given offsets of that version's clause, the
     *                             {@code comment.anchor.*} refusals of {@link Anchor#create}, the round's refusals
     */
    @PreAuthorize("@access.isSignedIn()")
    @Transactional
    public Comment create(String projectId, String commitId, CommentForm form) {
        CurrentUser me = access.current();
        Project project = project(projectId);
        if (form == null) {
            throw new FieldProblemException("comment.type", "comment.type.required");
        }
        boolean late = false;
        String commit;
        if (form.roundId() == null) {
            requireWorkingDraftReader(project, me);
            commit = resolve(projectId, commitId);
        } else {
            RoundCommentRules rules = rules();
            late = rules.checkWrite(form.roundId(), me);
            commit = resolve(projectId, rules.frozenCommit(form.roundId()));
            if (commitId != null && !commitId.isBlank() && !resolve(projectId, commitId).equals(commit)) {
                throw new UserFacingException("comment.round.frozen-version");
            }
        }
        if (form.type() == null) {
            throw new FieldProblemException("comment.type", "comment.type.required");
        }
        String body = text("comment.body", form.body(), true);
        String proposed = text("comment.proposed-change", form.proposedChange(), false);
        String lineNumber = place("comment.line-number", form.lineNumber(), CommentForm.MAX_LINE_NUMBER);
        String location = place("comment.location", form.location(), CommentForm.MAX_LOCATION);

        NumberedOutline outline = versions.outline(projectId, commit);
        Anchor anchor = anchor(outline, form, commit);
        // Placed in the latest version under the re-anchoring lock, so a version saved meanwhile carries it too.
        comments.lockProjectPlacements(projectId);
        String head = drafts.head(projectId).orElse(commit);
        Placement placement = head.equals(commit) ? Placement.initial(anchor)
                : Reanchoring.between(outline.document(), versions.outline(projectId, head).document()).place(anchor);

        String owner = me.organisationCode() != null && !me.organisationCode().isBlank()
                ? me.organisationCode().trim().toUpperCase(Locale.ROOT) : me.username().toUpperCase(Locale.ROOT);
        int sequence = comments.nextSequence(projectId, owner);
        String readableId = owner + "-" + String.format(Locale.ROOT, "%03d", sequence);
        Instant now = clock.instant();
        long id = comments.insert(new NewComment(projectId, form.roundId(), readableId, me.id(),
                me.organisationCode() == null ? null : me.organisationId(), me.organisationCode(), form.type(), body,
                proposed, placement, head, late, now, lineNumber, location));
        comments.insertEvent(id, CommentEvent.CREATED, me.id(), "", now);
        events.publishEvent(new CommentCreated(projectId, id, form.roundId()));
        return comments.findById(id).orElseThrow();
    }

    /**
     * Changes a comment's type, text and proposed change: its author only, while it is open (in a round, also only
     * while the round lets them write). The text before the change is kept in the history.
     */
    @PreAuthorize("@access.isSignedIn()")
    @Transactional
    public Comment edit(long id, CommentType type, String body, String proposedChange) {
        return edit(id, type, body, proposedChange, null, null);
    }

    /**
     * Changes a comment as {@link #edit(long, CommentType, String, String)}, and also its line number and
     * paragraph/figure/table (as a re-uploaded sheet gives them); null leaves them as they are.
     */
    @PreAuthorize("@access.isSignedIn()")
    @Transactional
    public Comment edit(long id, CommentType type, String body, String proposedChange, String lineNumber,
                        String location) {
        CurrentUser me = access.current();
        Comment comment = comments.findForUpdate(id).orElseThrow(() -> notFound(id));
        requireReader(comment, me);
        if (comment.authorId() != me.id()) {
            throw new AccessDeniedException("only the author edits a comment");
        }
        if (comment.status() != CommentStatus.OPEN) {
            throw new UserFacingException("comment.edit.resolved");
        }
        if (comment.roundId() != null) {
            rules().checkWrite(comment.roundId(), me);
        }
        if (type == null) {
            throw new FieldProblemException("comment.type", "comment.type.required");
        }
        String text = text("comment.body", body, true);
        String proposed = text("comment.proposed-change", proposedChange, false);
        String line = lineNumber == null ? comment.lineNumber()
                : place("comment.line-number", lineNumber, CommentForm.MAX_LINE_NUMBER);
        String where = location == null ? comment.location()
                : place("comment.location", location, CommentForm.MAX_LOCATION);
        boolean samePlace = line.equals(comment.lineNumber()) && where.equals(comment.location());
        if (type == comment.type() && text.equals(comment.body()) && proposed.equals(comment.proposedChange())) {
            if (!samePlace) {
                comments.updatePlaceInClause(id, line, where, clock.instant());
                return comments.findById(id).orElseThrow();
            }
            return comment;
        }
        Instant now = clock.instant();
        if (!samePlace) {
            comments.updatePlaceInClause(id, line, where, now);
        }
        comments.updateText(id, type, text, proposed, now);
        comments.insertEvent(id, CommentEvent.EDITED, me.id(), comment.type().code() + "\n" + comment.body()
                + (comment.hasProposedChange() ? "\n---\n" + comment.proposedChange() : ""), now);
        return comments.findById(id).orElseThrow();
    }

    /**
     * Replies in the comment's thread: anyone who may read the comment; in a round's thread, reviewers only while the
     * round lets them write (as for {@link #edit}); those who read the working draft (the project's editors, the
     * secretariat, administrators) at any time.
     */
    @PreAuthorize("@access.isSignedIn()")
    @Transactional
    public Reply reply(long id, String body) {
        CurrentUser me = access.current();
        Comment comment = comments.findById(id).orElseThrow(() -> notFound(id));
        requireReader(comment, me);
        if (comment.roundId() != null && !readsWorkingDraft(project(comment.projectId()), me)) {
            rules().checkWrite(comment.roundId(), me);
        }
        String text = text("comment.reply", body, true);
        Instant now = clock.instant();
        long replyId = comments.insertReply(id, me.id(), text, now);
        comments.insertEvent(id, CommentEvent.REPLIED, me.id(), "", now);
        events.publishEvent(new CommentReplied(id, replyId, me.id(), comment.authorId()));
        return comments.findReply(replyId).orElseThrow();
    }

    /** The thread's replies, oldest first. */
    @PreAuthorize("@access.isSignedIn()")
    public List<Reply> replies(long id) {
        requireReader(comments.findById(id).orElseThrow(() -> notFound(id)), access.current());
        return comments.replies(id);
    }

    /** What happened to the comment, oldest first. */
    @PreAuthorize("@access.isSignedIn()")
    public List<CommentEvent> history(long id) {
        requireReader(comments.findById(id).orElseThrow(() -> notFound(id)), access.current());
        return comments.history(id);
    }

    /**
     * Resolves an open comment, saying why: its author, the project's editors and the secretariat. The author of a
     * round comment only while the round lets them write (as for {@link #edit}).
     */
    @PreAuthorize("@access.isSignedIn()")
    @Transactional
    public Comment resolve(long id, String reason) {
        return changeStatus(id, reason, CommentStatus.RESOLVED, CommentEvent.RESOLVED, "comment.already-resolved");
    }

    /**
     * Reopens a resolved comment, saying why: its author, the project's editors and the secretariat. The author of a
     * round comment only while the round lets them write (as for {@link #edit}).
     */
    @PreAuthorize("@access.isSignedIn()")
    @Transactional
    public Comment reopen(long id, String reason) {
        return changeStatus(id, reason, CommentStatus.OPEN, CommentEvent.REOPENED, "comment.already-open");
    }

    /** Whether the signed-in person may take comments down ({@link #moderate}): the secretariat. */
    @PreAuthorize("@access.isSignedIn()")
    public boolean mayTakeDown() {
        return access.canManageProjects();
    }

    /**
     * Takes an abusive comment down, with a reason recorded in its history: {@code Comment.HIDDEN} keeps its text in
     * the database but shows it to nobody; {@code Comment.DELETED} erases its text. The comment itself stays (a stub
     * with its id, thread and disposition) so that nothing that refers to it breaks. The secretariat only.
     */
    @PreAuthorize("@access.isSignedIn()")
    @Transactional
    public Comment moderate(long id, String moderation, String reason) {
        if (!access.canManageProjects()) {
            throw new AccessDeniedException("only the secretariat takes comments down");
        }
        if (!Comment.HIDDEN.equals(moderation) && !Comment.DELETED.equals(moderation)) {
            throw new UserFacingException("comment.moderation.unknown", String.valueOf(moderation));
        }
        CurrentUser me = access.current();
        Comment comment = comments.findForUpdate(id).orElseThrow(() -> notFound(id));
        requireReader(comment, me);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new FieldProblemException("comment.reason", "comment.reason.required");
        }
        if (why.length() > MAX_REASON) {
            throw new FieldProblemException("comment.reason", "comment.too-long", MAX_REASON, why.length());
        }
        Instant now = clock.instant();
        comments.moderate(id, moderation, why, now);
        comments.insertEvent(id, Comment.HIDDEN.equals(moderation) ? CommentEvent.HIDDEN : CommentEvent.DELETED,
                me.id(), why, now);
        return comments.findById(id).orElseThrow();
    }

    private Comment changeStatus(long id, String reason, CommentStatus to, String kind, String alreadyKey) {
        CurrentUser me = access.current();
        Comment comment = comments.findForUpdate(id).orElseThrow(() -> notFound(id));
        requireReader(comment, me);
        Project project = project(comment.projectId());
        boolean editor = access.canEditProjectsOf(project.workingGroup());
        if (comment.authorId() != me.id() && !editor) {
            throw new AccessDeniedException("neither the author nor an editor of " + project.workingGroup());
        }
        if (comment.roundId() != null && !editor) {
            // The author of a round comment changes it only while the round lets them write: not after their
            // organisation's final submission, nor after closing (unless allowed late), nor after publication.
            rules().checkWrite(comment.roundId(), me);
        }
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new FieldProblemException("comment.reason", "comment.reason.required");
        }
        if (why.length() > MAX_REASON) {
            throw new FieldProblemException("comment.reason", "comment.too-long", MAX_REASON, why.length());
        }
        if (comment.status() == to) {
            throw new UserFacingException(alreadyKey);
        }
        Instant now = clock.instant();
        comments.updateStatus(id, to, now);
        comments.insertEvent(id, kind, me.id(), why, now);
        return comments.findById(id).orElseThrow();
    }

    /**
     * Applies the comment's proposed change to the latest version: replaces the quoted words (for a whole-clause
     * comment, the clause's text) by it and saves a version with the message {@code Apply comment CN-ABC-007: } and
     * the first line of the comment. Records the version on the comment and resolves it. The project's editors and
     * the secretariat.
     *
     * @throws UserFacingException {@code comment.apply.no-proposal}, {@code comment.apply.already} (version),
     *                             {@code comment.apply.general}, {@code comment.apply.outdated},
     *                             {@code comment.apply.orphaned}, {@code comment.apply.no-change}, and the refusals of
     *                             {@link DraftService#save} (e.g. the proposed text holds a heading)
     */
    @PreAuthorize("@access.isSignedIn()")
    @Transactional
    public Comment applyProposedChange(long id) {
        CurrentUser me = access.current();
        Comment comment = comments.findForUpdate(id).orElseThrow(() -> notFound(id));
        Project project = project(comment.projectId());
        if (!access.canEditProjectsOf(project.workingGroup())) {
            throw new AccessDeniedException("not an editor of " + project.workingGroup());
        }
        if (comment.appliedCommitId() != null) {
            throw new UserFacingException("comment.apply.already", comment.appliedCommitId().substring(0, 8));
        }
        if (!comment.hasProposedChange()) {
            throw new UserFacingException("comment.apply.no-proposal");
        }
        if (comment.anchor().isGeneral()) {
            throw new UserFacingException("comment.apply.general");
        }
        String head = drafts.head(project.id()).orElseThrow();
        NumberedOutline latest = versions.outline(project.id(), head);
        Placement placement = placeIn(comment, head, latest, new HashMap<>());
        if (placement.status() == Status.ORPHANED) {
            throw new UserFacingException("comment.apply.orphaned");
        }
        if (placement.status() == Status.OUTDATED) {
            throw new UserFacingException("comment.apply.outdated");
        }
        DraftDocument document = latest.document();
        Clause clause = document.require(placement.clauseId());
        String body = clause.body();
        String proposed = comment.proposedChange();
        String newBody;
        if (comment.anchor().hasQuote()) {
            Span span = placement.highlight().orElseThrow();
            newBody = body.substring(0, span.start()) + proposed + body.substring(span.end());
        } else if (body.isBlank()) {
            newBody = "\n" + proposed.strip() + "\n\n";
        } else {
            newBody = leadingSpace(body) + proposed.strip() + trailingSpace(body);
        }
        if (newBody.equals(body)) {
            throw new UserFacingException("comment.apply.no-change");
        }
        String text = Outline.replaceBody(document, clause.id(), newBody).text();
        DraftService.SaveResult saved = draftService.save(project.id(), head, text,
                "Apply comment " + comment.readableId() + "\n\n"
                        + VersionNote.trailers("apply-comment", comment.readableId(), List.of(clause.id())));
        String applied = saved.version().commitId();
        Instant now = clock.instant();
        comments.markApplied(id, applied, now);
        comments.insertEvent(id, CommentEvent.APPLIED, me.id(), applied, now);
        return comments.findById(id).orElseThrow();
    }

    // --- reading -----------------------------------------------------------------------------------------------

    /** A comment that the signed-in person may read. */
    @PreAuthorize("@access.isSignedIn()")
    public Comment get(long id) {
        Comment comment = comments.findById(id).orElseThrow(() -> notFound(id));
        requireReader(comment, access.current());
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
        Project project = project(projectId);
        return comments.count(scope(project, f, access.current(), true));
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
        return scope(project(projectId), CommentFilter.all().withRoundId(roundId), access.current(), false);
    }

    /** What a listing needs: the scope, the version, and whether SQL alone can answer. */
    private record Listing(String projectId, String commitId, NumberedOutline outline, Scope scope,
                           List<String> clauseOrder, boolean fast) {
    }

    private Listing listing(String projectId, String commitId, CommentFilter f) {
        Project project = project(projectId);
        CurrentUser me = access.current();
        Scope byPlacement = scope(project, f, me, true);
        // A round's comments asked for without a version are placed in the round's text for those who may not read
        // the working draft (reviewers); for the others, in the latest version as before.
        String commit = (commitId == null || commitId.isBlank()) && f.roundId() != null
                && !readsWorkingDraft(project, me) ? rules().frozenCommit(f.roundId()) : resolve(projectId, commitId);
        if (f.roundId() != null && !commit.equals(rules().frozenCommit(f.roundId()))) {
            // A round's comments carried onto another version show where they stand in the working draft.
            requireWorkingDraftReader(project, me);
        }
        NumberedOutline outline = versions.outline(projectId, commit);
        boolean fast = !comments.anyPlacedElsewhere(scope(project, f, me, false), commit);
        List<String> order = outline.clauses().stream().map(NumberedClause::id).filter(id -> !id.isEmpty())
                .distinct().toList();
        return new Listing(projectId, commit, outline, fast ? byPlacement : scope(project, f, me, false), order,
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
    private Placement placeIn(Comment c, String commit, NumberedOutline target, Map<String, Reanchoring> steps) {
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

    // --- rules -------------------------------------------------------------------------------------------------

    private Scope scope(Project project, CommentFilter f, CurrentUser me, boolean byPlacement) {
        Set<Long> visible = null;
        if (f.roundId() == null) {
            requireWorkingDraftReader(project, me);
        } else {
            RoundCommentRules rules = rules();
            if (!rules.mayRead(f.roundId(), me)) {
                throw new AccessDeniedException("may not read the comments of round " + f.roundId());
            }
            visible = rules.visibleOrganisations(f.roundId(), me).orElse(null);
        }
        return new Scope(project.id(), f, visible, me.id(), byPlacement);
    }

    /** Whether the signed-in person may read the working-draft comments of the project (e.g. to offer them at all). */
    @PreAuthorize("@access.isSignedIn()")
    public boolean mayReadWorkingDraft(String projectId) {
        return readsWorkingDraft(project(projectId), access.current());
    }

    private boolean readsWorkingDraft(Project project, CurrentUser me) {
        return me.has(Role.ADMIN) || access.canEditProjectsOf(project.workingGroup());
    }

    private void requireWorkingDraftReader(Project project, CurrentUser me) {
        if (!readsWorkingDraft(project, me)) {
            throw new AccessDeniedException("not a member of " + project.workingGroup());
        }
    }

    private void requireReader(Comment comment, CurrentUser me) {
        if (comment.roundId() == null) {
            requireWorkingDraftReader(project(comment.projectId()), me);
            return;
        }
        RoundCommentRules rules = rules();
        if (!rules.mayRead(comment.roundId(), me)) {
            throw new AccessDeniedException("may not read the comments of round " + comment.roundId());
        }
        Optional<Set<Long>> visible = rules.visibleOrganisations(comment.roundId(), me);
        if (visible.isPresent() && comment.authorId() != me.id()
                && (comment.organisationId() == null || !visible.get().contains(comment.organisationId()))) {
            throw new AccessDeniedException("may not read the comments of that organisation");
        }
    }

    private RoundCommentRules rules() {
        RoundCommentRules rules = roundRules.getIfAvailable();
        if (rules == null) {
            throw new UserFacingException("comment.round.unavailable");
        }
        return rules;
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Project project(String projectId) {
        return drafts.project(projectId).orElseThrow(() -> new UserFacingException("project.not-found", projectId));
    }

    private String resolve(String projectId, String ref) {
        return drafts.resolve(projectId, ref);
    }

    private static UserFacingException notFound(long id) {
        return new UserFacingException("comment.not-found", id);
    }

    private static Anchor anchor(NumberedOutline outline, CommentForm form, String commit) {
        String clauseId = form.clauseId() == null ? Anchor.GENERAL : form.clauseId().trim();
        if (clauseId.equals(Anchor.GENERAL)) {
            return Anchor.general(commit);
        }
        String quote = form.quote() == null ? "" : form.quote();
        if (quote.isEmpty()) {
            return Anchor.onClause(outline, clauseId, commit);
        }
        try {
            return Anchor.create(outline, clauseId, form.start(), form.end(), quote, commit);
        } catch (AnchorException e) {
            if (e.key().equals("comment.anchor.quote-not-found") || e.key().equals("comment.anchor.out-of-range")) {
                throw new UserFacingException("comment.quote.missing", abbreviate(quote));
            }
            throw e;
        }
    }

    /** The trimmed text of a field; required or not; at most {@link #MAX_TEXT} characters. */
    private static String text(String field, String value, boolean required) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            throw new FieldProblemException(field, "comment.body.required");
        }
        if (text.length() > MAX_TEXT) {
            throw new FieldProblemException(field, "comment.too-long", MAX_TEXT, text.length());
        }
        if (CommentMarkdown.nesting(text) > CommentMarkdown.MAX_NESTING) {
            throw new FieldProblemException(field, "comment.too-deep", CommentMarkdown.MAX_NESTING);
        }
        return text;
    }

    /** A line number or paragraph/figure/table: one line, stripped, at most {@code max} characters. */
    private static String place(String field, String value, int max) {
        String text = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (text.length() > max) {
            throw new FieldProblemException(field, "comment.too-long", max, text.length());
        }
        return text;
    }

    private static String abbreviate(String quote) {
        return quote.length() > 80 ? quote.substring(0, 79) + "…" : quote;
    }

    private static String leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }

    private static String trailingSpace(String s) {
        int i = s.length();
        while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return i == 0 ? "" : s.substring(i);
    }
}
