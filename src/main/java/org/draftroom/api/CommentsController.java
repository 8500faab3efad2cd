package org.draftroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "comments")
class CommentsController {

    private static final int MAX_PAGE = CommentReader.MAX_PAGE;

    private final CommentService comments;
    private final CommentReader reader;

    CommentsController(CommentService comments, CommentReader reader) {
        this.reader = reader;
        this.comments = comments;
    }

    @Schema(name = "Anchor")
    record AnchorJson(String clauseId, String clauseNumber, String clauseTitle, String quote, int start, int end,
                      String commitId) {
        static AnchorJson of(Anchor a) {
            return new AnchorJson(a.clauseId(), a.clauseNumber(), a.clauseTitle(), a.quote(), a.start(), a.end(),
                    a.commitId());
        }
    }

    @Schema(name = "Placement")
    record PlacementJson(@Schema(allowableValues = {"anchored", "outdated", "orphaned"}) String status,
                         String clauseId, String clauseNumber, @Schema(nullable = true) Integer highlightStart,
                         @Schema(nullable = true) Integer highlightEnd) {
        static PlacementJson of(Placement p) {
            return new PlacementJson(p.status().name().toLowerCase(Locale.ROOT), p.clauseId(), p.clauseNumber(),
                    p.highlight().map(Placement.Span::start).orElse(null),
                    p.highlight().map(Placement.Span::end).orElse(null));
        }
    }

    @Schema(name = "Comment")
    record CommentJson(long id, @Schema(example = "CN-ABC-004") String readableId, String projectId,
                       @Schema(nullable = true) Long roundId, String author,
                       @Schema(nullable = true) String organisation,
                       @Schema(allowableValues = {"ge", "te", "ed"}) String type,
                       @Schema(allowableValues = {"open", "resolved"}) String status, String body,
                       String proposedChange,
                       @Schema(description = "the ISO comment template's line number, empty when none")
                       String lineNumber,
                       @Schema(description = "paragraph/figure/table as the reviewer gave it, empty when none")
                       String location, AnchorJson anchor, PlacementJson placement,
                       @Schema(nullable = true) String appliedCommitId, boolean late, Instant createdAt,
                       Instant updatedAt, int replyCount,
                       @Schema(nullable = true, allowableValues = {"hidden", "deleted"}, description = "the "
                               + "secretariat took the text down: body and proposedChange are empty")
                       String moderation,
                       @Schema(nullable = true) String moderationReason) {
        static CommentJson of(Comment c, Placement placement) {
            return new CommentJson(c.id(), c.readableId(), c.projectId(), c.roundId(), c.authorName(),
                    c.organisationCode(), c.type().code(), c.status().name().toLowerCase(Locale.ROOT), c.body(),
                    c.proposedChange(), c.lineNumber(), c.location(), AnchorJson.of(c.anchor()),
                    PlacementJson.of(placement),
                    c.appliedCommitId(), c.late(), c.createdAt(), c.updatedAt(), c.replyCount(),
                    c.moderation() == null ? null : c.moderation().toLowerCase(Locale.ROOT), c.moderationReason());
        }
    }

    @Schema(name = "Reply")
    record ReplyJson(long id, long commentId, String author, String body, Instant createdAt) {
        static ReplyJson of(Reply r) {
            return new ReplyJson(r.id(), r.commentId(), r.authorName(), r.body(), r.createdAt());
        }
    }

