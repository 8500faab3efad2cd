package org.draftroom.rounds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.draftroom.IntegrationTest;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.TestProjects;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.DispositionRecord;
import org.draftroom.rounds.domain.DuplicateSimilarity;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.DispositionQuery;
import org.draftroom.rounds.domain.DispositionRow;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.domain.RoundState;
import org.draftroom.rounds.domain.RoundStatistics;
import org.draftroom.security.Access;
import org.draftroom.security.SignedIn;
import java.util.concurrent.atomic.AtomicInteger;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Comments in a round through the comments module, and their dispositions, against the real database and Git. */
@IntegrationTest
class DispositionServiceIT {

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
    @Autowired DispositionService dispositions;
    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired RoundRepository repository;
    @Autowired Access access;
    @Autowired UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private long org(String code) {
        return repository.organisationByCode(code).orElseThrow().id();
    }

    private Round round() {
        SignedIn.as(users, "secretariat");
        Round round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                Instant.now().plus(Duration.ofDays(30)), "", Audience.INVITED, Set.of(org("CN-ABC"), org("CN-XYZ")),
                true));
        SignedIn.nobody();
        return round;
    }

    private Comment comment(String username, Round round, String clauseId, CommentType type, String body) {
        SignedIn.as(users, username);
        return comments.create(project, round.commitId(), new CommentForm(round.id(), type, clauseId, 0, 0, "", body,
                "Proposed: " + body));
    }

    private static String key(Throwable e) {
        assertThat(e).isInstanceOf(UserFacingException.class);
        return ((UserFacingException) e).messageKey();
    }

    @Test
    void the_comments_module_applies_the_rounds_rules() {
        Round round = round();
        Comment onTime = comment("reviewer1", round, "c-rights", CommentType.TE, "Clause 8 needs a deadline.");
        assertThat(onTime.late()).isFalse();
        assertThat(onTime.readableId()).startsWith("CN-ABC-");

        SignedIn.as(users, "editor2");
        assertThatThrownBy(() -> comments.create(project, round.commitId(), new CommentForm(round.id(), CommentType.GE,
                "", 0, 0, "", "An editor is not the audience", "")))
                .satisfies(e -> assertThat(key(e)).isEqualTo("round.write.not-audience"));

        comment("reviewer2", round, "", CommentType.GE, "General remark from XYZ.");
        SignedIn.as(users, "reviewer1");
        assertThat(commentReader.find(project, round.commitId(), CommentFilter.all().withRoundId(round.id()), 0, 100))
                .as("reviewer1 sees only CN-ABC's comments before publication")
                .extracting(p -> p.comment().organisationCode()).containsOnly("CN-ABC");

        SignedIn.as(users, "secretariat");
        roundLifecycle.closeEarly(round.id(), "Closing for the test");
        SignedIn.as(users, "reviewer1");
        assertThatThrownBy(() -> comments.create(project, round.commitId(), new CommentForm(round.id(), CommentType.ED,
                "", 0, 0, "", "Too late", "")))
                .satisfies(e -> assertThat(key(e)).isEqualTo("round.write.closed"));
        Comment late = comment("secretariat", round, "", CommentType.ED, "Received by letter after the deadline.");
        assertThat(late.late()).isTrue();
    }

    @Test
    void a_reason_is_required_for_every_disposition_but_acceptance_and_publication_needs_them_all() {
        Round round = round();
        Comment a = comment("reviewer1", round, "c-rights", CommentType.TE, "Add a time limit for answering requests.");
        Comment b = comment("reviewer2", round, "c-rights", CommentType.ED, "Typo in the title.");
        Comment c = comment("reviewer2", round, "", CommentType.GE, "Align the terms with the PIPL.");

        SignedIn.as(users, "secretariat");
        assertThatThrownBy(() -> dispositions.record(a.id(), Disposition.ACCEPTED, "", null))
                .as("before closing").satisfies(e -> assertThat(key(e)).isEqualTo("dispositions.round-not-closed"));
        roundLifecycle.closeEarly(round.id(), "Closing for the test");

        for (Disposition d : List.of(Disposition.PARTLY_ACCEPTED, Disposition.NOT_ACCEPTED, Disposition.NOTED)) {
            assertThatThrownBy(() -> dispositions.record(a.id(), d, "  ", null)).as(d.name())
                    .isInstanceOfSatisfying(FieldProblemException.class, e -> {
                        assertThat(e.fieldKey()).isEqualTo("dispositions.reason");
                        assertThat(e.messageKey()).isEqualTo("dispositions.reason.required");
                    });
        }
        dispositions.record(b.id(), Disposition.ACCEPTED, "", "abcdef1");
        assertThatThrownBy(() -> dispositions.publish(round.id()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("dispositions.publish.undecided"));

        SignedIn.as(users, "editor2");
        dispositions.record(a.id(), Disposition.PARTLY_ACCEPTED, "A limit of 15 working days is added in 8.7.", null);
        assertThat(dispositions.groupDuplicates(round.id(), List.of(a.id(), c.id()))).startsWith("D");
        dispositions.record(c.id(), Disposition.NOT_ACCEPTED, "Out of the scope of this standard.", null);

        SignedIn.as(users, "secretariat");
        RoundStatistics stats = dispositions.statistics(round.id());
        assertThat(stats.total()).isEqualTo(3);
        assertThat(stats.byType()).containsEntry("te", 1).containsEntry("ed", 1).containsEntry("ge", 1);
        assertThat(stats.byOrganisation()).containsEntry("CN-XYZ", 2).containsEntry("CN-ABC", 1);
        assertThat(stats.notSubmitted()).containsExactlyInAnyOrder("CN-ABC", "CN-XYZ");
        assertThat(stats.topClauses().get(0).getValue()).isEqualTo(2);

        dispositions.publish(round.id());
        assertThat(rounds.get(round.id()).state(Instant.now())).isEqualTo(RoundState.PUBLISHED);
        assertThatThrownBy(() -> dispositions.record(b.id(), Disposition.NOTED, "Changed my mind", null))
                .satisfies(e -> assertThat(key(e)).isEqualTo("round.already-published"));

        SignedIn.as(users, "reviewer1");
        assertThat(roundRules.visibleOrganisations(round.id(), access.current())).isEqualTo(Optional.empty());
        List<DispositionRow> seen = dispositions.rows(round.id());
        assertThat(seen).extracting(r -> r.comment().organisationCode()).contains("CN-ABC", "CN-XYZ");
        DispositionRow mine = seen.stream().filter(r -> r.comment().id() == a.id()).findFirst().orElseThrow();
        assertThat(mine.disposition().disposition()).isEqualTo(Disposition.PARTLY_ACCEPTED);
        assertThat(dispositions.markSatisfaction(a.id(), false, "15 days is too long").satisfied()).isFalse();
        assertThatThrownBy(() -> dispositions.markSatisfaction(b.id(), true, null))
                .as("not reviewer1's organisation")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void the_table_paged_and_filtered_in_sql_shows_what_the_whole_table_shows() {
        Round round = round();
        comment("reviewer1", round, "c-right-access", CommentType.TE, "Access needs a deadline.");
        comment("reviewer2", round, "", CommentType.GE, "General remark.");
        Comment c = comment("reviewer2", round, "c-collection", CommentType.ED, "Typo in collection.");
        comment("reviewer1", round, "c-rights", CommentType.TE, "Rights need a clause.");
        Comment e = comment("reviewer2", round, "c-right-correction", CommentType.TE, "Correction in 15 days.");
        comment("reviewer1", round, "c-collection", CommentType.GE, "Collection is too broad.");
        SignedIn.as(users, "secretariat");
        roundLifecycle.closeEarly(round.id(), "Closing for the test");
        dispositions.record(c.id(), Disposition.ACCEPTED, "", null);
        dispositions.record(e.id(), Disposition.NOT_ACCEPTED, "Thirty days are the law.", null);

        List<DispositionRow> all = dispositions.rows(round.id());
        assertThat(all).hasSize(6);
        String rightsNumber = all.stream().filter(r -> r.comment().anchor().clauseId().equals("c-rights"))
                .findFirst().orElseThrow().clauseNumber();
        List<DispositionQuery> queries = List.of(DispositionQuery.all(),
                new DispositionQuery(CommentType.TE, null, null, null),
                new DispositionQuery(null, "CN-XYZ", null, null),
                new DispositionQuery(null, null, rightsNumber, null),
                new DispositionQuery(null, null, "99", null),
                new DispositionQuery(null, null, null, DispositionQuery.UNDECIDED),
                new DispositionQuery(null, null, null, Disposition.NOT_ACCEPTED.name()),
                new DispositionQuery(null, null, null, Disposition.NOTED.name()),
                new DispositionQuery(CommentType.TE, "CN-ABC", null, DispositionQuery.UNDECIDED));
        for (DispositionQuery q : queries) {
            List<Long> expected = all.stream().filter(q::matches).map(r -> r.comment().id()).toList();
            assertThat(dispositions.page(round.id(), q, 0, 100)).as(q.toString())
                    .extracting(r -> r.comment().id()).containsExactlyElementsOf(expected);
            assertThat(dispositions.count(round.id(), q)).as(q.toString()).isEqualTo(expected.size());
            assertThat(dispositions.order(round.id(), q)).as(q.toString()).isEqualTo(expected);
        }
        assertThat(dispositions.page(round.id(), DispositionQuery.all(), 2, 3)).as("a page in the middle")
                .isEqualTo(all.subList(2, 5));
        assertThat(dispositions.organisationCodes(round.id())).containsExactly("CN-ABC", "CN-XYZ");
        assertThat(dispositions.page(round.id(), new DispositionQuery(null, null, rightsNumber, null), 0, 100))
                .as("clause filter takes in the subclauses").hasSizeGreaterThan(1);

        SignedIn.as(users, "reviewer1");
        assertThatThrownBy(() -> dispositions.page(round.id(), DispositionQuery.all(), 0, 10))
                .satisfies(x -> assertThat(key(x)).isEqualTo("dispositions.not-published"));
    }

    @Test
    void reviewers_do_not_see_dispositions_before_publication() {
        Round round = round();
        SignedIn.as(users, "reviewer1");
        assertThatThrownBy(() -> dispositions.rows(round.id()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("dispositions.not-published"));
    }

    @Test
    void duplicates_of_different_organisations_are_suggested_grouped_and_decided_together() {
        Round round = round();
        Comment abc = comment("reviewer1", round, "c-right-access", CommentType.TE,
                "建议将访问请求的响应时限缩短为15天。");
        Comment xyz = comment("reviewer2", round, "c-right-correction", CommentType.TE,
                "访问请求的响应时限建议缩短为15天！");
        Comment opposite = comment("reviewer2", round, "c-right-access", CommentType.TE,
                "建议将访问请求的响应时限延长为15天。");
        Comment sameOrganisation = comment("reviewer1", round, "c-right-access", CommentType.TE,
                "建议将访问请求的响应时限缩短为15天.");
        Comment farAway = comment("reviewer2", round, "c-collection", CommentType.TE,
                "建议将访问请求的响应时限缩短为15天。");
        SignedIn.as(users, "secretariat");
        roundLifecycle.closeEarly(round.id(), "Closing for the test");

        List<DispositionService.DuplicateSuggestion> suggested = dispositions.suggestDuplicates(round.id());
        assertThat(suggested).hasSize(1);
        assertThat(suggested.get(0).comments()).extracting(r -> r.comment().id())
                .as("the same point, other organisations, neighbouring clauses; not the opposite, not far away")
                .contains(abc.id(), xyz.id()).doesNotContain(opposite.id(), farAway.id());
        assertThat(suggested.get(0).score()).isGreaterThanOrEqualTo(DuplicateSimilarity.THRESHOLD);

        String group = dispositions.groupDuplicates(round.id(), List.of(abc.id(), xyz.id(), sameOrganisation.id()));
        assertThat(dispositions.suggestDuplicates(round.id())).as("grouped comments are not suggested again")
                .isEmpty();
        dispositions.ungroup(round.id(), List.of(sameOrganisation.id()));
        dispositions.recordAll(round.id(), List.of(abc.id(), xyz.id()), Disposition.NOT_ACCEPTED, "与法律规定一致。");
        Map<Long, DispositionRecord> byId = dispositions.rows(round.id()).stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.comment().id(), DispositionRow::disposition));
        assertThat(byId.get(abc.id()).disposition()).isEqualTo(Disposition.NOT_ACCEPTED);
        assertThat(byId.get(xyz.id()).reason()).isEqualTo("与法律规定一致。");
        assertThat(byId.get(xyz.id()).decidedBy()).isEqualTo("secretariat");
        assertThat(byId.get(xyz.id()).duplicateGroup()).isEqualTo(group);
        assertThat(byId.get(sameOrganisation.id()).duplicateGroup()).isNull();
        assertThat(byId.get(sameOrganisation.id()).disposition()).isNull();
        assertThat(dispositions.group(round.id(), group)).extracting(r -> r.comment().id())
                .containsExactlyInAnyOrder(abc.id(), xyz.id());
        assertThat(dispositions.conflictingGroups(round.id())).as("one disposition for the whole group").isEmpty();
        dispositions.record(xyz.id(), Disposition.ACCEPTED, "", null);
        assertThat(dispositions.conflictingGroups(round.id())).as("members decided differently are flagged")
                .containsExactly(group);
        dispositions.record(xyz.id(), Disposition.NOT_ACCEPTED, "与法律规定一致。", null);
        assertThat(dispositions.conflictingGroups(round.id())).isEmpty();

        assertThatThrownBy(() -> dispositions.recordAll(round.id(), List.of(opposite.id(), farAway.id()),
                Disposition.NOTED, " ")).satisfies(e -> assertThat(key(e)).isEqualTo("dispositions.reason.required"));
        assertThat(dispositions.context(abc.id()).frozenText()).isNotEmpty();
        SignedIn.as(users, "reviewer1");
        assertThatThrownBy(() -> dispositions.suggestDuplicates(round.id()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
