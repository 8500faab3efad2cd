package org.draftroom.comments.service;

import java.util.List;
import java.util.Optional;
import org.draftroom.comments.data.CommentRepository;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's comments WITHOUT any access check, for system work such as building the search index: the search
 * module asks {@link CommentReader} and the {@code RoundCommentRules} who may see which comment when someone
 * searches. Never hand what it returns to a person directly. Thread-safe.
 */
@Component
public class CommentFeed {

    private final CommentRepository comments;

    CommentFeed(CommentRepository comments) {
        this.comments = comments;
    }

    /** The comments on the working draft ({@code roundId} null) or of one round, oldest first. */
    @Transactional(readOnly = true)
    public List<Comment> comments(String projectId, Long roundId) {
        return comments.all(new CommentRepository.Scope(projectId, CommentFilter.all().withRoundId(roundId), null, 0,
                false));
    }

    /** One comment, by id. */
    @Transactional(readOnly = true)
    public Optional<Comment> comment(long commentId) {
        return comments.findById(commentId);
    }

    /** Who wrote comments in a round (for telling them its dispositions are published), ascending. */
    @Transactional(readOnly = true)
    public List<Long> authorsOfRound(long roundId) {
        return comments.authorsOfRound(roundId);
    }
}