    /** A new comment: {@code clauseId} empty for the whole document; empty {@code quote} for a whole clause. */
    @Schema(name = "NewComment")
    record NewCommentJson(@Schema(description = ProjectsController.REF) String ref,
                          @Schema(nullable = true) Long roundId,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "te",
                                  description = "ge, te or ed") String type,
                          @Schema(description = "empty for the whole document") String clauseId,
                          @Schema(description = "offset in the clause body") Integer start,
                          @Schema(description = "offset in the clause body") Integer end,
                          @Schema(description = "empty for a whole clause") String quote,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String body,
                          String proposedChange) {
    }

    @Schema(name = "NewReply")
    record TextJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String body) {
    }

    @Schema(name = "Reason")
    record ReasonJson(@Schema(description = "recorded in the comment's history") String reason) {
    }

    /**
     * Comments of the project placed in the version {@code ref} (latest if absent), general ones first then in clause
     * order; {@code type} and {@code status} take comma-separated codes ({@code te,ed}; {@code open}).
     */
    @GetMapping("/api/v1/projects/{id}/comments")
    @Operation(operationId = "listProjectComments",
            summary = "Comments placed in a version, general first then in clause order")
    @ApiResponse(responseCode = "200", description = "comments")
    List<CommentJson> list(@PathVariable @Parameter(description = ProjectsController.PROJECT_ID) String id,
                           @RequestParam(required = false) @Parameter(description = ProjectsController.REF)
                           String ref,
                           @RequestParam(required = false) @Parameter(description = "comma-separated ge,te,ed")
                           String type,
                           @RequestParam(required = false) @Parameter(description = "comma-separated open,resolved")
                           String status,
                           @RequestParam(required = false) @Parameter(description = "a clause id") String clause,
                           @RequestParam(required = false) @Parameter(description = "a round id; without ref, a "
                                   + "reviewer gets the round's comments placed in the round's frozen version "
                                   + "(others: in the latest version)") Long round,
                           @RequestParam(defaultValue = "0") int offset,
                           @RequestParam(defaultValue = "100") @Parameter(description = "at most "
                                   + CommentReader.MAX_PAGE) int limit) {
        CommentFilter filter = CommentFilter.all().withTypes(types(type)).withStatuses(statuses(status))
                .withClauseId(clause).withRoundId(round);
        return reader.find(id, ref, filter, Math.max(0, offset), Math.min(Math.max(1, limit), MAX_PAGE)).stream()
                .map((PlacedComment p) -> CommentJson.of(p.comment(), p.placement())).toList();
    }

    @PostMapping("/api/v1/projects/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createProjectComment",
            summary = "A new comment on a version (by offsets in the clause body)")
    @ApiResponse(responseCode = "201", description = "the stored comment")
    CommentJson create(@PathVariable @Parameter(description = ProjectsController.PROJECT_ID) String id,
                       @RequestBody NewCommentJson json) {
        Comment c = comments.create(id, json.ref(), new CommentForm(json.roundId(),
                json.type() == null ? null : CommentType.ofCode(json.type()), json.clauseId() == null ? ""
                : json.clauseId(), json.start() == null ? 0 : json.start(), json.end() == null ? 0 : json.end(),
                json.quote() == null ? "" : json.quote(), json.body(), json.proposedChange()));
        return CommentJson.of(c, c.placement());
    }

    @GetMapping("/api/v1/comments/{id}")
    @Operation(operationId = "getComment",
            summary = "One comment (refused, without detail, when the caller may not read it)")
    @ApiResponse(responseCode = "200", description = "the comment")
    CommentJson get(@PathVariable long id) {
        Comment c = reader.get(id);
        return CommentJson.of(c, c.placement());
    }

    @GetMapping("/api/v1/comments/{id}/replies")
    @Operation(operationId = "listReplies", summary = "The thread of a comment")
    @ApiResponse(responseCode = "200", description = "replies, oldest first")
    List<ReplyJson> replies(@PathVariable long id) {
        return reader.replies(id).stream().map(ReplyJson::of).toList();
    }

    @PostMapping("/api/v1/comments/{id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "reply", summary = "A reply")
    @ApiResponse(responseCode = "201", description = "the reply")
    ReplyJson reply(@PathVariable long id, @RequestBody TextJson json) {
        return ReplyJson.of(comments.reply(id, json.body()));
    }

    @PostMapping("/api/v1/comments/{id}/resolve")
    @Operation(operationId = "resolveComment", summary = "Resolve a comment with a reason")
    @ApiResponse(responseCode = "200", description = "the comment")
    CommentJson resolve(@PathVariable long id, @RequestBody ReasonJson json) {
        Comment c = comments.resolve(id, json.reason());
        return CommentJson.of(c, c.placement());
    }

    @PostMapping("/api/v1/comments/{id}/reopen")
    @Operation(operationId = "reopenComment", summary = "Reopen a comment with a reason")
    @ApiResponse(responseCode = "200", description = "the comment")
    CommentJson reopen(@PathVariable long id, @RequestBody ReasonJson json) {
        Comment c = comments.reopen(id, json.reason());
        return CommentJson.of(c, c.placement());
    }

    /** The secretariat hides an abusive comment ({@code action=hide}) or deletes its text ({@code delete}). */
    @PostMapping("/api/v1/comments/{id}/moderate")
    @Operation(operationId = "moderateComment",
            summary = "The secretariat hides an abusive comment or deletes its text, with a reason",
            description = """
                    `action=hide` keeps the text in the database but shows it to nobody; `action=delete` erases the \
                    text. The comment stays as a stub (id, thread, disposition) with `moderation` and \
                    `moderationReason`; the reason is recorded in its history. The secretariat only (403 for \
                    everyone else).""")
    @ApiResponse(responseCode = "200", description = "the comment, its text taken down")
    CommentJson moderate(@PathVariable long id,
                         @RequestParam @Parameter(schema = @Schema(allowableValues = {"hide", "delete"}))
                         String action, @RequestBody ReasonJson json) {
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
