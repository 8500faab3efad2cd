package org.draftroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.draftroom.base.Messages;
import org.draftroom.base.UserFacingException;
import org.draftroom.search.index.IndexedItem;
import org.draftroom.search.index.Kind;
import org.draftroom.search.service.SearchRequest;
import org.draftroom.search.service.SearchResult;
import org.draftroom.search.service.SearchService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search across every standard, with the same rules as the UI's search page: only what the caller may see. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "search")
class SearchController {

    private final SearchService search;
    private final Messages messages;

    SearchController(SearchService search, Messages messages) {
        this.search = search;
        this.messages = messages;
    }

    @Schema(name = "SearchResult")
    record ResultJson(@Schema(allowableValues = {"clause", "term", "comment", "disposition"}) String kind,
                      String projectId, String projectCode, String projectTitleZh, String projectTitleEn,
                      String workingGroup,
                      @Schema(nullable = true, description = "the round whose frozen text or comment this is")
                      Long round,
                      @Schema(nullable = true) String roundLabel, String commitId, String clauseId,
                      @Schema(description = "the clause's number, e.g. 5.4") String number,
                      @Schema(description = "clause title, or the comment's id (CN-ABC-001)") String title,
                      @Schema(description = "HTML-escaped text with the searched words in <mark>") String snippet,
                      @Schema(nullable = true) Long commentId, @Schema(nullable = true) String type,
                      @Schema(nullable = true) String organisation, @Schema(nullable = true) String status,
                      @Schema(description = "where the result opens in the web interface") String link) {
        static ResultJson of(SearchResult.Hit h) {
            IndexedItem i = h.item();
            return new ResultJson(i.kind().key(), i.projectId(), i.projectCode(), i.projectTitleZh(),
                    i.projectTitleEn(), i.workingGroup(), i.roundId() == 0 ? null : i.roundId(),
                    i.roundLabel().isEmpty() ? null : i.roundLabel(), i.commitId(), i.clauseId(), i.number(),
                    i.title(), h.snippet(), i.commentId(), blank(i.commentType()), blank(i.organisationCode()),
                    blank(i.status()), "/" + h.path());
        }
    }

    @Schema(name = "SearchResults")
    record SearchJson(String query,
                      @Schema(nullable = true, description = "what the person should be told, in their language")
                      String message,
                      @Schema(nullable = true, description = "search.empty, search.no-words, search.shortened, "
                              + "search.no-results, search.index-building") String messageKey,
                      int total, List<ResultJson> results,
                      @Schema(description = "per facet (kind, project, wg, type, org, round, status) the number of "
                              + "matches per value") Map<String, Map<String, Integer>> facets,
                      @Schema(description = "the clauses or projects a clause number or standard code names")
                      List<ResultJson> goTo) {
    }

    @Schema(name = "Term")
    record TermJson(String projectId, String projectCode, String number, String term, String definition,
                    String link) {
    }

    @GetMapping("/search")
    @Operation(operationId = "search",
            summary = "Search clauses, terms, comments and dispositions the caller may see",
            description = """
                    Words separated by spaces must all occur; text in double quotes must occur as written. Nothing \
                    else is query syntax (AND, OR, NOT, parentheses, wildcards and backslashes are searched as \
                    text). Chinese text of two or more characters is found inside longer words; full-width and \
                    traditional forms find their half-width and simplified forms; English words are stemmed. A \
                    query that is a clause number ("5.4") or a standard code ("GB/T 35273") also answers `goTo` \
                    with that clause or project. Reviewers find the frozen text of the rounds open to them, their \
                    organisation's comments and published dispositions, never working drafts; those who read \
                    working drafts find a round's frozen text only with `round`. Bad input answers 200 with a \
                    `message`, never an error: an empty query, one without words (`*`), one longer than 200 \
                    characters (shortened).""")
    @ApiResponse(responseCode = "200", description = "the results, with counts per facet over all matches")
    SearchJson search(@RequestParam(defaultValue = "") @Parameter(description = "the words") String q,
                      @RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = {"clause", "term",
                              "comment", "disposition"})) String kind,
                      @RequestParam(required = false) @Parameter(description = "a project id") String project,
                      @RequestParam(required = false) @Parameter(description = "a working group code") String wg,
                      @RequestParam(required = false) @Parameter(description = "comment type", schema = @Schema(
                              allowableValues = {"GE", "TE", "ED"})) String type,
                      @RequestParam(required = false) @Parameter(description = "the comment's organisation code")
                      String organisation,
                      @RequestParam(required = false) @Parameter(description = "a consultation round") Long round,
                      @RequestParam(required = false) @Parameter(description = "OPEN, RESOLVED, or a disposition "
                              + "(ACCEPTED, PARTLY_ACCEPTED, NOT_ACCEPTED, NOTED)") String status,
                      @RequestParam(defaultValue = "0") int offset,
                      @RequestParam(defaultValue = "20") @Parameter(description = "at most 100") int limit,
                      HttpServletRequest request) {
        Kind k = Kind.parse(kind);
        if (kind != null && !kind.isBlank() && k == null) {
            throw new UserFacingException("search.kind.unknown", kind);
        }
        SearchResult r = search.search(new SearchRequest(q, k, project, wg, type, organisation, round, status,
                offset, limit));
        String message = r.message() == null ? null
                : messages.getTranslation(r.message(), Messages.supported(request.getLocale()));
        return new SearchJson(r.query(), message, r.message(), r.total(), r.hits().stream().map(ResultJson::of)
                .toList(), r.facets(), r.goTo().stream().map(ResultJson::of).toList());
    }

    @GetMapping("/terms")
    @Operation(operationId = "listTerms",
            summary = "Every term (3.x) of the current versions the caller may read, with its definition")
    @ApiResponse(responseCode = "200", description = "terms by project and number")
    List<TermJson> terms() {
        return search.terms().stream().map(t -> new TermJson(t.projectId(), t.projectCode(), t.number(), t.title(),
                t.text(), "/projects/" + t.projectId() + "/find?clause=" + t.clauseId())).toList();
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
