package org.draftroom.rounds.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.domain.VersionNote;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.RoundClosingSoon;
import org.draftroom.rounds.RoundOpened;
import org.draftroom.rounds.RoundsProperties;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.InvitedOrganisation;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.domain.RoundState;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a consultation round: the secretariat schedules a round on a version of a project's draft (the version
 * gets an annotated tag and never changes for the round), opens it now, extends it or closes it early, always with a
 * recorded reason; the round is announced when it opens and its audience reminded before it closes; once its
 * dispositions are published it proposes the project's next stage.
 */
@Service
@Transactional
public class RoundLifecycleService {

    static final int LABEL_MAX = 100;
    static final int INSTRUCTIONS_MAX = 10_000;
    static final int REASON_MAX = 2000;

    /** The stage a project is in while a round runs, and its ISO code (enquiry ballot initiated). */
    public static final Stage CONSULTATION = Stage.CONSULTATION;
    public static final String CONSULTATION_CODE = "40.20";

    /** The ISO code of the stage proposed once a round's dispositions are published (enquiry done, proceed). */
    static final String NEXT_STAGE_CODE = "40.99";

    private final RoundRepository rounds;
    private final RoundService roundService;
    private final RoundAccessRules rules;
    private final DraftService drafts;
    private final ProjectService projects;
    private final Access access;
    private final RoundsProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoundLifecycleService(RoundRepository rounds, RoundService roundService, RoundAccessRules rules,
                          DraftService drafts, ProjectService projects, Access access, RoundsProperties properties,
                          ApplicationEventPublisher events, Clock clock) {
        this.rounds = rounds;
        this.roundService = roundService;
        this.rules = rules;
        this.drafts = drafts;
        this.projects = projects;
        this.access = access;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Schedules a round: the version is frozen with an annotated tag, the window and audience are recorded. A round
     * whose opening time has come is open at once.
     */
    @PreAuthorize("@access.canManageProjects()")
    public Round schedule(RoundForm form) {
        String projectId = form.projectId();
        if (projectId == null || projectId.isBlank()) {
            throw new FieldProblemException("round.project", "validation.required");
        }
        String label = required("round.label", form.label(), LABEL_MAX);
        int number = form.number() == null ? rounds.nextNumber(projectId) : form.number();
        if (number <= 0) {
            throw new FieldProblemException("round.number", "round.number.invalid");
        }
        if (rounds.numberTaken(projectId, number)) {
            throw new FieldProblemException("round.number", "round.number.taken", number);
        }
        Instant now = clock.instant();
        Instant opens = form.opensAt() == null ? now : form.opensAt();
        Instant closes = form.closesAt() == null ? opens.plus(roundService.defaultDuration()) : form.closesAt();
        if (!closes.isAfter(opens)) {
            throw new FieldProblemException("round.closes-at", "round.closes-before-opens");
        }
        if (!closes.isAfter(now)) {
            throw new FieldProblemException("round.closes-at", "round.closes-in-past");
        }
        String instructions = form.instructions() == null ? "" : form.instructions().trim();
        if (instructions.length() > INSTRUCTIONS_MAX) {
            throw new FieldProblemException("round.instructions", "validation.too-long", INSTRUCTIONS_MAX);
        }
        if (form.audience() == null) {
            throw new FieldProblemException("round.audience", "validation.required");
        }
        Set<Long> invited = form.audience() == Audience.INVITED && form.organisations() != null
                ? Set.copyOf(form.organisations()) : Set.of();
        if (form.audience() == Audience.INVITED && invited.isEmpty()) {
            throw new FieldProblemException("round.organisations", "round.organisations.required");
        }
        List<InvitedOrganisation> organisations = rounds.organisations(invited);
        if (organisations.size() != invited.size()) {
            throw new FieldProblemException("round.organisations", "round.organisations.unknown");
        }
        String tagName = form.tagName() == null || form.tagName().isBlank() ? "round-" + number
                : form.tagName().trim();
        String commitId = drafts.open(projectId, form.version()).version().commitId();

        CurrentUser me = access.current();
        long id = rounds.insert(projectId, number, label, commitId, tagName, opens, closes, instructions,
                form.audience(), form.ownOrganisationOnly(), me.username(), now);
        rounds.invite(id, invited);
        rounds.addChange(id, "SCHEDULED", window(opens, closes) + " · " + form.audience() + (organisations.isEmpty()
                ? "" : " · " + organisations.stream().map(InvitedOrganisation::code).collect(Collectors.joining(", "))),
                "—", me.username(), now);
        // The tag is written last: when Git refuses it (name taken or malformed), the transaction rolls back.
        try {
            drafts.tag(projectId, commitId, tagName, label + " (" + number + ")");
        } catch (FieldProblemException e) {
            throw e;
        } catch (UserFacingException refused) {
            throw new FieldProblemException("round.tag", refused.messageKey(), refused.args());
        }
        if (!opens.isAfter(now)) {
            announceIfOpen(id);
        }
        return rules.find(id);
    }

    /** Opens a scheduled round now. */
    @PreAuthorize("@access.canManageProjects()")
    public Round openNow(long id, String reason) {
        String why = reason(reason);
        Round round = rules.lockAndFind(id);
        Instant now = clock.instant();
        if (round.state(now) != RoundState.SCHEDULED) {
            throw new UserFacingException("round.not-scheduled");
        }
        Instant closes = round.closesAt().isAfter(now) ? round.closesAt() : now.plus(roundService.defaultDuration());
        rounds.updateWindow(id, now, closes, false);
        rounds.addChange(id, "OPENED", window(now, closes), why, access.current().username(), now);
        announceIfOpen(id);
        return rules.find(id);
    }

    /**
     * Moves the closing time later; a closed round (not yet published) opens again until then.
     */
    @PreAuthorize("@access.canManageProjects()")
    public Round extend(long id, Instant newClosesAt, String reason) {
        String why = reason(reason);
        Round round = rules.lockAndFind(id);
        Instant now = clock.instant();
        if (round.publishedAt() != null) {
            throw new UserFacingException("round.already-published");
        }
        if (newClosesAt == null) {
            throw new FieldProblemException("round.closes-at", "validation.required");
        }
        if (!newClosesAt.isAfter(round.closesAt()) || !newClosesAt.isAfter(now)) {
            throw new FieldProblemException("round.closes-at", "round.extend.not-later");
        }
        rounds.updateWindow(id, round.opensAt(), newClosesAt, false);
        rounds.addChange(id, "EXTENDED", round.closesAt() + " → " + newClosesAt, why, access.current().username(),
                now);
        return rules.find(id);
    }

    /** Closes an open round now. */
    @PreAuthorize("@access.canManageProjects()")
    public Round closeEarly(long id, String reason) {
        String why = reason(reason);
        Round round = rules.lockAndFind(id);
        Instant now = clock.instant();
        if (round.state(now) != RoundState.OPEN) {
            throw new UserFacingException("round.not-open");
        }
        rounds.updateWindow(id, round.opensAt(), now, true);
        rounds.addChange(id, "CLOSED_EARLY", round.closesAt() + " → " + now, why, access.current().username(), now);
        return rules.find(id);
    }

    /** Lets reviewers see every organisation's comments before publication, or only their own. */
    @PreAuthorize("@access.canManageProjects()")
    public Round setOwnOrganisationOnly(long id, boolean ownOnly, String reason) {
        String why = reason(reason);
        rules.lockAndFind(id);
        rounds.setOwnOrganisationOnly(id, ownOnly);
        rounds.addChange(id, "VISIBILITY", ownOnly ? "own-organisation" : "all", why, access.current().username(),
                clock.instant());
        return rules.find(id);
    }

    /** After closing, lets an organisation still comment until the given time; its comments are marked late. */
    @PreAuthorize("@access.canManageProjects()")
    public void allowLateComments(long id, long organisationId, Instant until, String reason) {
        String why = reason(reason);
        Round round = rules.lockAndFind(id);
        Instant now = clock.instant();
        if (round.publishedAt() != null) {
            throw new UserFacingException("round.already-published");
        }
        if (until == null || !until.isAfter(now)) {
            throw new FieldProblemException("round.late-until", "round.late-until.past");
        }
        InvitedOrganisation organisation = rounds.organisations(Set.of(organisationId)).stream().findFirst()
                .orElseThrow(() -> new FieldProblemException("round.organisations", "round.organisations.unknown"));
        rounds.allowLate(id, organisationId, until, why, access.current().username(), now);
        rounds.addChange(id, "LATE_ALLOWED", organisation.code() + " → " + until, why, access.current().username(),
                now);
    }

    /**
     * Once per round, when it has opened: moves its project to the consultation stage (as the person who opened it or,
     * for a scheduled opening, who scheduled it, at the round's opening time) and announces it.
     */
    private void announceIfOpen(long id) {
        if (rounds.markOpeningAnnounced(id)) {
            Round round = rules.find(id);
            projects.moveWithRound(round.projectId(), CONSULTATION, CONSULTATION_CODE, note("round-opened", round),
                    access.currentUser().map(CurrentUser::username).orElse(round.createdBy()), round.opensAt());
            events.publishEvent(new RoundOpened(id));
        }
    }

    /**
     * The stage a round proposes for its project once it is over: after a consultation whose dispositions are
     * published, the review of the draft for approval (审查, 40.99); empty when there is nothing to propose (the round
     * is not published, another round of the project is still scheduled, open or undecided, the project moved on
     * already, or the person may not move projects).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Stage> proposedStage(long roundId) {
        Round round = roundService.get(roundId);
        if (round.publishedAt() == null || !access.canManageProjects()
                || projects.get(round.projectId()).stage() != CONSULTATION
                || rounds.findByProject(round.projectId()).stream().anyMatch(r -> r.publishedAt() == null)) {
            return Optional.empty();
        }
        return Optional.of(Stage.REVIEW);
    }

    /** Moves the round's project to the stage the round proposes, recorded as the outcome of the round. */
    @PreAuthorize("@access.canManageProjects()")
    public void moveToProposedStage(long roundId) {
        Round round = roundService.get(roundId);
        Stage next = proposedStage(roundId).orElseThrow(() -> new UserFacingException("round.stage.nothing-proposed"));
        projects.moveWithRound(round.projectId(), next, NEXT_STAGE_CODE, note("round-closed", round),
                access.current().username(), clock.instant());
    }

    /** The application's note of a stage move a round made: said in the reader's language by its action. */
    public static String note(String action, Round round) {
        return VersionNote.trailers(action, String.valueOf(round.number()), List.of());
    }

    /** Announces rounds whose scheduled opening time has come (called by the scheduler). */
    public void announceOpenedRounds() {
        for (Round round : rounds.findOpenedUnannounced(clock.instant())) {
            announceIfOpen(round.id());
        }
    }

    /** Reminds the audience of rounds closing within the reminder period, once per round (called by the scheduler). */
    public void remindClosingRounds() {
        Instant now = clock.instant();
        for (Round round : rounds.findOpenClosingBefore(now, now.plus(Duration.ofDays(properties.reminderDays())))) {
            if (rounds.markReminderSent(round.id())) {
                events.publishEvent(new RoundClosingSoon(round.id()));
            }
        }
    }

    private static String window(Instant opens, Instant closes) {
        return opens + " – " + closes;
    }

    static String reason(String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new FieldProblemException("round.reason", "round.reason.required");
        }
        if (why.length() > REASON_MAX) {
            throw new FieldProblemException("round.reason", "validation.too-long", REASON_MAX);
        }
        return why;
    }

    private static String required(String field, String value, int max) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new FieldProblemException(field, "validation.required");
        }
        if (v.length() > max) {
            throw new FieldProblemException(field, "validation.too-long", max);
        }
        return v;
    }
}
