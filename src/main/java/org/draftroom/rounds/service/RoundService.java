package org.draftroom.rounds.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.RoundCommentRules;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.domain.VersionNote;
import org.draftroom.drafts.service.DraftReader;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.DraftService.DraftSnapshot;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.RoundClosingSoon;
import org.draftroom.rounds.RoundOpened;
import org.draftroom.rounds.RoundsProperties;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.InvitedOrganisation;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundChange;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.domain.RoundState;
import org.draftroom.rounds.domain.Submission;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultation rounds: the secretariat schedules a round on a version of a project's draft (the version gets an
 * annotated tag and never changes for the round), opens it now, extends it or closes it early, always with a
 * recorded reason. A round's state is derived from its times and the injected {@link Clock}.
 *
 * <p>It also answers the comments module's questions about a round (the {@code RoundCommentRules} SPI): which
 * version comments are made against, who may write now (only the audience while open; after closing, the
 * secretariat and organisations it allowed, marked late; never after an organisation's final submission), who may
 * read, and whose comments a reviewer may see (their own organisation's until the dispositions are published, unless
 * the round says otherwise).
 */
@Service
@Transactional
public class RoundService implements RoundCommentRules {

    static final int LABEL_MAX = 100;
    static final int INSTRUCTIONS_MAX = 10_000;
    static final int REASON_MAX = 2000;

    /** The stage a project is in while a round runs, and its ISO code (enquiry ballot initiated). */
    public static final Stage CONSULTATION = Stage.CONSULTATION;
    public static final String CONSULTATION_CODE = "40.20";

    /** The ISO code of the stage proposed once a round's dispositions are published (enquiry done, proceed). */
    static final String NEXT_STAGE_CODE = "40.99";

    private final RoundRepository rounds;
    private final DraftService drafts;
    private final DraftReader draftReader;
    private final ProjectService projects;
    private final Access access;
    private final RoundsProperties properties;
    private final ZoneId zone;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoundService(RoundRepository rounds, DraftService drafts, DraftReader draftReader, ProjectService projects,
                 Access access, RoundsProperties properties, DraftroomProperties draftroom,
                 ApplicationEventPublisher events, Clock clock) {
        this.rounds = rounds;
        this.drafts = drafts;
        this.draftReader = draftReader;
        this.projects = projects;
        this.access = access;
        this.properties = properties;
        this.zone = draftroom.timeZone();
        this.events = events;
        this.clock = clock;
    }

    /** The committee's time zone, in which rounds' times are shown and entered. */
    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public Duration defaultDuration() {
        return Duration.ofDays(properties.defaultDays());
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** A project's rounds, newest first: for those who read the working drafts. */
    @PreAuthorize("@access.canReadDrafts()")
    @Transactional(readOnly = true)
    public List<Round> rounds(String projectId) {
        return rounds.findByProject(projectId);
    }

    /**
     * The rounds the signed-in person takes part in or manages: every round for the secretariat and administrators,
     * their working groups' rounds for editors, and for reviewers the rounds of their audience that have opened.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Round> visibleRounds() {
        CurrentUser me = access.current();
        if (me.has(Role.SECRETARIAT) || me.has(Role.ADMIN)) {
            return rounds.findAll();
        }
        Set<Round> result = new LinkedHashSet<>();
        if (me.has(Role.EDITOR)) {
            rounds.findAll().stream().filter(r -> me.isMemberOf(r.workingGroup())).forEach(result::add);
        }
        if (me.has(Role.REVIEWER)) {
            Instant now = clock.instant();
            rounds.findForAudience(me.organisationId()).stream()
                    .filter(r -> r.state(now) != RoundState.SCHEDULED && inAudience(r, me)).forEach(result::add);
        }
        return result.stream().sorted(Comparator.comparing(Round::closesAt).reversed()).toList();
    }

    /** A round, for anyone who may read it; others are told it does not exist. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Round get(long id) {
        Round round = find(id);
        if (!mayRead(round, access.current())) {
            throw new UserFacingException("round.not-found", String.valueOf(id));
        }
        return round;
    }

    /** The recorded changes of a round, oldest first: for the secretariat and the working group's editors. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<RoundChange> changes(long id) {
        requireStaff(find(id));
        return rounds.changes(id);
    }

    /** The frozen version of the round, with its numbering and table of contents, for anyone who may read it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public DraftSnapshot frozenDraft(long id) {
        Round round = get(id);
        return draftReader.snapshot(round.projectId(), round.commitId());
    }

    /** Whether the signed-in person is in the round's audience (may comment while it is open). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean isInAudience(long id) {
        return inAudience(find(id), access.current());
    }

    /** Whether the signed-in person may change the round (the secretariat). */
    public boolean canManage() {
        return access.canManageProjects();
    }

    // ---- the secretariat's changes ---------------------------------------------------------------------------------

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
        Instant closes = form.closesAt() == null ? opens.plus(defaultDuration()) : form.closesAt();
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
        return find(id);
    }

    /** Opens a scheduled round now. */
    @PreAuthorize("@access.canManageProjects()")
    public Round openNow(long id, String reason) {
        String why = reason(reason);
        Round round = lockAndFind(id);
        Instant now = clock.instant();
        if (round.state(now) != RoundState.SCHEDULED) {
            throw new UserFacingException("round.not-scheduled");
        }
        Instant closes = round.closesAt().isAfter(now) ? round.closesAt() : now.plus(defaultDuration());
        rounds.updateWindow(id, now, closes, false);
        rounds.addChange(id, "OPENED", window(now, closes), why, access.current().username(), now);
        announceIfOpen(id);
        return find(id);
    }

    /**
     * Moves the closing time later; a closed round (not yet published) opens again until then.
     */
    @PreAuthorize("@access.canManageProjects()")
    public Round extend(long id, Instant newClosesAt, String reason) {
        String why = reason(reason);
        Round round = lockAndFind(id);
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
        return find(id);
    }

    /** Closes an open round now. */
    @PreAuthorize("@access.canManageProjects()")
    public Round closeEarly(long id, String reason) {
        String why = reason(reason);
        Round round = lockAndFind(id);
        Instant now = clock.instant();
        if (round.state(now) != RoundState.OPEN) {
            throw new UserFacingException("round.not-open");
        }
        rounds.updateWindow(id, round.opensAt(), now, true);
        rounds.addChange(id, "CLOSED_EARLY", round.closesAt() + " → " + now, why, access.current().username(), now);
        return find(id);
    }

    /** Lets reviewers see every organisation's comments before publication, or only their own. */
    @PreAuthorize("@access.canManageProjects()")
    public Round setOwnOrganisationOnly(long id, boolean ownOnly, String reason) {
        String why = reason(reason);
        lockAndFind(id);
        rounds.setOwnOrganisationOnly(id, ownOnly);
        rounds.addChange(id, "VISIBILITY", ownOnly ? "own-organisation" : "all", why, access.current().username(),
                clock.instant());
        return find(id);
    }

    /** After closing, lets an organisation still comment until the given time; its comments are marked late. */
    @PreAuthorize("@access.canManageProjects()")
    public void allowLateComments(long id, long organisationId, Instant until, String reason) {
        String why = reason(reason);
        Round round = lockAndFind(id);
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

    // ---- submissions -----------------------------------------------------------------------------------------------

    /**
     * Submits the signed-in reviewer's organisation's comments: from then on, nobody of the organisation may add or
     * change comments of the round unless the secretariat reopens the submission.
     */
    @PreAuthorize("isAuthenticated()")
    public Submission submit(long id) {
        CurrentUser me = access.current();
        Round round = lockAndFind(id);
        if (!inAudience(round, me) || me.organisationId() == null) {
            throw new UserFacingException("round.write.not-audience");
        }
        checkWrite(round, me);
        rounds.submit(id, me.organisationId(), me.id(), clock.instant());
        rounds.addChange(id, "SUBMITTED", String.valueOf(me.organisationCode()), "—", me.username(),
                clock.instant());
        return rounds.submission(id, me.organisationId()).orElseThrow();
    }

    /** Reopens an organisation's submission, so that its reviewers may change their comments again. */
    @PreAuthorize("@access.canManageProjects()")
    public void reopenSubmission(long id, long organisationId, String reason) {
        String why = reason(reason);
        if (lockAndFind(id).publishedAt() != null) {
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
        requireStaff(find(id));
        return rounds.submissions(id);
    }

    /** The signed-in reviewer's organisation's submission in the round, if any. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Submission> mySubmission(long id) {
        CurrentUser me = access.current();
        get(id);
        return me.organisationId() == null ? Optional.empty() : rounds.submission(id, me.organisationId());
    }

    // ---- the comments module's rules (RoundCommentRules) -----------------------------------------------------------

    /** The commit the round froze; comments of a round are made against it. */
    @Override
    @Transactional(readOnly = true)
    public String frozenCommit(long roundId) {
        return find(roundId).commitId();
    }

    /**
     * Refuses (with a {@link UserFacingException}) when the user may not write comments of the round now; returns
     * true when the comment is late (written after closing, by the secretariat or an organisation it allowed).
     */
    @Override
    @Transactional(readOnly = true)
    public boolean checkWrite(long roundId, CurrentUser user) {
        return checkWrite(find(roundId), user);
    }

    /** Whether the user may read the round's comments at all (audience once open, secretariat, the WG's editors). */
    @Override
    @Transactional(readOnly = true)
    public boolean mayRead(long roundId, CurrentUser user) {
        return rounds.findById(roundId).map(r -> mayRead(r, user)).orElse(false);
    }

    /** Organisations whose comments of the round the user may see; empty = all of them. */
    @Override
    @Transactional(readOnly = true)
    public Optional<Set<Long>> visibleOrganisations(long roundId, CurrentUser user) {
        Round round = find(roundId);
        if (isStaff(round, user) || round.publishedAt() != null || !round.ownOrganisationOnly()) {
            return Optional.empty();
        }
        return Optional.of(user.organisationId() == null ? Set.of() : Set.of(user.organisationId()));
    }

    // ---- internals -------------------------------------------------------------------------------------------------

    private boolean checkWrite(Round round, CurrentUser user) {
        Instant now = clock.instant();
        RoundState state = round.state(now);
        if (state == RoundState.PUBLISHED) {
            throw new UserFacingException("round.write.published");
        }
        if (user.has(Role.SECRETARIAT)) {
            if (state == RoundState.SCHEDULED) {
                throw new UserFacingException("round.write.not-open");
            }
            return state == RoundState.CLOSED;
        }
        if (!inAudience(round, user)) {
            throw new UserFacingException("round.write.not-audience");
        }
        if (user.organisationId() != null && rounds.submission(round.id(), user.organisationId())
                .filter(Submission::isFinal).isPresent()) {
            throw new UserFacingException("round.write.submitted");
        }
        return switch (state) {
            case SCHEDULED -> throw new UserFacingException("round.write.not-open");
            case OPEN -> false;
            default -> {
                boolean allowed = user.organisationId() != null && rounds.lateUntil(round.id(), user.organisationId())
                        .filter(now::isBefore).isPresent();
                if (!allowed) {
                    throw new UserFacingException("round.write.closed");
                }
                yield true;
            }
        };
    }

    private boolean mayRead(Round round, CurrentUser user) {
        return isStaff(round, user)
                || (inAudience(round, user) && round.state(clock.instant()) != RoundState.SCHEDULED);
    }

    /** The secretariat, administrators and the editors of the project's working group. */
    private static boolean isStaff(Round round, CurrentUser user) {
        return user.has(Role.SECRETARIAT) || user.has(Role.ADMIN)
                || (user.has(Role.EDITOR) && user.isMemberOf(round.workingGroup()));
    }

    private static boolean inAudience(Round round, CurrentUser user) {
        if (!user.has(Role.REVIEWER)) {
            return false;
        }
        return round.isFor(user.organisationId());
    }

    private void requireStaff(Round round) {
        if (!isStaff(round, access.current())) {
            throw new AccessDeniedException("not staff of round " + round.id());
        }
    }

    /**
     * Once per round, when it has opened: moves its project to the consultation stage (as the person who opened it or,
     * for a scheduled opening, who scheduled it, at the round's opening time) and announces it.
     */
    private void announceIfOpen(long id) {
        if (rounds.markOpeningAnnounced(id)) {
            Round round = find(id);
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
        Round round = get(roundId);
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
        Round round = get(roundId);
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

    private Round find(long id) {
        return rounds.findById(id).orElseThrow(() -> new UserFacingException("round.not-found", String.valueOf(id)));
    }

    private Round lockAndFind(long id) {
        rounds.lock(id);
        return find(id);
    }

    private static String window(Instant opens, Instant closes) {
        return opens + " – " + closes;
    }

    private static String reason(String reason) {
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
