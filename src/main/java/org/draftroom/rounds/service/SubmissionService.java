package org.draftroom.rounds.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.draftroom.base.UserFacingException;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.Submission;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The submissions of a consultation round: a reviewer submits their organisation's comments, after which nobody of
 * the organisation may add or change comments of the round until the secretariat reopens the submission.
 */
@Service
@Transactional
public class SubmissionService {

    private final RoundRepository rounds;
    private final RoundService roundService;
    private final RoundAccessRules rules;
    private final Access access;
    private final Clock clock;

    SubmissionService(RoundRepository rounds, RoundService roundService, RoundAccessRules rules, Access access,
                      Clock clock) {
        this.rounds = rounds;
        this.roundService = roundService;
        this.rules = rules;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Submits the signed-in reviewer's organisation's comments: from then on, nobody of the organisation may add or
     * change comments of the round unless the secretariat reopens the submission.
     */
    @PreAuthorize("isAuthenticated()")
    public Submission submit(long id) {
        CurrentUser me = access.current();
        Round round = rules.lockAndFind(id);
        if (!RoundAccessRules.inAudience(round, me) || me.organisationId() == null) {
            throw new UserFacingException("round.write.not-audience");
        }
        rules.checkWrite(round, me);
        rounds.submit(id, me.organisationId(), me.id(), clock.instant());
        rounds.addChange(id, "SUBMITTED", String.valueOf(me.organisationCode()), "—", me.username(),
                clock.instant());
        return rounds.submission(id, me.organisationId()).orElseThrow();
    }

    /** Reopens an organisation's submission, so that its reviewers may change their comments again. */
    @PreAuthorize("@access.canManageProjects()")
    public void reopenSubmission(long id, long organisationId, String reason) {
        String why = RoundLifecycleService.reason(reason);
        if (rules.lockAndFind(id).publishedAt() != null) {
            throw new UserFacingException("round.already-published");
        }
        Submission submission = rounds.submission(id, organisationId).filter(Submission::isFinal)
                .orElseThrow(() -> new UserFacingException("round.submission.not-submitted"));
        CurrentUser me = access.current();
        rounds.reopenSubmission(id, organisationId, me.id(), clock.instant(), why);
        rounds.addChange(id, "SUBMISSION_REOPENED", submission.organisationCode(), why, me.username(),
                clock.instant());
    }

    /** Every organisation's submission state in the round: for the secretariat and the working group's editors. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Submission> submissions(long id) {
        rules.requireStaff(rules.find(id));
        return rounds.submissions(id);
    }

    /** The signed-in reviewer's organisation's submission in the round, if any. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Submission> mySubmission(long id) {
        CurrentUser me = access.current();
        roundService.get(id);
        return me.organisationId() == null ? Optional.empty() : rounds.submission(id, me.organisationId());
    }
}
