package org.draftroom.rounds.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A round's view, browserless: a reviewer submits; the secretariat records a disposition, with its reason rule. */
class RoundViewIT extends KaribuUiTest {

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired org.draftroom.rounds.service.DispositionService dispositions;
    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired JdbcClient jdbc;
    private Round round;

    @BeforeEach
    void roundWithAComment() {
        long abc = jdbc.sql("select id from organisation where code = 'CN-ABC'").query(Long.class).single();
        asUser("secretariat", () -> {
            String project = TestProjects.consultationCopy(projects, drafts, "GB/T V" + (System.nanoTime() % 100_000), "视图测试", "View test");
            round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                    Instant.now().plus(Duration.ofDays(10)), "Read clause 8.", Audience.INVITED, Set.of(abc), true));
        });
        asUser("reviewer1", () -> comments.create(round.projectId(), round.commitId(), new CommentForm(round.id(),
                CommentType.TE, "c-rights", 0, 0, "", "Set a time limit.", "15 working days")));
    }

    @Test
    void a_reviewer_submits_their_organisations_comments_and_they_become_final() {
        signInAs("reviewer1", Locale.ENGLISH);
        UI.getCurrent().navigate("rounds/" + round.id());
        clickAsTheBrowserWould(_get(Button.class, spec -> spec.withId("submit-comments")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        Div bar = _get(Div.class, spec -> spec.withId("submission-bar"));
        assertThat(bar.getElement().getTextRecursively()).contains("The comments of CN-ABC were submitted by 陈静 Chen Jing");
    }

    @Test
    void a_disposition_other_than_acceptance_needs_a_reason() {
        asUser("secretariat", () -> roundLifecycle.closeEarly(round.id(), "For the test"));
        signInAs("secretariat", Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("rounds/" + round.id());
        RoundView view = _get(RoundView.class);
        view.select("tab-dispositions");
        DispositionsPanel panel = _get(DispositionsPanel.class);
        assertThat(GridKt._size(panel.grid)).isEqualTo(1);
        GridKt._clickItem(panel.grid, 0);
        DispositionDetail detail = panel.detail;
        detail.disposition.setValue(Disposition.NOT_ACCEPTED);
        clickAsTheBrowserWould(detail.saveNext);
        assertThat(detail.reason.isInvalid()).isTrue();
        assertThat(detail.reason.getErrorMessage()).isEqualTo("请填写该处理意见的理由；只有直接采纳无需理由。");

        detail.reason.setValue("超出本标准范围。");
        clickAsTheBrowserWould(detail.saveNext);
        assertThat(detail.reason.isInvalid()).isFalse();
        assertThat(detail.reason.getValue()).isEqualTo("超出本标准范围。");
        assertThat(String.join(" ", rows(panel.grid).get(0))).contains("未采纳");
    }

    @Test
    void after_publication_the_round_proposes_the_next_stage_and_the_timeline_says_what_the_round_did() {
        asUser("secretariat", () -> {
            roundLifecycle.closeEarly(round.id(), "For the test");
            long comment = commentReader.find(round.projectId(), round.commitId(),
                    org.draftroom.comments.domain.CommentFilter.all().withRoundId(round.id()), 0, 1).get(0)
                    .comment().id();
            dispositions.record(comment, Disposition.ACCEPTED, "", null);
            dispositions.publish(round.id());
        });
        signInAs("secretariat", Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("rounds/" + round.id());
        Button next = _get(Button.class, spec -> spec.withId("round-next-stage"));
        assertThat(next.getText()).isEqualTo("项目转入审查阶段");
        clickAsTheBrowserWould(next);
        assertThat(projects.get(round.projectId()).stageCode()).isEqualTo("40.99");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Button.class,
                spec -> spec.withId("round-next-stage"))).isEmpty();

        UI.getCurrent().navigate("projects/" + round.projectId());
        clickAsTheBrowserWould(_get(Button.class, spec -> spec.withId("open-stages")));
        Div timeline = _get(Div.class, spec -> spec.withId("stage-timeline"));
        assertThat(timeline.getElement().getTextRecursively()).contains(
                "征求意见阶段 30.20 → 征求意见阶段 40.20", "第 " + round.number() + " 轮征求意见开始",
                "征求意见阶段 40.20 → 审查阶段 40.99", "第 " + round.number() + " 轮征求意见结束，意见处理结果已公布");
    }
}
