package org.draftroom.comments.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.InternalServerError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * A round's comments carried forward onto the current draft, in the editors' margin: a round on the 2017 text of a
 * WG7 project (a copy of {@code gbt-35273}), a reviewer's comment on clause 7.4, then the working group restructures
 * the draft (the 2020 text, where that clause is 8.1) and the round closes.
 */
class RoundMarginIT extends KaribuUiTest {

    private static final String QUOTE = "控制者所保存的其个人信息的类型和内容";

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired DispositionService dispositions;
    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired JdbcClient jdbc;
    private Round round;
    private Comment comment;

    @BeforeEach
    void aClosedRoundWhoseDraftMovedOn() {
        long abc = jdbc.sql("select id from organisation where code = 'CN-ABC'").query(Long.class).single();
        asUser("secretariat", () -> {
            String project = projects.create(new ProjectForm("GB/T M" + (System.nanoTime() % 100_000), "延续测试",
                    "Carried forward test", DocumentType.GB_T, "WG7", Stage.CONSULTATION, "30.20", "CN-BCL"),
                    drafts.open("gbt-35273", "wd-1").document()).id();
            round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                    Instant.now().plus(Duration.ofDays(10)), "", Audience.INVITED, Set.of(abc), true));
        });
        asUser("reviewer1", () -> {
            String body = rounds.frozenDraft(round.id()).document().require("c-right-access").body();
            int start = body.indexOf(QUOTE);
            comment = comments.create(round.projectId(), round.commitId(), new CommentForm(round.id(),
                    CommentType.TE, "c-right-access", start, start + QUOTE.length(), QUOTE, "建议增加查询期限。", ""));
        });
        asUser("editor2", () -> drafts.save(round.projectId(), round.commitId(),
                drafts.open("gbt-35273", "cd-1").document().text(), "Restructure as the 2020 text"));
        asUser("secretariat", () -> roundLifecycle.closeEarly(round.id(), "For the test"));
    }

    private CommentsView openRoundMode() {
        CommentsView.navigate(UI.getCurrent(), CommentedDraft.carriedForwardHref(round.projectId(), round.id()));
        return _get(CommentsView.class);
    }

    /** The text of the margin's card in this row, as the browser receives it. */
    @SuppressWarnings("unchecked")
    private static String card(CommentedDraft draft, int row) {
        ComponentRenderer<? extends Component, PlacedComment> renderer =
                (ComponentRenderer<? extends Component, PlacedComment>) draft.margin.getColumnByKey("card")
                        .getRenderer();
        return renderer.createComponent(GridKt._get(draft.margin, row)).getElement().getTextRecursively();
    }

    @Test
    void the_editor_sees_the_round_comment_on_the_current_draft_with_the_disposition_once_recorded() {
        signInAs("editor2", Locale.ENGLISH);
        CommentsView view = openRoundMode();

        assertThat(view.shown.getItemLabelGenerator().apply(view.shown.getValue())).isEqualTo("Round 1: 征求意见稿");
        assertThat(GridKt._size(view.commented.margin)).isEqualTo(1);
        assertThat(card(view.commented, 0)).contains("CN-ABC-001", "te", "陈静", "CN-ABC", "7.4, now 8.1",
                "No disposition yet");
        assertThat(view.commented.html()).as("the quoted words are highlighted in the current draft")
                .contains("dr-cmark");
        _assertNone(Button.class, spec -> spec.withId("comment-general"));
        _assertNone(Button.class, spec -> spec.withId("comment-on-words"));
        assertThat(_get(Div.class, spec -> spec.withId("round-mode-banner")).getElement().getTextRecursively())
                .contains("New comments cannot be made here", "Back to the round");
        assertThat(_get(Anchor.class, spec -> spec.withId("back-to-round")).getHref())
                .isEqualTo("rounds/" + round.id());

        asUser("secretariat", () -> dispositions.record(comment.id(), Disposition.NOT_ACCEPTED,
                "Out of the scope of this standard.", null));
        startNewSession();
        signInAs("editor2", Locale.SIMPLIFIED_CHINESE);
        view = openRoundMode();
        assertThat(card(view.commented, 0)).contains("CN-ABC-001", "7.4（现为8.1）", "处理意见：未采纳",
                "Out of the scope of this standard.");
        assertThat(_get(Div.class, spec -> spec.withId("round-mode-banner")).getElement().getTextRecursively())
                .contains("此处不能提出新意见");
    }

    @Test
    void the_round_page_links_to_the_current_draft_and_the_selector_switches_between_the_margins() {
        signInAs("editor2", Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("rounds/" + round.id());
        Anchor link = _get(Anchor.class, spec -> spec.withId("round-on-current-draft"));
        assertThat(link.getText()).isEqualTo("在当前草案上查看");
        assertThat(link.getHref()).isEqualTo(CommentedDraft.carriedForwardHref(round.projectId(), round.id()));

        UI.getCurrent().navigate(CommentsView.href(round.projectId(), null));
        CommentsView view = _get(CommentsView.class);
        assertThat(view.shown.getValue()).as("the working draft's comments").isNull();
        assertThat(GridKt._size(view.commented.margin)).isZero();
        _get(Button.class, spec -> spec.withId("comment-general"));

        view.shown.setValue(view.shown.getListDataView().getItems().filter(r -> r.id() == round.id()).findFirst()
                .orElseThrow());
        view = _get(CommentsView.class);
        assertThat(view.commented.filter().roundId()).isEqualTo(round.id());
        assertThat(GridKt._size(view.commented.margin)).isEqualTo(1);
        _get(Div.class, spec -> spec.withId("round-mode-banner"));
    }

    @Test
    void a_reviewer_and_an_editor_of_another_working_group_are_refused() {
        signInAs("reviewer1");
        UI.getCurrent().navigate("rounds/" + round.id());
        _assertNone(Anchor.class, spec -> spec.withId("round-on-current-draft"));
        assertRefused(CommentedDraft.carriedForwardHref(round.projectId(), round.id()), CommentsView.class);

        startNewSession();
        signInAs("editor1");
        assertRefused(CommentedDraft.carriedForwardHref(round.projectId(), round.id()), CommentsView.class);

        // The round's comments placed in the working draft (its latest version, asked for by id: without a version
        // a reviewer gets them in the round's text).
        String[] latest = new String[1];
        asUser("secretariat", () -> latest[0] = drafts.history(round.projectId(), 0, 1).get(0).commitId());
        asUser("reviewer1", () -> assertThatThrownBy(() -> commentReader.find(round.projectId(), latest[0],
                CommentFilter.all().withRoundId(round.id()), 0, 10)).as("the service refuses, not only the view")
                .isInstanceOf(AccessDeniedException.class));
        asUser("editor1", () -> assertThatThrownBy(() -> dispositions.dispositions(round.id(), List.of(comment.id())))
                .isInstanceOf(AccessDeniedException.class));
    }

    /** Opening the address shows the refusal (Karibu's stand-in for the error view names it), not the view. */
    private static void assertRefused(String location, Class<? extends Component> view) {
        CommentsView.navigate(UI.getCurrent(), location);
        List<HasElement> shown = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        assertThat(shown).noneMatch(view::isInstance);
        assertThat(shown.get(0)).isInstanceOf(InternalServerError.class);
        assertThat(BasicUtilsKt.get_errorMessage((InternalServerError) shown.get(0)))
                .contains("AccessDeniedException");
    }
}
