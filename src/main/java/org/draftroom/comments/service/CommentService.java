package org.draftroom.comments.service;

import org.draftroom.comments.web.CommentMarkdown;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentEvent;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentStatus;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.Reply;
import org.draftroom.drafts.domain.VersionNote;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.service.DraftReader;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing comments on a project's draft: writing, editing, replying, resolving and reopening, taking down, applying
 * a proposed change. The transaction and security boundary of the comments module's commands; reading comments and
 * placing them in a version is {@link CommentReader}'s. Refusals are {@link UserFacingException}s with message keys
 * (or {@link AccessDeniedException}); nothing is changed when one is thrown.
 *
 * <p>Who may do what on the working draft (comments without round): members of the project's working group (its
 * editors), the secretariat and administrators read, comment and reply; the comment's author, the group's editors
 * and the secretariat resolve and reopen; the group's editors and the secretariat apply a proposed change; only the
 * author edits, while the comment is open. Comments of a consultation round follow the round's rules
 * ({@link RoundCommentRules}, implemented by the rounds module): the round's frozen version, who may write now
 * (late comments are marked), who may read, and whose organisations' comments they see. Without such a bean, every
 * operation on round comments is refused.
 */
@Service
@Transactional(readOnly = true)
public class CommentService {

    /** The most characters of a comment's body, of its proposed change, and of a reply. */
    public static final int MAX_TEXT = 10_000;

    /** The most characters of a reason for resolving or reopening. */
    public static final int MAX_REASON = 2_000;

    private final CommentRepository comments;
    private final CommentReader reader;
    private final CommentAccessRules accessRules;
    private final DraftReader drafts;
    private final DraftService draftService;
    private final OutlineCache versions;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentService(CommentRepository comments, CommentReader reader, CommentAccessRules accessRules,
                   DraftReader drafts, DraftService draftService, OutlineCache versions, Access access,
                   ApplicationEventPublisher events, Clock clock) {
        this.comments = comments;
        this.reader = reader;
        this.accessRules = accessRules;
        this.drafts = drafts;
        this.draftService = draftService;
        this.versions = versions;
        this.access = access;
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
        Project project = accessRules.project(projectId);
        if (form == null) {
            throw new FieldProblemException("comment.type", "comment.type.required");
        }
        boolean late = false;
        String commit;
        if (form.roundId() == null) {
            accessRules.requireWorkingDraftReader(project, me);
            commit = accessRules.resolve(projectId, commitId);
        } else {
            RoundCommentRules rules = accessRules.rules();
            late = rules.checkWrite(form.roundId(), me);
            commit = accessRules.resolve(projectId, rules.frozenCommit(form.roundId()));
            if (commitId != null && !commitId.isBlank() && !accessRules.resolve(projectId, commitId).equals(commit)) {
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
        Comment comment = comments.findForUpdate(id).orElseThrow(() -> CommentAccessRules.notFound(id));
        accessRules.requireReader(comment, me);
        if (comment.authorId() != me.id()) {
            throw new AccessDeniedException("only the author edits a comment");
        }
        if (comment.status() != CommentStatus.OPEN) {
            throw new UserFacingException("comment.edit.resolved");
        }
        if (comment.roundId() != null) {
            accessRules.rules().checkWrite(comment.roundId(), me);
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
        Comment comment = comments.findById(id).orElseThrow(() -> CommentAccessRules.notFound(id));
        accessRules.requireReader(comment, me);
        if (comment.roundId() != null && !accessRules.readsWorkingDraft(accessRules.project(comment.projectId()), me)) {
            accessRules.rules().checkWrite(comment.roundId(), me);
        }
        String text = text("comment.reply", body, true);
        Instant now = clock.instant();
        long replyId = comments.insertReply(id, me.id(), text, now);
        comments.insertEvent(id, CommentEvent.REPLIED, me.id(), "", now);
        events.publishEvent(new CommentReplied(id, replyId, me.id(), comment.authorId()));
        return comments.findReply(replyId).orElseThrow();
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
        Comment comment = comments.findForUpdate(id).orElseThrow(() -> CommentAccessRules.notFound(id));
        accessRules.requireReader(comment, me);
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
        Comment comment = comments.findForUpdate(id).orElseThrow(() -> CommentAccessRules.notFound(id));
        accessRules.requireReader(comment, me);
        Project project = accessRules.project(comment.projectId());
        boolean editor = access.canEditProjectsOf(project.workingGroup());
        if (comment.authorId() != me.id() && !editor) {
            throw new AccessDeniedException("neither the author nor an editor of " + project.workingGroup());
        }
        if (comment.roundId() != null && !editor) {
            // The author of a round comment changes it only while the round lets them write: not after their
            // organisation's final submission, nor after closing (unless allowed late), nor after publication.
            accessRules.rules().checkWrite(comment.roundId(), me);
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
        Comment comment = comments.findForUpdate(id).orElseThrow(() -> CommentAccessRules.notFound(id));
        Project project = accessRules.project(comment.projectId());
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
        Placement placement = reader.placeIn(comment, head, latest, new HashMap<>());
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

    // --- helpers -----------------------------------------------------------------------------------------------

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
