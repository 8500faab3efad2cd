package org.draftroom.comments.domain;

import java.util.Set;

/**
 * Which comments of a project to list or count. Null or empty parts match anything, except {@code roundId}: null
 * means the comments on the working draft only (not those of any consultation round).
 *
 * @param clauseId     the clause the comments stand on in the version looked at; {@code ""} = document level
 *                     (general and orphaned comments); null = any
 * @param outdatedOnly only comments whose quoted words were rewritten (placement OUTDATED)
 */
public record CommentFilter(Set<CommentType> types, Set<CommentStatus> statuses, String clauseId, Long authorId,
                            Long organisationId, Long roundId, boolean outdatedOnly) {

    public CommentFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Every comment on the working draft. */
    public static CommentFilter all() {
        return new CommentFilter(Set.of(), Set.of(), null, null, null, null, false);
    }

    public CommentFilter withTypes(Set<CommentType> types) {
        return new CommentFilter(types, statuses, clauseId, authorId, organisationId, roundId, outdatedOnly);
    }

    public CommentFilter withStatuses(Set<CommentStatus> statuses) {
        return new CommentFilter(types, statuses, clauseId, authorId, organisationId, roundId, outdatedOnly);
    }

    public CommentFilter withClauseId(String clauseId) {
        return new CommentFilter(types, statuses, clauseId, authorId, organisationId, roundId, outdatedOnly);
    }

    public CommentFilter withAuthorId(Long authorId) {
        return new CommentFilter(types, statuses, clauseId, authorId, organisationId, roundId, outdatedOnly);
    }

    public CommentFilter withOrganisationId(Long organisationId) {
        return new CommentFilter(types, statuses, clauseId, authorId, organisationId, roundId, outdatedOnly);
    }

    public CommentFilter withRoundId(Long roundId) {
        return new CommentFilter(types, statuses, clauseId, authorId, organisationId, roundId, outdatedOnly);
    }

    public CommentFilter withOutdatedOnly(boolean outdatedOnly) {
        return new CommentFilter(types, statuses, clauseId, authorId, organisationId, roundId, outdatedOnly);
    }
}
