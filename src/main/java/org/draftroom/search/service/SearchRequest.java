package org.draftroom.search.service;

import org.draftroom.search.index.Kind;

/**
 * A search: the words and the filters (null or blank: any).
 *
 * @param organisation the comment's organisation code
 * @param roundId      limits to a round: its frozen text and its comments; a round's text is otherwise searched only
 *                     by those who cannot read the working drafts (reviewers)
 * @param status       a comment's status (OPEN, RESOLVED) or a disposition (ACCEPTED, ...)
 */
public record SearchRequest(String query, Kind kind, String projectId, String workingGroup, String type,
                            String organisation, Long roundId, String status, int offset, int limit) {

    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, null, null, null, null, null, null, 0, 20);
    }

    public SearchRequest withKind(Kind k) {
        return new SearchRequest(query, k, projectId, workingGroup, type, organisation, roundId, status, offset, limit);
    }

    public SearchRequest withProject(String p) {
        return new SearchRequest(query, kind, p, workingGroup, type, organisation, roundId, status, offset, limit);
    }

    public SearchRequest withRound(Long r) {
        return new SearchRequest(query, kind, projectId, workingGroup, type, organisation, r, status, offset, limit);
    }
}
