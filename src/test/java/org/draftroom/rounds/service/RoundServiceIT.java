package org.draftroom.rounds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.draftroom.IntegrationTest;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.domain.StageChange;
import org.draftroom.drafts.domain.VersionNote;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundChange;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.domain.RoundState;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.SignedIn;
import java.util.concurrent.atomic.AtomicInteger;
import org.draftroom.drafts.service.ProjectService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The rules of a consultation round, enforced by the service against the real database and Git repository. */
@IntegrationTest
class RoundServiceIT {

    private static final AtomicInteger CODES = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @Autowired ProjectService projects;
    @Autowired DraftService draftService;
    /** A fresh WG7 project with the sample's 2020 text per test, so that tags and rounds never meet other tests'. */
    private String project;

    @BeforeEach
    void freshProject() {
        SignedIn.as(users, "secretariat");
        project = TestProjects.consultationCopy(projects, draftService, "GB/T R" + CODES.incrementAndGet(),
                "征求意见测试", "Round test");
        SignedIn.nobody();
    }

    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired RoundAccessRules roundRules;
    @Autowired SubmissionService roundSubmissions;
    @Autowired DispositionService dispositionService;
    @Autowired RoundRepository repository;
    @Autowired DraftService drafts;
    @Autowired Access access;
    @Autowired UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private long org(String code) {
        return repository.organisationByCode(code).orElseThrow().id();
    }

