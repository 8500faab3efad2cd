package org.draftroom.comments.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentStatus;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The comments view of the sample project {@code gbt-35273} (working group WG7, so {@code editor2} edits it). The
 * database is shared with other UI tests: every test writes comments with texts of its own and compares counts
 * before and after.
 */
class CommentsViewIT extends KaribuUiTest {

    private static final String PROJECT = "gbt-35273";

    @Autowired
    private CommentService comments;
    @Autowired
    private CommentReader commentReader;

    @Autowired
    private JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        signInAs("editor2");
    }

    private CommentedDraft open() {
        UI.getCurrent().navigate(CommentsView.href(PROJECT, null));
        return _get(CommentsView.class).commented;
    }

    private Comment comment(CommentType type, String clauseId, String body) {
        return comments.create(PROJECT, "", new CommentForm(null, type, clauseId, 0, 0, "", body, ""));
    }

    /** Opens the thread of a comment of the margin, as its card's Replies button does. */
    private static ThreadDialog thread(CommentedDraft view, long commentId) {
        PlacedComment shown = margin(view).stream().filter(p -> p.comment().id() == commentId).findFirst()
                .orElseThrow();
        return view.openThread(shown.comment(), shown.placement());
    }

    private static List<PlacedComment> margin(CommentedDraft view) {
        return IntStream.range(0, GridKt._size(view.margin)).mapToObj(i -> GridKt._get(view.margin, i)).toList();
    }

    @Test
    void the_outline_counts_the_comments_of_each_clause_and_the_margin_lists_them() {
        CommentedDraft before = open();
        int consent = before.counts().getOrDefault("c-consent", 0);
        int general = before.counts().getOrDefault("", 0);
        String text = "counted " + UUID.randomUUID();
        comment(CommentType.TE, "c-consent", text);
        comment(CommentType.GE, "", "general " + text);

        CommentedDraft view = open();
        assertThat(view.counts().get("c-consent")).isEqualTo(consent + 1);
        assertThat(view.counts().get("")).isEqualTo(general + 1);
        int total = view.counts().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(_get(view, Span.class, spec -> spec.withId("comment-total")).getText())
                .isEqualTo(total + " comments");
        assertThat(margin(view)).hasSize(total);
        assertThat(margin(view).get(0).placement().isGeneral()).as("general comments come first").isTrue();
        assertThat(margin(view)).anyMatch(p -> p.comment().body().equals(text)
                && p.placement().clauseNumber().equals("5.4"));
    }

    @Test
    void filters_by_type_status_and_clause_narrow_the_margin_and_the_counts() {
        String tag = UUID.randomUUID().toString();
        comment(CommentType.TE, "c-privacy-policy", "technical " + tag);
        Comment editorial = comment(CommentType.ED, "c-privacy-policy", "editorial " + tag);
        comments.resolve(editorial.id(), "fixed " + tag);

        CommentedDraft view = open();
        view.typeFilter.setValue(Set.of(CommentType.TE));
        assertThat(margin(view)).isNotEmpty().allMatch(p -> p.comment().type() == CommentType.TE)
                .anyMatch(p -> p.comment().body().equals("technical " + tag));

        view.typeFilter.clear();
        view.statusFilter.setValue(Set.of(CommentStatus.RESOLVED));
        assertThat(margin(view)).allMatch(p -> p.comment().status() == CommentStatus.RESOLVED)
                .anyMatch(p -> p.comment().body().equals("editorial " + tag));

        view.statusFilter.clear();
        view.clauseFilter.setValue(view.clauseFilter.getListDataView().getItems()
                .filter(i -> i.clauseId().equals("c-privacy-policy")).findFirst().orElseThrow());
        assertThat(margin(view)).isNotEmpty().allMatch(p -> p.placement().clauseId().equals("c-privacy-policy"));
        assertThat(view.counts().keySet()).containsExactly("c-privacy-policy");
    }

    @Test
    void an_over_long_comment_is_refused_and_the_typed_text_stays_in_the_dialog() {
        CommentedDraft view = open();
        CommentDialog dialog = view.openDialog(CommentDialog.Target.general());
        String tooLong = "这段意见太长。".repeat(1500);
        dialog.type.setValue(CommentType.GE);
        dialog.body.setValue(tooLong);
        dialog.proposed.setValue("keep me");
        clickAsTheBrowserWould(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.body.getValue()).isEqualTo(tooLong);
        assertThat(dialog.proposed.getValue()).isEqualTo("keep me");
        assertThat(dialog.body.isInvalid()).isTrue();
        assertThat(dialog.body.getErrorMessage()).contains("10,000").contains("10,500");
    }

    /** The card the margin shows for a comment, as the browser would receive it. */
    private static String cardText(CommentedDraft view, long commentId) {
        return card(view, commentId).getElement().getTextRecursively();
    }

    /** The card's HTML (with the rendered Markdown, which is not text of the element tree). */
    private static String cardHtml(CommentedDraft view, long commentId) {
        return card(view, commentId).getElement().getOuterHTML();
    }

    @SuppressWarnings("unchecked")
    private static CommentCard card(CommentedDraft view, long commentId) {
        PlacedComment placed = margin(view).stream().filter(p -> p.comment().id() == commentId).findFirst()
                .orElseThrow();
        var renderer = (com.vaadin.flow.data.renderer.ComponentRenderer<CommentCard, PlacedComment>)
                view.margin.getColumnByKey("card").getRenderer();
        return renderer.createComponent(placed);
    }

    @Test
    void comments_made_on_an_earlier_version_show_the_new_number_or_that_their_words_changed() {
        String tag = UUID.randomUUID().toString();
        Comment renumbered = comments.create(PROJECT, "wd-1", new CommentForm(null, CommentType.TE,
                "c-right-access", 0, 0, "", "renumbered " + tag, ""));
        DraftDocumentWords old = new DraftDocumentWords("c-consent", "同意的范围是否涵盖本方的用途");
        Comment outdated = comments.create(PROJECT, "wd-1", old.form(drafts(), "outdated " + tag));

        CommentedDraft view = open();
        assertThat(cardText(view, renumbered.id())).contains("7.4, now 8.1").contains(renumbered.readableId());
        String card = cardText(view, outdated.id());
        assertThat(card).contains("The quoted text has been changed since this comment was written.")
                .contains("同意的范围是否涵盖本方的用途").contains("Made on version");
        assertThat(view.html()).doesNotContain("data-comments=\"" + outdated.id() + "\"");
    }

    @Test
    void the_draft_toolbar_offers_the_comments_with_their_number() {
        int n = commentReader.count(PROJECT, org.draftroom.comments.domain.CommentFilter.all());
        UI.getCurrent().navigate("projects/" + PROJECT);
        var button = _get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("open-comments"));
        assertThat(button.getText()).isEqualTo("Comments (" + n + ")");
        clickAsTheBrowserWould(button);
        assertThat(_get(CommentsView.class).commented).isNotNull();
    }

    @Autowired
    private org.draftroom.drafts.service.DraftService draftService;

    private org.draftroom.drafts.service.DraftService drafts() {
        return draftService;
    }

    /** Words of a clause at the version {@code wd-1}, as a comment form on them. */
    private record DraftDocumentWords(String clauseId, String words) {
        CommentForm form(org.draftroom.drafts.service.DraftService drafts, String body) {
            String text = drafts.open(PROJECT, "wd-1").document().require(clauseId).body();
            int at = text.indexOf(words);
            return new CommentForm(null, CommentType.TE, clauseId, at, at + words.length(), words, body, "");
        }
    }

    @Autowired
    private org.draftroom.drafts.service.ProjectService projects;

    @Test
    void a_comment_whose_clause_was_deleted_is_shown_under_general_with_a_note() {
        String code = "GB/T 97" + (System.nanoTime() % 100_000);
        org.draftroom.drafts.domain.Project[] created = new org.draftroom.drafts.domain.Project[1];
        asUser("secretariat", () -> created[0] = projects.create(new org.draftroom.drafts.domain.ProjectForm(code,
                "意见界面测试", "Comments view test", org.draftroom.drafts.domain.DocumentType.GB_T, "WG7",
                org.draftroom.drafts.domain.Stage.DRAFTING, "", null),
                org.draftroom.drafts.domain.DraftFormat.parse("# 范围 {#scope}\n\n本文件规定了要求。\n\n"
                        + "# 要求 {#req}\n\n应删除无用数据。\n")));
        String project = created[0].id();
        Comment made = comments.create(project, "", new CommentForm(null, CommentType.TE, "req", 1, 6, "应删除无用",
                "orphan " + UUID.randomUUID(), ""));
        var latest = draftService.open(project, null);
        draftService.save(project, latest.version().commitId(),
                org.draftroom.drafts.domain.Outline.deleteClause(latest.document(), "req").text(), "Drop clause 2");
        Awaitility.await("the comment to lose its clause").atMost(Duration.ofSeconds(10)).pollInSameThread()
                .pollInterval(Duration.ofMillis(100)).until(() -> commentReader.get(made.id()).placement().status()
                        == org.draftroom.comments.anchoring.Placement.Status.ORPHANED);

        UI.getCurrent().navigate(CommentsView.href(project, null));
        CommentedDraft view = _get(CommentsView.class).commented;
        assertThat(view.counts()).containsEntry("", 1).doesNotContainKey("req");
        assertThat(cardText(view, made.id())).contains("Clause 2 \"要求\" has been deleted")
                .contains("General").contains("应删除无用");
    }

    @Test
    void picking_a_clause_in_the_outline_comments_on_the_whole_clause() {
        CommentedDraft view = open();
        assertThat(view.commentClause.isEnabled()).isFalse();
        view.selectClause("c-cessation");
        assertThat(view.commentClause.isEnabled()).isTrue();
        view.commentOnClause();
        CommentDialog dialog = _get(CommentDialog.class);
        assertThat(dialog.proposed.getValue()).as("the clause text, to edit into a proposal")
                .isEqualTo(draftService.open(PROJECT, null).document().require("c-cessation").body());
        dialog.type.setValue(CommentType.GE);
        String text = "whole clause " + UUID.randomUUID();
        dialog.body.setValue(text);
        clickAsTheBrowserWould(dialog.save);

        Comment made = margin(view).stream().map(PlacedComment::comment).filter(c -> c.body().equals(text))
                .findFirst().orElseThrow();
        assertThat(made.anchor().clauseId()).isEqualTo("c-cessation");
        assertThat(made.anchor().hasQuote()).isFalse();
        assertThat(made.hasProposedChange()).as("an unchanged clause text is no proposal").isFalse();
    }

    @Test
    void a_comment_needs_a_type_and_a_text() {
        CommentedDraft view = open();
        CommentDialog dialog = view.openDialog(CommentDialog.Target.general());
        dialog.body.setValue("no type yet");
        clickAsTheBrowserWould(dialog.save);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.type.isInvalid()).isTrue();
        assertThat(dialog.body.getValue()).isEqualTo("no type yet");
    }

    @Test
    void selected_words_become_the_quote_and_are_highlighted() {
        CommentedDraft view = open();
        String words = "单独告知所需的个人敏感信息";
        String rendered = DraftMarks.clauseText(view.html(), "c-consent");
        int start = rendered.indexOf(words);
        view.selected("c-consent", start, start + words.length(), words);
        assertThat(view.commentWords.isEnabled()).isTrue();

        view.commentOnSelection();
        CommentDialog dialog = _get(CommentDialog.class);
        dialog.type.setValue(CommentType.ED);
        String text = "quote " + UUID.randomUUID();
        dialog.body.setValue(text);
        dialog.proposed.setValue("单独告知所需的敏感个人信息");
        assertThat(dialog.preview.isVisible()).isTrue();
        clickAsTheBrowserWould(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        Comment made = margin(view).stream().map(PlacedComment::comment).filter(c -> c.body().equals(text))
                .findFirst().orElseThrow();
        assertThat(made.anchor().quote()).isEqualTo(words);
        assertThat(made.proposedChange()).isEqualTo("单独告知所需的敏感个人信息");
        assertThat(view.html()).contains("data-comments=\"" + made.id() + "\">" + words + "</mark>");
    }

    @Test
    void a_thread_takes_replies_and_resolving_needs_a_reason() {
        String text = "thread " + UUID.randomUUID();
        Comment made = comment(CommentType.GE, "c-retention", text);
        CommentedDraft view = open();
        ThreadDialog thread = thread(view, made.id());
        thread.reply.setValue("我同意这条意见。");
        clickAsTheBrowserWould(_get(thread, com.vaadin.flow.component.button.Button.class,
                spec -> spec.withId("reply-send")));
        assertThat(commentReader.replies(made.id())).extracting(r -> r.body())
                .containsExactly("我同意这条意见。");

        var resolve = _get(thread, com.vaadin.flow.component.button.Button.class,
                spec -> spec.withId("comment-resolve"));
        clickAsTheBrowserWould(resolve);
        assertThat(thread.reason.isInvalid()).isTrue();
        assertThat(commentReader.get(made.id()).status()).isEqualTo(CommentStatus.OPEN);
        thread.reason.setValue("Done in the next draft");
        clickAsTheBrowserWould(resolve);
        assertThat(commentReader.get(made.id()).status()).isEqualTo(CommentStatus.RESOLVED);
        assertThat(margin(view).stream().filter(p -> p.comment().id() == made.id()).findFirst().orElseThrow()
                .comment().replyCount()).isEqualTo(1);
    }

    @Test
    void a_stored_comment_nested_too_deeply_shows_as_such_and_the_page_and_the_other_comments_still_render() {
        String text = "deep " + UUID.randomUUID();
        Comment planted = comment(CommentType.GE, "", text);
        String neighbour = "neighbour " + UUID.randomUUID();
        Comment other = comment(CommentType.GE, "", neighbour);
        // as stored before the limit existed: straight into the database, past the service's check
        jdbc.sql("update comment set body = :b where id = :id").param("b", ">".repeat(10_000) + " " + text)
                .param("id", planted.id()).update();

        CommentedDraft view = open();
        assertThat(cardHtml(view, planted.id()))
                .contains("This comment cannot be displayed.").doesNotContain("blockquote");
        assertThat(cardHtml(view, other.id())).contains(neighbour);
    }

    @Test
    void the_secretariat_hides_a_comment_from_its_thread_with_a_reason_and_an_editor_is_not_offered_it() {
        String text = "abusive " + UUID.randomUUID();
        Comment abusive = comment(CommentType.GE, "", text);
        ThreadDialog editorsThread = thread(open(), abusive.id());
        assertThat(_find(editorsThread, Button.class, spec -> spec.withId("comment-hide"))).isEmpty();
        editorsThread.close();

        signInAs("secretariat");
        ThreadDialog thread = thread(open(), abusive.id());
        _click(_get(thread, Button.class, spec -> spec.withId("comment-hide")));
        assertThat(_get(thread, TextArea.class, spec -> spec.withId("moderation-reason")).isInvalid()).isTrue();
        _setValue(_get(thread, TextArea.class, spec -> spec.withId("moderation-reason")), "insults a member");
        _click(_get(thread, Button.class, spec -> spec.withId("comment-hide")));

        assertThat(thread.getElement().getOuterHTML()).contains("insults a member").doesNotContain(text);
        assertThat(cardHtml(open(), abusive.id()))
                .contains("Hidden by the secretariat: insults a member").doesNotContain(text);
    }
}
