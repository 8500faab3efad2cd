package org.draftroom.api;

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
class SearchController {

    private final SearchService search;
    private final Messages messages;

    SearchController(SearchService search, Messages messages) {
        this.search = search;
        this.messages = messages;
    }

    record ResultJson(String kind, String projectId, String projectCode, String projectTitleZh, String projectTitleEn,
                      String workingGroup, Long round, String roundLabel, String commitId, String clauseId,
                      String number, String title, String snippet, Long commentId, String type, String organisation,
                      String status, String link) {
        static ResultJson of(SearchResult.Hit h) {
            IndexedItem i = h.item();
            return new ResultJson(i.kind().key(), i.projectId(), i.projectCode(), i.projectTitleZh(),
                    i.projectTitleEn(), i.workingGroup(), i.roundId() == 0 ? null : i.roundId(),
                    i.roundLabel().isEmpty() ? null : i.roundLabel(), i.commitId(), i.clauseId(), i.number(),
                    i.title(), h.snippet(), i.commentId(), blank(i.commentType()), blank(i.organisationCode()),
                    blank(i.status()), "/" + h.path());
        }
    }

    record SearchJson(String query, String message, String messageKey, int total, List<ResultJson> results,
                      Map<String, Map<String, Integer>> facets, List<ResultJson> goTo) {
    }

    record TermJson(String projectId, String projectCode, String number, String term, String definition,
                    String link) {
    }

    @GetMapping("/search")
    SearchJson search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String kind,
                      @RequestParam(required = false) String project, @RequestParam(required = false) String wg,
                      @RequestParam(required = false) String type,
                      @RequestParam(required = false) String organisation,
                      @RequestParam(required = false) Long round, @RequestParam(required = false) String status,
                      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit,
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
    List<TermJson> terms() {
        return search.terms().stream().map(t -> new TermJson(t.projectId(), t.projectCode(), t.number(), t.title(),
                t.text(), "/projects/" + t.projectId() + "/find?clause=" + t.clauseId())).toList();
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
