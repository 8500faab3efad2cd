package org.draftroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.rounds.domain.DispositionRow;
import org.draftroom.rounds.domain.InvitedOrganisation;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.base.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consultation rounds for organisations that collect comments in their own tools, with the rules of the UI: the
 * caller sees the rounds they manage or take part in, the frozen version's outline, the comments they may see
 * (their own organisation's until the dispositions are published, unless the round says otherwise) and, once
 * published, the dispositions.
 */
@RestController
@RequestMapping("/api/v1/rounds")
@Tag(name = "rounds")
class RoundsController {

    private static final int MAX_PAGE = 1000;

    private final RoundService rounds;
    private final DispositionService dispositions;
    private final CommentService comments;
    private final CommentReader reader;
    private final Map<String, NumberedOutline> frozenOutlines = new ConcurrentHashMap<>();

    RoundsController(RoundService rounds, DispositionService dispositions, CommentService comments,
                     CommentReader reader) {
        this.reader = reader;
        this.rounds = rounds;
        this.dispositions = dispositions;
        this.comments = comments;
    }

    @Schema(name = "Round")
    record RoundJson(long id, String projectId, String projectCode, int number, String label,
                     @Schema(example = "OPEN") String state, String tag, String commitId, Instant opensAt,
                     Instant closesAt, String audience, List<String> organisations, boolean ownOrganisationOnly,
                     String instructions, @Schema(nullable = true) Instant dispositionsPublishedAt) {
        static RoundJson of(Round r, Instant now) {
            return new RoundJson(r.id(), r.projectId(), r.projectCode(), r.number(), r.label(),
                    r.state(now).name(), r.tagName(), r.commitId(), r.opensAt(), r.closesAt(), r.audience().name(),
                    r.organisations().stream().map(InvitedOrganisation::code).toList(), r.ownOrganisationOnly(),
                    r.instructions(), r.publishedAt());
        }
    }

    @Schema(name = "RoundComment")
    record CommentJson(long id, @Schema(example = "CN-ABC-004") String readableId,
                       @Schema(nullable = true) String organisation, String author,
                       @Schema(allowableValues = {"ge", "te", "ed"}) String type,
                       @Schema(description = "empty for a General comment") String clauseId,
                       @Schema(nullable = true) String clauseNumber, String quote,
                       @Schema(description = "the ISO comment template's line number, empty when none")
                       String lineNumber,
                       @Schema(description = "paragraph/figure/table as the reviewer gave it, empty when none")
                       String location, String comment, String proposedChange, String status, boolean late,
                       Instant createdAt) {
        static CommentJson of(PlacedComment p) {
            Comment c = p.comment();
            return new CommentJson(c.id(), c.readableId(), c.organisationCode(), c.authorName(), c.type().code(),
                    c.anchor().clauseId(), p.placement() == null ? null : p.placement().clauseNumber(),
                    c.anchor().quote(), c.lineNumber(), c.location(), c.body(), c.proposedChange(),
                    c.status().name(), c.late(), c.createdAt());
        }
    }

    /**
     * A new comment of the round: {@code clauseNumber} (as numbered in the frozen version) or {@code clauseId}, both
     * absent for a general comment; {@code quote} optional (the first occurrence in that clause's body);
     * {@code lineNumber} and {@code location} (paragraph/figure/table) as the ISO template's columns, optional.
     */
    @Schema(name = "NewRoundComment")
    record NewRoundCommentJson(
            @Schema(example = "5.2", description = "as numbered in the round's frozen version") String clauseNumber,
            @Schema(example = "c-minimisation") String clauseId,
            @Schema(description = "words of the clause body; the first occurrence is taken") String quote,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "te",
                    description = "ge, te, ed (or general/technical/editorial, 一般/技术/编辑)") String type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String comment,
            String proposedChange,
            @Schema(example = "17", description = "optional, at most 50 characters") String lineNumber,
            @Schema(example = "Table 1", description = "optional paragraph/figure/table, at most 500 characters")
            String location) {
    }

    @Schema(name = "Disposition")
    record DispositionJson(String readableId, String organisation, String clauseNumber,
                           @Schema(description = "the ISO comment template's line number, empty when none")
                           String lineNumber,
                           @Schema(description = "paragraph/figure/table as the reviewer gave it, empty when none")
                           String location, String type, String comment, String proposedChange,
                           @Schema(nullable = true) String disposition, String reason,
                           @Schema(nullable = true) String appliedCommitId,
                           @Schema(nullable = true) Boolean satisfied) {
        static DispositionJson of(DispositionRow r) {
            return new DispositionJson(r.comment().readableId(), r.comment().organisationCode(), r.clauseNumber(),
                    r.comment().lineNumber(), r.comment().location(), r.comment().type().code(), r.comment().body(),
                    r.comment().proposedChange(),
                    r.disposition().disposition() == null ? null : r.disposition().disposition().name(),
                    r.disposition().reason(), r.disposition().appliedCommitId(), r.disposition().satisfied());
        }
    }

    @GetMapping
    @Operation(operationId = "listRounds", summary = "The consultation rounds the caller manages or takes part in")
    @ApiResponse(responseCode = "200", description = "rounds")
    List<RoundJson> list() {
        Instant now = rounds.now();
        return rounds.visibleRounds().stream().map(r -> RoundJson.of(r, now)).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getRound", summary = "One round")
    @ApiResponse(responseCode = "200", description = "the round")
    RoundJson get(@PathVariable long id) {
        return RoundJson.of(rounds.get(id), rounds.now());
    }

    @GetMapping("/{id}/outline")
    @Operation(operationId = "roundOutline", summary = "The round's frozen version, clause ids and numbers")
    @ApiResponse(responseCode = "200", description = "the outline")
    OutlineJson outline(@PathVariable long id) {
        Round round = rounds.get(id);
        DraftService.DraftSnapshot frozen = rounds.frozenDraft(id);
        return OutlineJson.of(round.commitId(), round.tagName(), frozen.outline());
    }

    @GetMapping("/{id}/comments")
    @Operation(operationId = "listRoundComments", summary = "The round's comments the caller may see (own "
            + "organisation's until publication, unless the round says otherwise)")
    @ApiResponse(responseCode = "200", description = "comments in clause order")
    List<CommentJson> comments(@PathVariable long id, @RequestParam(defaultValue = "0") int offset,
                               @RequestParam(defaultValue = "200") @Parameter(description = "at most " + MAX_PAGE)
                               int limit) {
        Round round = rounds.get(id);
        return reader.find(round.projectId(), round.commitId(), CommentFilter.all().withRoundId(id)
                                .withTypes(java.util.Set.of(CommentType.values())),
                        Math.max(0, offset), Math.min(Math.max(1, limit), MAX_PAGE)).stream()
                .map(CommentJson::of).toList();
    }

    /**
     * Comments in the round through {@link CommentService#create}, so with the rules of the UI (round open,
     * audience, submission final, late comments for the secretariat). The clause is named by its number in the
     * round's frozen version or by its id; a quote is looked up in that clause's body (its first occurrence).
     */
    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createRoundComment", summary = "Comment in the round, with the rules of the UI",
            description = """
                    Round open, the caller in its audience, their organisation's submission not final (late \
                    comments only by the secretariat). The clause is given by its number in the round's frozen \
                    version or by its id; neither makes a General comment. A quote must occur in that clause's \
                    body; if it occurs more than once, the first occurrence is taken. Unknown clauses, a quote not \
                    in the clause, or a quote without a clause answer 400.""")
    @ApiResponse(responseCode = "201", description = "the stored comment with its readable id")
    CommentJson comment(@PathVariable long id, @RequestBody NewRoundCommentJson json) {
        Round round = rounds.get(id);
        String clauseId = "";
        int start = 0;
        int end = 0;
        String quote = json.quote() == null ? "" : json.quote();
        boolean byNumber = json.clauseNumber() != null && !json.clauseNumber().isBlank();
        boolean byId = json.clauseId() != null && !json.clauseId().isBlank();
        if (byNumber || byId) {
            NumberedOutline frozen = frozenOutline(round);
            NumberedClause clause;
            if (byNumber) {
                String number = json.clauseNumber().trim();
                clause = frozen.clauses().stream().filter(c -> number.equals(c.number())).findFirst()
                        .orElseThrow(() -> new UserFacingException("api.round.clause-number.unknown", number,
                                round.label()));
                if (byId && !clause.id().equals(json.clauseId().trim())) {
                    throw new UserFacingException("api.round.clause.mismatch", number, json.clauseId().trim());
                }
            } else {
                String cid = json.clauseId().trim();
                clause = frozen.find(cid).orElseThrow(
                        () -> new UserFacingException("api.round.clause-id.unknown", cid, round.label()));
            }
            clauseId = clause.id();
            if (!quote.isEmpty()) {
                start = clause.clause().body().indexOf(quote);
                if (start < 0) {
                    throw new UserFacingException("api.round.quote.not-in-clause", abbreviate(quote),
                            clause.number());
                }
                end = start + quote.length();
            }
        } else if (!quote.isEmpty()) {
            throw new UserFacingException("api.round.quote.without-clause");
        }
        if (json.type() == null || json.type().isBlank()) {
            throw new UserFacingException("comment.type.required");
        }
        Comment c = comments.create(round.projectId(), null, new CommentForm(id, CommentType.ofCode(json.type()),
                clauseId, start, end, quote, json.comment(), json.proposedChange(), json.lineNumber(),
                json.location()));
        return CommentJson.of(new PlacedComment(c, c.placement()));
    }

    /**
     * The numbered frozen version of a round the caller may see ({@code round} comes from {@link RoundService#get},
     * which checked that). A commit never changes, so it is kept: parsing the draft on every comment cost tens of
     * milliseconds per request under load.
     */
    private NumberedOutline frozenOutline(Round round) {
        String key = round.projectId() + "@" + round.commitId();
        NumberedOutline hit = frozenOutlines.get(key);
        if (hit != null) {
            return hit;
        }
        NumberedOutline outline = rounds.frozenDraft(round.id()).outline();
        if (frozenOutlines.size() >= 16) {
            frozenOutlines.clear();
        }
        frozenOutlines.put(key, outline);
        return outline;
    }

    private static String abbreviate(String quote) {
        return quote.length() > 80 ? quote.substring(0, 79) + "…" : quote;
    }

    @GetMapping("/{id}/dispositions")
    @Operation(operationId = "listDispositions", summary = "The dispositions (staff at any time; reviewers once "
            + "published)")
    @ApiResponse(responseCode = "200", description = "rows of the disposition table")
    List<DispositionJson> dispositions(@PathVariable long id) {
        rounds.get(id);
        return dispositions.rows(id).stream().map(DispositionJson::of).toList();
    }
}