    /** A round on the sample, invited to CN-ABC only, scheduled by the secretariat. */
    private Round invitedRound(Instant opens, Instant closes) {
        SignedIn.as(users, "secretariat");
        Round round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, opens, closes,
                "Comment on clause 5 in particular.", Audience.INVITED, Set.of(org("CN-ABC")), true));
        SignedIn.nobody();
        return round;
    }

    private Round openRound() {
        return invitedRound(null, Instant.now().plus(Duration.ofDays(30)));
    }

    private CurrentUser as(String username) {
        SignedIn.as(users, username);
        return access.current();
    }

    @Test
    void scheduling_a_round_tags_the_frozen_version_and_records_the_change() {
        Round round = openRound();

        assertThat(round.state(Instant.now())).isEqualTo(RoundState.OPEN);
        assertThat(round.tagName()).isEqualTo("round-" + round.number());
        as("editor2");
        assertThat(drafts.open(project, round.tagName()).version().commitId()).isEqualTo(round.commitId());
        assertThat(drafts.history(project, 0, 5).stream().filter(v -> v.commitId().equals(round.commitId()))
                .findFirst().orElseThrow().tags()).containsExactly(round.tagName());
        assertThat(rounds.changes(round.id())).extracting(RoundChange::kind).containsExactly("SCHEDULED");
    }

    @Test
    void opening_a_round_moves_the_project_to_consultation_and_its_published_outcome_proposes_the_review() {
        // Scheduled for later, opened by the scheduler: recorded at the opening time, as whoever scheduled it.
        Round scheduled = invitedRound(Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        as("secretariat");
        assertThat(projects.get(project).stageCode()).isEqualTo("30.20");
        Instant opened = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        repository.updateWindow(scheduled.id(), opened, Instant.now().plus(Duration.ofDays(30)), false);
        SignedIn.nobody();
        roundLifecycle.announceOpenedRounds();

        as("secretariat");
        assertThat(projects.get(project).stage()).isEqualTo(Stage.CONSULTATION);
        assertThat(projects.get(project).stageCode()).isEqualTo("40.20");
        java.util.List<StageChange> timeline = projects.stageHistory(project);
        StageChange move = timeline.get(timeline.size() - 1);
        assertThat(move.changedBy()).isEqualTo("secretariat");
        assertThat(move.changedAt()).isEqualTo(opened);
        assertThat(VersionNote.of(move.reason())).hasValueSatisfying(note -> {
            assertThat(note.action()).isEqualTo("round-opened");
            assertThat(note.argument()).isEqualTo(String.valueOf(scheduled.number()));
        });
        assertThat(drafts.history(project, 0, 1).get(0).message()).startsWith("Move to stage consultation (40.20)");

        // Over: nothing proposed until the dispositions are published, then the review, to the secretariat only.
        assertThat(roundLifecycle.proposedStage(scheduled.id())).isEmpty();
        roundLifecycle.closeEarly(scheduled.id(), "Enough comments.");
        assertThat(roundLifecycle.proposedStage(scheduled.id())).isEmpty();
        Round another = invitedRound(Instant.now().plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(30)));
        as("secretariat");
        dispositionService.publish(scheduled.id());
        assertThat(roundLifecycle.proposedStage(scheduled.id())).as("another round is still to come").isEmpty();
        roundLifecycle.openNow(another.id(), "Second round now.");
        roundLifecycle.closeEarly(another.id(), "Done.");
        dispositionService.publish(another.id());
        assertThat(roundLifecycle.proposedStage(scheduled.id())).contains(Stage.REVIEW);
        as("editor2");
        assertThat(roundLifecycle.proposedStage(scheduled.id())).isEmpty();
        assertThatThrownBy(() -> roundLifecycle.moveToProposedStage(scheduled.id())).isInstanceOf(AccessDeniedException.class);
        as("secretariat");
        roundLifecycle.moveToProposedStage(scheduled.id());
        assertThat(projects.get(project).stage()).isEqualTo(Stage.REVIEW);
        assertThat(projects.get(project).stageCode()).isEqualTo("40.99");
        assertThat(roundLifecycle.proposedStage(scheduled.id())).isEmpty();
        timeline = projects.stageHistory(project);
        assertThat(VersionNote.of(timeline.get(timeline.size() - 1).reason())).map(VersionNote::action)
                .contains("round-closed");
    }

    @Test
    void a_round_closing_before_it_opens_is_refused() {
        SignedIn.as(users, "secretariat");
        Instant opens = Instant.now().plus(Duration.ofDays(10));
        assertThatThrownBy(() -> roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, opens,
                opens.minus(Duration.ofDays(1)), "", Audience.PUBLIC, Set.of(), true)))
                .isInstanceOfSatisfying(FieldProblemException.class, e -> {
                    assertThat(e.fieldKey()).isEqualTo("round.closes-at");
                    assertThat(e.messageKey()).isEqualTo("round.closes-before-opens");
                });
        assertThatThrownBy(() -> roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null, null, "",
                Audience.INVITED, Set.of(), true)))
                .isInstanceOfSatisfying(FieldProblemException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("round.organisations.required"));
    }

    @Test
    void only_the_secretariat_schedules_rounds() {
        SignedIn.as(users, "editor2");
        assertThatThrownBy(() -> roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null, null, "",
                Audience.PUBLIC, Set.of(), true))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_round_lasts_the_default_duration_unless_told_otherwise() {
        SignedIn.as(users, "secretariat");
        Round round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null, null, "",
                Audience.PUBLIC, Set.of(), true));
        assertThat(Duration.between(round.opensAt(), round.closesAt())).isEqualTo(Duration.ofDays(60));
    }

    @Test
    void comments_are_refused_before_the_round_opens_and_after_it_closes() {
        Round scheduled = invitedRound(Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(5)));
        CurrentUser reviewer = as("reviewer1");
        assertThat(scheduled.state(Instant.now())).isEqualTo(RoundState.SCHEDULED);
        assertThatThrownBy(() -> roundRules.checkWrite(scheduled.id(), reviewer))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("round.write.not-open"));

        Round round = openRound();
        assertThat(roundRules.checkWrite(round.id(), as("reviewer1"))).isFalse();
        SignedIn.as(users, "secretariat");
        roundLifecycle.closeEarly(round.id(), "The project was withdrawn from the plan");
        assertThatThrownBy(() -> roundRules.checkWrite(round.id(), reviewer))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("round.write.closed"));
    }

    @Test
    void only_the_audience_may_comment() {
        Round round = openRound();
        for (String outsider : new String[] {"reviewer2", "editor2", "editor1"}) {
            CurrentUser user = as(outsider);
            assertThatThrownBy(() -> roundRules.checkWrite(round.id(), user)).as(outsider)
                    .isInstanceOfSatisfying(UserFacingException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("round.write.not-audience"));
        }
        assertThat(roundRules.mayRead(round.id(), as("reviewer2"))).isFalse();
        assertThat(roundRules.mayRead(round.id(), as("reviewer1"))).isTrue();
        assertThat(roundRules.mayRead(round.id(), as("editor2"))).as("an editor of the project's WG7").isTrue();
        assertThat(roundRules.mayRead(round.id(), as("editor1"))).as("an editor of WG1").isFalse();
    }

    @Test
    void after_closing_the_secretariat_and_allowed_organisations_write_late_comments() {
        Round round = openRound();
        SignedIn.as(users, "secretariat");
        assertThat(roundRules.checkWrite(round.id(), access.current())).as("on time").isFalse();
        roundLifecycle.closeEarly(round.id(), "Enough comments");
        assertThat(roundRules.checkWrite(round.id(), access.current())).as("late").isTrue();

        roundLifecycle.allowLateComments(round.id(), org("CN-ABC"), Instant.now().plus(Duration.ofDays(2)),
                "Their letter was delayed by the post");
        assertThat(roundRules.checkWrite(round.id(), as("reviewer1"))).as("late, allowed").isTrue();
        SignedIn.as(users, "secretariat");
        assertThat(rounds.changes(round.id()).stream().map(RoundChange::kind))
                .contains("CLOSED_EARLY", "LATE_ALLOWED");
    }

    @Test
    void a_submission_is_final_until_the_secretariat_reopens_it() {
        Round round = openRound();
        CurrentUser reviewer = as("reviewer1");
        roundSubmissions.submit(round.id());
        assertThat(roundSubmissions.mySubmission(round.id())).get().satisfies(s -> assertThat(s.isFinal()).isTrue());
        assertThatThrownBy(() -> roundRules.checkWrite(round.id(), reviewer))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("round.write.submitted"));
        assertThatThrownBy(() -> roundSubmissions.submit(round.id())).isInstanceOf(UserFacingException.class);

        SignedIn.as(users, "secretariat");
        assertThatThrownBy(() -> roundSubmissions.reopenSubmission(round.id(), org("CN-ABC"), " "))
                .isInstanceOfSatisfying(FieldProblemException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("round.reason.required"));
        roundSubmissions.reopenSubmission(round.id(), org("CN-ABC"), "They found a mistake in comment 3");

        assertThat(roundRules.checkWrite(round.id(), as("reviewer1"))).isFalse();
        SignedIn.as(users, "secretariat");
        assertThat(rounds.changes(round.id())).extracting(RoundChange::kind)
                .containsExactly("SCHEDULED", "SUBMITTED", "SUBMISSION_REOPENED");
    }

    @Test
    void reviewers_see_only_their_own_organisations_comments_unless_the_round_says_otherwise() {
        Round round = openRound();
        assertThat(roundRules.visibleOrganisations(round.id(), as("reviewer1"))).contains(Set.of(org("CN-ABC")));
        assertThat(roundRules.visibleOrganisations(round.id(), as("secretariat"))).isEqualTo(Optional.empty());
        assertThat(roundRules.visibleOrganisations(round.id(), as("editor2"))).isEqualTo(Optional.empty());

        SignedIn.as(users, "secretariat");
        roundLifecycle.setOwnOrganisationOnly(round.id(), false, "Open discussion agreed at the plenary");
        assertThat(roundRules.visibleOrganisations(round.id(), as("reviewer1"))).isEqualTo(Optional.empty());
    }

    @Test
    void extending_and_closing_early_need_a_reason_and_are_recorded() {
        Round round = openRound();
        SignedIn.as(users, "secretariat");
        Instant later = round.closesAt().plus(Duration.ofDays(14));
        assertThatThrownBy(() -> roundLifecycle.extend(round.id(), later, ""))
                .isInstanceOfSatisfying(FieldProblemException.class,
                        e -> assertThat(e.fieldKey()).isEqualTo("round.reason"));
        assertThatThrownBy(() -> roundLifecycle.extend(round.id(), round.closesAt().minus(Duration.ofDays(1)), "Shorter"))
                .isInstanceOfSatisfying(FieldProblemException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("round.extend.not-later"));

        Round extended = roundLifecycle.extend(round.id(), later, "Requested by three member organisations");
        assertThat(extended.closesAt()).isEqualTo(later);
        Round closed = roundLifecycle.closeEarly(round.id(), "The plan changed");
        assertThat(closed.state(Instant.now())).isEqualTo(RoundState.CLOSED);
        assertThat(closed.closedEarly()).isTrue();
        assertThat(rounds.changes(round.id())).extracting(RoundChange::kind, RoundChange::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SCHEDULED", "—"),
                org.assertj.core.groups.Tuple.tuple("EXTENDED", "Requested by three member organisations"),
                org.assertj.core.groups.Tuple.tuple("CLOSED_EARLY", "The plan changed"));
    }

    @Test
    void the_audience_reads_the_frozen_version_but_not_the_working_draft() {
        Round round = openRound();
        SignedIn.as(users, "reviewer1");
        DraftService.DraftSnapshot frozen = rounds.frozenDraft(round.id());
        assertThat(frozen.version().commitId()).isEqualTo(round.commitId());
        assertThat(frozen.editable()).isFalse();
        assertThat(frozen.outline().number("c-rights")).isEqualTo("8");
        assertThatThrownBy(() -> drafts.open(project, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(rounds.visibleRounds()).extracting(Round::id).contains(round.id());

        SignedIn.as(users, "reviewer2");
        assertThatThrownBy(() -> rounds.frozenDraft(round.id()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("round.not-found"));
        assertThat(rounds.visibleRounds()).extracting(Round::id).doesNotContain(round.id());
    }
}
