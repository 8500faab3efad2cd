package org.draftroom.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.anchoring.Anchor;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentStatus;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.domain.Reply;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Comments on drafts: list, create, reply, resolve and reopen, with the same access rules as the UI. */
@RestController
class CommentsController {

    private static final int MAX_PAGE = CommentReader.MAX_PAGE;

    private final CommentService comments;
    private final CommentReader reader;

    CommentsController(CommentService comments, CommentReader reader) {
        this.reader = reader;
        this.comments = comments;
    }

    record AnchorJson(String clauseId, String clauseNumber, String clauseTitle, String quote, int start, int end,
                      String commitId) {
        static AnchorJson of(Anchor a) {
            return new AnchorJson(a.clauseId(), a.clauseNumber(), a.clauseTitle(), a.quote(), a.start(), a.end(),
                    a.commitId());
        }
    }

    record PlacementJson(String status, String clauseId, String clauseNumber, Integer highlightStart,
                         Integer highlightEnd) {
        static PlacementJson of(Placement p) {
            return new PlacementJson(p.status().name().toLowerCase(Locale.ROOT), p.clauseId(), p.clauseNumber(),
                    p.highlight().map(Placement.Span::start).orElse(null),
                    p.highlight().map(Placement.Span::end).orElse(null));
        }
    }

    record CommentJson(long id, String readableId, String projectId, Long roundId, String author,
                       String organisation, String type, String status, String body, String proposedChange,
                       String lineNumber, String location, AnchorJson anchor, PlacementJson placement,
                       String appliedCommitId, boolean late, Instant createdAt, Instant updatedAt, int replyCount,
                       String moderation, String moderationReason) {
        static CommentJson of(Comment c, Placement placement) {
            return new CommentJson(c.id(), c.readableId(), c.projectId(), c.roundId(), c.authorName(),
                    c.organisationCode(), c.type().code(), c.status().name().toLowerCase(Locale.ROOT), c.body(),
                    c.proposedChange(), c.lineNumber(), c.location(), AnchorJson.of(c.anchor()),
                    PlacementJson.of(placement),
                    c.appliedCommitId(), c.late(), c.createdAt(), c.updatedAt(), c.replyCount(),
                    c.moderation() == null ? null : c.moderation().toLowerCase(Locale.ROOT), c.moderationReason());
        }
    }

    record ReplyJson(long id, long commentId, String author, String body, Instant createdAt) {
        static ReplyJson of(Reply r) {
            return new ReplyJson(r.id(), r.commentId(), r.authorName(), r.body(), r.createdAt());
        }
    }

    /** A new comment: {@code clauseId} empty for the whole document; empty {@code quote} for a whole clause. */
    record NewCommentJson(String ref, Long roundId, String type, String clauseId, Integer start, Integer end,
                          String quote, String body, String proposedChange) {
    }

    record TextJson(String body) {
    }

    record ReasonJson(String reason) {
    }

    /**
     * Comments of the project placed in the version {@code ref} (latest if absent), general ones first then in clause
     * order; {@code type} and {@code status} take comma-separated codes ({@code te,ed}; {@code open}).
     */
    @GetMapping("/api/v1/projects/{id}/comments")
    List<CommentJson> list(@PathVariable String id, @RequestParam(required = false) String ref,
                           @RequestParam(required = false) String type,
                           @RequestParam(required = false) String status,
                           @RequestParam(required = false) String clause,
                           @RequestParam(required = false) Long round,
                           @RequestParam(defaultValue = "0") int offset,
                           @RequestParam(defaultValue = "100") int limit) {
        CommentFilter filter = CommentFilter.all().withTypes(types(type)).withStatuses(statuses(status))
                .withClauseId(clause).withRoundId(round);
        return reader.find(id, ref, filter, Math.max(0, offset), Math.min(Math.max(1, limit), MAX_PAGE)).stream()
                .map((PlacedComment p) -> CommentJson.of(p.comment(), p.placement())).toList();
    }

    @PostMapping("/api/v1/projects/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    CommentJson create(@PathVariable String id, @RequestBody NewCommentJson json) {
        Comment c = comments.create(id, json.ref(), new CommentForm(json.roundId(),
                json.type() == null ? null : CommentType.ofCode(json.type()), json.clauseId() == null ? ""
                : json.clauseId(), json.start() == null ? 0 : json.start(), json.end() == null ? 0 : json.end(),
                json.quote() == null ? "" : json.quote(), json.body(), json.proposedChange()));
        return CommentJson.of(c, c.placement());
    }

    @GetMapping("/api/v1/comments/{id}")
    CommentJson get(@PathVariable long id) {
        Comment c = reader.get(id);
        return CommentJson.of(c, c.placement());
    }

    @GetMapping("/api/v1/comments/{id}/replies")
    List<ReplyJson> replies(@PathVariable long id) {
        return reader.replies(id).stream().map(ReplyJson::of).toList();
    }

    @PostMapping("/api/v1/comments/{id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    ReplyJson reply(@PathVariable long id, @RequestBody TextJson json) {
        return ReplyJson.of(comments.reply(id, json.body()));
    }

    @PostMapping("/api/v1/comments/{id}/resolve")
    CommentJson resolve(@PathVariable long id, @RequestBody ReasonJson json) {
        Comment c = comments.resolve(id, json.reason());
        return CommentJson.of(c, c.placement());
    }

    @PostMapping("/api/v1/comments/{id}/reopen")
    CommentJson reopen(@PathVariable long id, @RequestBody ReasonJson json) {
        Comment c = comments.reopen(id, json.reason());
        return CommentJson.of(c, c.placement());
    }

    /** The secretariat hides an abusive comment ({@code action=hide}) or deletes its text ({@code delete}). */
    @PostMapping("/api/v1/comments/{id}/moderate")
    CommentJson moderate(@PathVariable long id, @RequestParam String action, @RequestBody ReasonJson json) {
        String moderation = switch (action) {
            case "hide" -> Comment.HIDDEN;
            case "delete" -> Comment.DELETED;
            default -> action;
        };
        Comment c = comments.moderate(id, moderation, json.reason());
        return CommentJson.of(c, c.placement());
    }

    private static Set<CommentType> types(String codes) {
        Set<CommentType> types = EnumSet.noneOf(CommentType.class);
        split(codes).forEach(code -> types.add(CommentType.ofCode(code)));
        return types;
    }

    private static Set<CommentStatus> statuses(String codes) {
        Set<CommentStatus> statuses = EnumSet.noneOf(CommentStatus.class);
        for (String code : split(codes)) {
            try {
                statuses.add(CommentStatus.valueOf(code.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("api.error.comment-status", code);
            }
        }
        return statuses;
    }

    private static List<String> split(String codes) {
        return codes == null ? List.of() : Arrays.stream(codes.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }
}
