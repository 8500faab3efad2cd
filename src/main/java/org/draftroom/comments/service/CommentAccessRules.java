package org.draftroom.comments.service;

import java.util.Optional;
import java.util.Set;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.RoundCommentRules;
import org.draftroom.comments.data.CommentRepository.Scope;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.service.DraftReader;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read and write which comments, shared by {@link CommentService} and {@link CommentReader}: the working
 * draft's comments for the project's working group, the secretariat and administrators; a round's comments by the
 * round's rules ({@link RoundCommentRules}, implemented by the rounds module).
 */
@Component
class CommentAccessRules {

    private final DraftReader drafts;
    private final Access access;
    private final ObjectProvider<RoundCommentRules> roundRules;

    CommentAccessRules(DraftReader drafts, Access access, ObjectProvider<RoundCommentRules> roundRules) {
        this.drafts = drafts;
        this.access = access;
        this.roundRules = roundRules;
    }

    Scope scope(Project project, CommentFilter f, CurrentUser me, boolean byPlacement) {
        Set<Long> visible = null;
        if (f.roundId() == null) {
            requireWorkingDraftReader(project, me);
        } else {
            RoundCommentRules rules = rules();
            if (!rules.mayRead(f.roundId(), me)) {
                throw new AccessDeniedException("may not read the comments of round " + f.roundId());
            }
            visible = rules.visibleOrganisations(f.roundId(), me).orElse(null);
        }
        return new Scope(project.id(), f, visible, me.id(), byPlacement);
    }

    boolean readsWorkingDraft(Project project, CurrentUser me) {
        return me.has(Role.ADMIN) || access.canEditProjectsOf(project.workingGroup());
    }

    void requireWorkingDraftReader(Project project, CurrentUser me) {
        if (!readsWorkingDraft(project, me)) {
            throw new AccessDeniedException("not a member of " + project.workingGroup());
        }
    }

    void requireReader(Comment comment, CurrentUser me) {
        if (comment.roundId() == null) {
            requireWorkingDraftReader(project(comment.projectId()), me);
            return;
        }
        RoundCommentRules rules = rules();
        if (!rules.mayRead(comment.roundId(), me)) {
            throw new AccessDeniedException("may not read the comments of round " + comment.roundId());
        }
        Optional<Set<Long>> visible = rules.visibleOrganisations(comment.roundId(), me);
        if (visible.isPresent() && comment.authorId() != me.id()
                && (comment.organisationId() == null || !visible.get().contains(comment.organisationId()))) {
            throw new AccessDeniedException("may not read the comments of that organisation");
        }
    }

    RoundCommentRules rules() {
        RoundCommentRules rules = roundRules.getIfAvailable();
        if (rules == null) {
            throw new UserFacingException("comment.round.unavailable");
        }
        return rules;
    }

    Project project(String projectId) {
        return drafts.project(projectId).orElseThrow(() -> new UserFacingException("project.not-found", projectId));
    }

    String resolve(String projectId, String ref) {
        return drafts.resolve(projectId, ref);
    }

    static UserFacingException notFound(long id) {
        return new UserFacingException("comment.not-found", id);
    }
}
