package org.draftroom.comments.domain;

import java.util.Set;

/**
 * Which comments of a consultation round a page of the round's merged table shows. Null parts match anything.
 *
 * @param types            the comment types (empty = any)
 * @param organisationCode the submitting organisation's code
 * @param clauseIds        the clauses the comments were written on in the frozen version ({@code ""} = general)
 * @param onlyIds          only these comments
 * @param exceptIds        not these comments
 */
public record RoundCommentQuery(Set<CommentType> types, String organisationCode, Set<String> clauseIds,
                                Set<Long> onlyIds, Set<Long> exceptIds) {

    public RoundCommentQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
        clauseIds = clauseIds == null ? null : Set.copyOf(clauseIds);
        onlyIds = onlyIds == null ? null : Set.copyOf(onlyIds);
        exceptIds = exceptIds == null ? null : Set.copyOf(exceptIds);
    }

    /** Every comment of the round. */
    public static RoundCommentQuery all() {
        return new RoundCommentQuery(Set.of(), null, null, null, null);
    }
}
