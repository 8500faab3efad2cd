package org.draftroom.rounds.service;

import org.draftroom.base.UserFacingException;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.rounds.domain.Round;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What the signed-in person is offered on a round's page, from the same rule the services enforce (the comments
 * module, the API and sheet imports all go through {@link RoundAccessRules#checkWrite}), so that the view does not repeat
 * the round-state rules: no comment buttons once the dispositions are published or the organisation submitted;
 * "Submit our comments" only while it can succeed, and as the primary action only once there is something to submit.
 * Not transactional itself: a refusal of {@code checkWrite} rolls back only its own read.
 */
@Service
public class RoundActions {

    /**
     * @param comment         offer the comment buttons (a refusal the comment dialog would explain, such as "closed"
     *                        while late comments may still be allowed, keeps them)
     * @param submit          offer "Submit our comments"
     * @param submitIsPrimary the organisation has comments in the round, so submitting is the next step
     * @param refusal         the message key of the rule that refuses writing now, null when writing is allowed
     */
    public record Allowed(boolean comment, boolean submit, boolean submitIsPrimary, String refusal) {
    }

    private final RoundService rounds;
    private final RoundAccessRules rules;
    private final CommentReader comments;
    private final Access access;

    RoundActions(RoundService rounds, RoundAccessRules rules, CommentReader comments, Access access) {
        this.rounds = rounds;
        this.rules = rules;
        this.comments = comments;
        this.access = access;
    }

    @PreAuthorize("isAuthenticated()")
    public Allowed allowed(long roundId) {
        Round round = rounds.get(roundId);
        CurrentUser me = access.current();
        String refusal = null;
        try {
            rules.checkWrite(roundId, me);
        } catch (UserFacingException refused) {
            refusal = refused.messageKey();
        }
        boolean comment = !"round.write.published".equals(refusal) && !"round.write.submitted".equals(refusal);
        boolean submit = refusal == null && me.organisationId() != null && rounds.isInAudience(roundId);
        boolean hasComments = submit && comments.count(round.projectId(), CommentFilter.all().withRoundId(roundId)
                .withOrganisationId(me.organisationId())) > 0;
        return new Allowed(comment, submit, hasComments, refusal);
    }
}
