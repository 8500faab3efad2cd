package org.draftroom.comments.service;

import java.util.List;
import java.util.Map;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentEvent;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.domain.Reply;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on a project's draft, their threads and history: the transaction and security boundary of the comments
 * module. Refusals are {@link org.draftroom.base.UserFacingException}s with message keys; nothing is changed when one
 * is thrown.
 */
@Service
@Transactional(readOnly = true)
public class CommentService {

    /** The most characters of a comment's body, and of its proposed change. */
    public static final int MAX_TEXT = 10_000;

    /** Comments on the version {@code commitId} of the project's draft (a tag, a commit id, or blank for the latest). */
    @Transactional
    public Comment create(String projectId, String commitId, CommentForm form) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Changes a comment's type, text and proposed change: its author only, while it is open. */
    @Transactional
    public Comment edit(long id, CommentType type, String body, String proposedChange) {
        throw new UnsupportedOperationException("not yet");
    }

    @Transactional
    public Reply reply(long id, String body) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<Reply> replies(long id) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<CommentEvent> history(long id) {
        throw new UnsupportedOperationException("not yet");
    }

    @Transactional
    public Comment resolve(long id, String reason) {
        throw new UnsupportedOperationException("not yet");
    }

    @Transactional
    public Comment reopen(long id, String reason) {
        throw new UnsupportedOperationException("not yet");
    }

    @Transactional
    public Comment applyProposedChange(long id) {
        throw new UnsupportedOperationException("not yet");
    }

    public Comment get(long id) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<PlacedComment> find(String projectId, String commitId, CommentFilter filter, int offset, int limit) {
        throw new UnsupportedOperationException("not yet");
    }

    public int count(String projectId, CommentFilter filter) {
        throw new UnsupportedOperationException("not yet");
    }

    public Map<String, Integer> countsByClause(String projectId, String commitId, CommentFilter filter) {
        throw new UnsupportedOperationException("not yet");
    }
}
