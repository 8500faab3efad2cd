package org.draftroom.rounds.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.domain.RoundState;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The secretariat's round dialogs, browserless: refusals beside their field in the user's language. */
class RoundDialogsIT extends KaribuUiTest {

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired JdbcClient jdbc;

    private String freshProject() {
        String[] id = new String[1];
        asUser("secretariat", () -> id[0] = TestProjects.consultationCopy(projects, drafts, "GB/T K" + (System.nanoTime() % 100_000), "对话框测试", "Dialog test"));
        return id[0];
    }

    private RoundDialog openDialog(String projectId) {
        RoundsView view = navigateTo(RoundsView.class);
        clickAsTheBrowserWould(_get(Button.class, spec -> spec.withId("new-round")));
        RoundDialog dialog = _get(RoundDialog.class);
        dialog.project.getListDataView().getItems().filter(p -> p.id().equals(projectId)).findFirst()
                .ifPresent(dialog.project::setValue);
        assertThat(view).isNotNull();
        return dialog;
    }

    /** An open round of a fresh project for CN-ABC, shown on its page to the secretariat (in English). */
    private Round openRoundShownToTheSecretariat() {
        String project = freshProject();
        long abc = jdbc.sql("select id from organisation where code = 'CN-ABC'").query(Long.class).single();
        Round[] round = new Round[1];
        asUser("secretariat", () -> round[0] = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null,
                null, Instant.now().plus(Duration.ofDays(10)), "", Audience.INVITED, Set.of(abc), true)));
        signInAs("secretariat", Locale.ENGLISH);
        com.vaadin.flow.component.UI.getCurrent().navigate("rounds/" + round[0].id());
        return round[0];
    }

    @Test
    void a_round_closing_before_it_opens_is_refused_beside_the_closing_time_in_english_and_chinese() {
        String project = freshProject();
        signInAs("secretariat", Locale.ENGLISH);
        RoundDialog dialog = openDialog(project);
        dialog.closes.setValue(dialog.opens.getValue().minusDays(1));
        clickAsTheBrowserWould(dialog.save);
        assertThat(dialog.closes.isInvalid()).isTrue();
        assertThat(dialog.closes.getErrorMessage()).isEqualTo("The closing time must be after the opening time.");
        assertThat(dialog.isOpened()).isTrue();

        startNewSession();
        signInAs("secretariat", Locale.SIMPLIFIED_CHINESE);
        RoundDialog zh = openDialog(project);
        zh.closes.setValue(zh.opens.getValue().minusDays(1));
        clickAsTheBrowserWould(zh.save);
        assertThat(zh.closes.getErrorMessage()).isEqualTo("截止时间必须晚于开始时间。");
        zh.organisations.clear();
        zh.closes.setValue(zh.opens.getValue().plusDays(30));
        clickAsTheBrowserWould(zh.save);
        assertThat(zh.organisations.getErrorMessage()).isEqualTo("请至少选择一个受邀单位，或向公众征求意见。");
    }

    @Test
    void the_versions_offered_read_as_the_history_shows_them_not_as_the_stored_message() {
        String project = freshProject();
        signInAs("secretariat", Locale.SIMPLIFIED_CHINESE);
        RoundDialog dialog = openDialog(project);
        java.util.List<String> labels = dialog.version.getListDataView().getItems()
                .map(v -> dialog.version.getItemLabelGenerator().apply(v)).toList();
        assertThat(labels).isNotEmpty().noneMatch(l -> l.contains("Draftroom-Action") || l.contains("Create project")
                || l.contains("**"));
        assertThat(labels).anyMatch(l -> l.contains("创建项目"));

        startNewSession();
        signInAs("secretariat", Locale.ENGLISH);
        RoundDialog en = openDialog(project);
        assertThat(en.version.getListDataView().getItems().map(v -> en.version.getItemLabelGenerator().apply(v)))
                .noneMatch(l -> l.contains("创建项目") || l.contains("Draftroom-Action"));
    }

    @Test
    void the_secretariat_opens_a_round_and_sees_it_in_the_list() {
        String project = freshProject();
        signInAs("secretariat", Locale.ENGLISH);
        RoundDialog dialog = openDialog(project);
        dialog.organisations.setValue(dialog.organisations.getListDataView().getItems()
                .filter(o -> o.code().equals("CN-ABC")).collect(java.util.stream.Collectors.toSet()));
        dialog.instructions.setValue("Focus on clause 8.");
        clickAsTheBrowserWould(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        RoundView view = _get(RoundView.class);
        assertThat(_get(view, com.vaadin.flow.component.html.H2.class, spec -> spec.withId("round-title")).getText())
                .endsWith("征求意见稿 (1)");
    }

    @Test
    void extending_without_a_reason_is_refused_beside_the_reason() {
        Round round = openRoundShownToTheSecretariat();
        clickAsTheBrowserWould(_get(Button.class, spec -> spec.withId("round-extend")));
        ReasonDialog dialog = _get(ReasonDialog.class);
        clickAsTheBrowserWould(dialog.confirm);
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).isEqualTo("Give a reason; it is recorded in the round's history.");

        dialog.reason.setValue("Requested by CN-ABC");
        clickAsTheBrowserWould(dialog.confirm);
        assertThat(dialog.isOpened()).isFalse();
        asUser("secretariat", () -> assertThat(rounds.changes(round.id()).get(1).reason())
                .isEqualTo("Requested by CN-ABC"));
    }

    @Test
    void closing_early_with_a_reason_closes_the_round_and_records_the_reason() {
        Round round = openRoundShownToTheSecretariat();
        clickAsTheBrowserWould(_get(Button.class, spec -> spec.withId("round-close")));
        ReasonDialog dialog = _get(ReasonDialog.class);
        dialog.reason.setValue("All invited bodies have answered.");
        clickAsTheBrowserWould(dialog.confirm);

        assertThat(dialog.isOpened()).isFalse();
        asUser("secretariat", () -> {
            Round closed = rounds.get(round.id());
            assertThat(closed.closedEarly()).isTrue();
            assertThat(closed.state(rounds.now())).isEqualTo(RoundState.CLOSED);
            assertThat(rounds.changes(closed.id())).last().satisfies(
                    change -> assertThat(change.reason()).isEqualTo("All invited bodies have answered."));
        });
        assertThat(_find(Button.class, spec -> spec.withId("round-close"))).noneMatch(Button::isVisible);
    }
}
