package org.draftroom.comments.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.draftroom.IntegrationTest;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.RoundCommentRules;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.Role;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Comments of a consultation round through a stand-in for the rounds module's rules: reviewers comment on the frozen
 * version while the draft moves on, see only their own organisation's comments, are refused after closing, and the
 * secretariat's comments after closing are marked late.
 */
@IntegrationTest
@Import(RoundCommentsIT.Rules.class)
class RoundCommentsIT {

    static final long ROUND = 41L;

    /** The round's state, set by the test. */
    static volatile String frozen;
    static volatile boolean closed;

    @TestConfiguration
    static class Rules {
        @Bean
        RoundCommentRules testRoundRules() {
            return new RoundCommentRules() {
                @Override
                public String frozenCommit(long roundId) {
                    return frozen;
                }

                @Override
                public boolean checkWrite(long roundId, CurrentUser user) {
                    if (user.has(Role.SECRETARIAT)) {
                        return closed;
                    }
                    if (closed) {
                        throw new UserFacingException("comment.round.unavailable");
                    }
                    return false;
                }

                @Override
                public boolean mayRead(long roundId, CurrentUser user) {
                    return user.has(Role.REVIEWER) || user.has(Role.SECRETARIAT) || user.isMemberOf("WG7");
                }

                @Override
                public Optional<Set<Long>> visibleOrganisations(long roundId, CurrentUser user) {
                    return user.has(Role.REVIEWER) ? Optional.of(Set.of(user.organisationId())) : Optional.empty();
                }
            };
        }
    }

    @Autowired CommentService comments;
    @Autowired DraftService drafts;
    @Autowired ProjectService projects;
    @Autowired UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
        closed = false;
    }

    @Test
    void reviewers_comment_on_the_frozen_version_and_see_only_their_organisations_comments() {
        Project project = CommentServiceIT.freshProject(drafts, projects, users, "wd-1");
        SignedIn.as(users, "editor2");
        frozen = drafts.history(project.id(), 0, 1).get(0).commitId();
        drafts.save(project.id(), frozen, drafts.open(CommentServiceIT.SAMPLE, "cd-1").document().text(),
                "Restructure during the round");
        String latest = drafts.history(project.id(), 0, 1).get(0).commitId();
        String frozenBody = drafts.open(project.id(), frozen).document().require("c-right-access").body();
        String quote = "控制者所保存的其个人信息的类型和内容";
        int start = frozenBody.indexOf(quote);

        SignedIn.as(users, "reviewer1");
        Comment abc = comments.create(project.id(), null, new CommentForm(ROUND, CommentType.TE, "c-right-access",
                start, start + quote.length(), quote, "建议增加查询期限。", ""));
        SignedIn.as(users, "reviewer2");
        Comment xyz = comments.create(project.id(), "", new CommentForm(ROUND, CommentType.GE, "", 0, 0, "",
                "总体同意。", ""));

        assertThat(abc.readableId()).isEqualTo("CN-ABC-001");
        assertThat(xyz.readableId()).isEqualTo("CN-XYZ-001");
        assertThat(abc.anchor().commitId()).isEqualTo(frozen);
        assertThat(abc.anchor().clauseNumber()).isEqualTo("7.4");
        assertThat(abc.late()).isFalse();
        assertThatThrownBy(() -> comments.create(project.id(), latest, new CommentForm(ROUND, CommentType.GE, "", 0,
                0, "", "x", ""))).isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("comment.round.frozen-version"));

        CommentFilter round = CommentFilter.all().withRoundId(ROUND);
        assertThat(comments.find(project.id(), frozen, round, 0, 10)).extracting(p -> p.comment().id())
                .containsExactly(xyz.id());
        assertThatThrownBy(() -> comments.get(abc.id())).isInstanceOf(AccessDeniedException.class);

        SignedIn.as(users, "reviewer1");
        PlacedComment inFrozen = comments.find(project.id(), frozen, round, 0, 10).get(0);
        assertThat(inFrozen.placement()).isEqualTo(Placement.initial(abc.anchor()));
        assertThat(comments.count(project.id(), round)).isEqualTo(1);
        assertThatThrownBy(() -> comments.find(project.id(), null, CommentFilter.all(), 0, 10))
                .as("reviewers do not read working-draft comments").isInstanceOf(AccessDeniedException.class);

        SignedIn.as(users, "editor2");
        assertThat(comments.find(project.id(), null, round, 0, 10)).as("carried onto the current draft for editors")
                .extracting(p -> p.placement().clauseNumber()).containsExactly("", "8.1");
        assertThat(comments.countsByClause(project.id(), null, round)).containsEntry("c-right-access", 1);
        assertThat(comments.find(project.id(), null, CommentFilter.all(), 0, 10))
                .as("round comments are not working-draft comments").isEmpty();
    }

    @Test
    void after_closing_reviewers_are_refused_and_the_secretariats_comments_are_late() {
        Project project = CommentServiceIT.freshProject(drafts, projects, users, "cd-1");
        SignedIn.as(users, "editor2");
        frozen = drafts.history(project.id(), 0, 1).get(0).commitId();
        SignedIn.as(users, "reviewer1");
        Comment open = comments.create(project.id(), null, new CommentForm(ROUND, CommentType.ED, "", 0, 0, "",
                "措辞。", ""));
        closed = true;

        assertThatThrownBy(() -> comments.create(project.id(), null, new CommentForm(ROUND, CommentType.ED, "", 0, 0,
                "", "迟到", ""))).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> comments.edit(open.id(), CommentType.TE, "改", ""))
                .isInstanceOf(UserFacingException.class);
        SignedIn.as(users, "secretariat");
        Comment late = comments.create(project.id(), null, new CommentForm(ROUND, CommentType.GE, "", 0, 0, "",
                "收到的逾期意见（邮件）", ""));
        assertThat(late.late()).isTrue();
    }
}
