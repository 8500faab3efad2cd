package org.draftroom.comments.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.draftroom.IntegrationTest;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Comments of a consultation round through the real rounds module: reviewers comment on the frozen version while the
 * draft moves on, see only their own organisation's comments, are refused after closing, and the secretariat's
 * comments after closing are marked late.
 */
@IntegrationTest
class RoundCommentsIT {

    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired DraftService drafts;
    @Autowired ProjectService projects;
    @Autowired UserDetailsService users;
    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired RoundRepository roundRepository;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    /** A round open now on the project's latest version, invited to CN-ABC and CN-XYZ. */
    private Round openRound(Project project) {
        SignedIn.as(users, "secretariat");
        Round round = roundLifecycle.schedule(new RoundForm(project.id(), null, "征求意见稿", null, null, null,
                Instant.now().plus(Duration.ofDays(30)), "", Audience.INVITED, Set.of(org("CN-ABC"), org("CN-XYZ")),
                true));
        SignedIn.nobody();
        return round;
    }

    private long org(String code) {
        return roundRepository.organisationByCode(code).orElseThrow().id();
    }

    @Test
    void reviewers_comment_on_the_frozen_version_and_see_only_their_organisations_comments() {
        Project project = CommentServiceIT.freshProject(drafts, projects, users, "wd-1");
        var opened = openRound(project);
        long roundId = opened.id();
        // The round froze the head; opening it then moved the project to consultation in a version of its own.
        String frozen = opened.commitId();
        SignedIn.as(users, "editor2");
        drafts.save(project.id(), drafts.history(project.id(), 0, 1).get(0).commitId(), drafts.open(CommentServiceIT.SAMPLE, "cd-1").document().text(),
                "Restructure during the round");
        String latest = drafts.history(project.id(), 0, 1).get(0).commitId();
        String frozenBody = drafts.open(project.id(), frozen).document().require("c-right-access").body();
        String quote = "控制者所保存的其个人信息的类型和内容";
        int start = frozenBody.indexOf(quote);

        SignedIn.as(users, "reviewer1");
        Comment abc = comments.create(project.id(), null, new CommentForm(roundId, CommentType.TE, "c-right-access",
                start, start + quote.length(), quote, "建议增加查询期限。", ""));
        SignedIn.as(users, "reviewer2");
        Comment xyz = comments.create(project.id(), "", new CommentForm(roundId, CommentType.GE, "", 0, 0, "",
                "总体同意。", ""));

        assertThat(abc.readableId()).isEqualTo("CN-ABC-001");
        assertThat(xyz.readableId()).isEqualTo("CN-XYZ-001");
        assertThat(abc.anchor().commitId()).isEqualTo(frozen);
        assertThat(abc.anchor().clauseNumber()).isEqualTo("7.4");
        assertThat(abc.late()).isFalse();
        assertThatThrownBy(() -> comments.create(project.id(), latest, new CommentForm(roundId, CommentType.GE, "", 0,
                0, "", "x", ""))).isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("comment.round.frozen-version"));

        CommentFilter round = CommentFilter.all().withRoundId(roundId);
        assertThat(commentReader.find(project.id(), frozen, round, 0, 10)).extracting(p -> p.comment().id())
                .containsExactly(xyz.id());
        assertThatThrownBy(() -> commentReader.get(abc.id())).isInstanceOf(AccessDeniedException.class);

        SignedIn.as(users, "reviewer1");
        PlacedComment inFrozen = commentReader.find(project.id(), frozen, round, 0, 10).get(0);
        assertThat(inFrozen.placement()).isEqualTo(Placement.initial(abc.anchor()));
        assertThat(commentReader.count(project.id(), round)).isEqualTo(1);
        assertThatThrownBy(() -> commentReader.find(project.id(), null, CommentFilter.all(), 0, 10))
                .as("reviewers do not read working-draft comments").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> commentReader.find(project.id(), latest, round, 0, 10))
                .as("nor the round's comments as they stand in the working draft")
                .isInstanceOf(AccessDeniedException.class);
        assertThat(commentReader.find(project.id(), null, round, 0, 10)).as("without a version: in the round's text")
                .extracting(PlacedComment::placement).containsExactly(inFrozen.placement());

        SignedIn.as(users, "editor2");
        assertThat(commentReader.find(project.id(), null, round, 0, 10))
                .as("carried onto the current draft for editors")
                .extracting(p -> p.placement().clauseNumber()).containsExactly("", "8.1");
        assertThat(commentReader.countsByClause(project.id(), null, round)).containsEntry("c-right-access", 1);
        assertThat(commentReader.find(project.id(), null, CommentFilter.all(), 0, 10))
                .as("round comments are not working-draft comments").isEmpty();
    }

    @Test
    void after_closing_reviewers_are_refused_and_the_secretariats_comments_are_late() {
        Project project = CommentServiceIT.freshProject(drafts, projects, users, "cd-1");
        long roundId = openRound(project).id();
        SignedIn.as(users, "reviewer1");
        Comment open = comments.create(project.id(), null, new CommentForm(roundId, CommentType.ED, "", 0, 0, "",
                "措辞。", ""));
        SignedIn.as(users, "secretariat");
        roundLifecycle.closeEarly(roundId, "Enough comments received");
        SignedIn.as(users, "reviewer1");

        assertThatThrownBy(() -> comments.create(project.id(), null, new CommentForm(roundId, CommentType.ED, "", 0, 0,
                "", "迟到", ""))).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> comments.edit(open.id(), CommentType.TE, "改", ""))
                .isInstanceOf(UserFacingException.class);
        SignedIn.as(users, "secretariat");
        Comment late = comments.create(project.id(), null, new CommentForm(roundId, CommentType.GE, "", 0, 0, "",
                "收到的逾期意见（邮件）", ""));
        assertThat(late.late()).isTrue();
    }
}
