package org.draftroom.comments.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.draftroom.IntegrationTest;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.Messages;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.anchoring.Placement.Status;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentEvent;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentStatus;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.domain.Reply;
import org.draftroom.comments.web.CommentMarkdown;
import org.draftroom.drafts.DraftVersionCommitted;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.SignedIn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Comments through the service boundary, against the real database and Git repositories: comments made on the 2017
 * edition of the GB/T 35273 sample follow the save of the 2020 restructuring; replies, resolving and applying a
 * proposed change; bad input.
 */
@IntegrationTest
class CommentServiceIT {

    static final String SAMPLE = "gbt-35273";
    private static final AtomicInteger CODES = new AtomicInteger();

    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired DraftService drafts;
    @Autowired ProjectService projects;
    @Autowired UserDetailsService users;
    @Autowired ApplicationEventPublisher events;
    @Autowired Messages messages;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    /** A fresh WG7 project holding the sample text of {@code tag} ("wd-1": 2017, "cd-1": 2020). */
    Project freshProject(String tag) {
        return freshProject(drafts, projects, users, tag);
    }

    static Project freshProject(DraftService drafts, ProjectService projects, UserDetailsService users, String tag) {
        SignedIn.as(users, "secretariat");
        DraftDocument text = drafts.open(SAMPLE, tag).document();
        Project project = projects.create(new ProjectForm("GB/T 95" + String.format("%03d", CODES.incrementAndGet())
                        + "." + System.nanoTime() % 100_000, "评论测试", "Comment test", DocumentType.GB_T, "WG7",
                Stage.DRAFTING, "20.20", "CN-BCL"), text);
        SignedIn.nobody();
        return project;
    }

    /** The form the browser sends for a selection of the only occurrence of {@code quote} in the clause's body. */
    CommentForm on(String projectId, String clauseId, String quote, String body, String proposed) {
        String text = drafts.open(projectId, null).document().require(clauseId).body();
        int start = text.indexOf(quote);
        assertThat(start).as(quote + " in " + clauseId).isNotNegative();
        return new CommentForm(null, CommentType.TE, clauseId, start, start + quote.length(), quote, body, proposed);
    }

    private String head(String projectId) {
        return drafts.history(projectId, 0, 1).get(0).commitId();
    }

    @Test
    void comments_made_on_2017_follow_the_2020_restructuring_after_the_save() {
        Project project = freshProject("wd-1");
        SignedIn.as(users, "editor2");
        String v2017 = head(project.id());
        Comment moved = comments.create(project.id(), v2017,
                on(project.id(), "c-right-access", "控制者所保存的其个人信息的类型和内容", "请补充查询期限。", ""));
        Comment rewritten = comments.create(project.id(), v2017,
                on(project.id(), "c-right-withdrawal", "提供撤回同意的途径", "表述不清。", ""));
        Comment deleted = comments.create(project.id(), v2017,
                on(project.id(), "c-security-capability", "个人信息控制者", "本条是否保留？", ""));
        Comment wholeClause = comments.create(project.id(), v2017,
                new CommentForm(null, CommentType.ED, "c-complaints", 0, 0, "", "整条措辞需统一。", ""));
        Comment general = comments.create(project.id(), "",
                new CommentForm(null, CommentType.GE, "", 0, 0, "", "建议全文统一术语。", ""));

        drafts.save(project.id(), v2017, drafts.open(SAMPLE, "cd-1").document().text(), "Restructure as in 2020");
        String v2020 = head(project.id());

        Comment access = commentReader.get(moved.id());
        assertThat(access.placementCommitId()).isEqualTo(v2020);
        assertThat(access.placement().status()).isEqualTo(Status.ANCHORED);
        assertThat(access.anchor().clauseNumber()).isEqualTo("7.4");
        assertThat(access.placement().clauseNumber()).as("shown as \"7.4, now 8.1\"").isEqualTo("8.1");
        assertThat(highlighted(project.id(), v2020, access.placement())).isEqualTo(access.anchor().quote());

        Comment outdated = commentReader.get(rewritten.id());
        assertThat(outdated.placement().status()).isEqualTo(Status.OUTDATED);
        assertThat(outdated.placement().clauseNumber()).isEqualTo("8.4");
        assertThat(outdated.anchor().quote()).isEqualTo("提供撤回同意的途径");
        assertThat(commentReader.history(rewritten.id())).extracting(CommentEvent::kind)
                .containsExactly(CommentEvent.CREATED, CommentEvent.REANCHORED);
        assertThat(commentReader.history(rewritten.id()).get(1).detail()).isEqualTo("ANCHORED OUTDATED " + v2020);

        Comment orphaned = commentReader.get(deleted.id());
        assertThat(orphaned.placement().status()).isEqualTo(Status.ORPHANED);
        assertThat(orphaned.placement().isGeneral()).isTrue();
        assertThat(orphaned.placement().noteKey()).contains("comment.anchor.orphaned");

        assertThat(commentReader.get(wholeClause.id()).placement().clauseNumber()).isEqualTo("8.8");
        assertThat(commentReader.history(moved.id())).as("no status change, no history entry")
                .extracting(CommentEvent::kind).containsExactly(CommentEvent.CREATED);

        List<PlacedComment> margin = commentReader.find(project.id(), null, CommentFilter.all(), 0, 50);
        assertThat(margin).extracting(p -> p.comment().id()).as("document level first, then in clause order")
                .containsExactly(general.id(), deleted.id(), moved.id(), rewritten.id(), wholeClause.id());
        assertThat(commentReader.countsByClause(project.id(), null, CommentFilter.all()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("", 2, "c-right-access", 1, "c-right-withdrawal", 1,
                        "c-complaints", 1));
        assertThat(commentReader.find(project.id(), null, CommentFilter.all().withOutdatedOnly(true), 0, 50))
                .extracting(p -> p.comment().id()).containsExactly(rewritten.id());

        List<PlacedComment> in2017 = commentReader.find(project.id(), v2017, CommentFilter.all(), 0, 50);
        assertThat(in2017).as("in the version they were made on, every comment stands where it was made")
                .allSatisfy(p -> assertThat(p.placement()).isEqualTo(Placement.initial(p.comment().anchor())));
        assertThat(in2017).filteredOn(p -> p.comment().id() == deleted.id()).singleElement()
                .satisfies(p -> assertThat(p.placement().clauseId()).isEqualTo("c-security-capability"));
        assertThat(commentReader.countsByClause(project.id(), v2017, CommentFilter.all()))
                .containsEntry("c-security-capability", 1).containsEntry("", 1);
    }

    @Test
    void a_re_delivered_version_event_changes_nothing() {
        Project project = freshProject("wd-1");
        SignedIn.as(users, "editor2");
        String v2017 = head(project.id());
        Comment rewritten = comments.create(project.id(), v2017,
                on(project.id(), "c-right-withdrawal", "提供撤回同意的途径", "表述不清。", ""));
        drafts.save(project.id(), v2017, drafts.open(SAMPLE, "cd-1").document().text(), "Restructure as in 2020");
        Comment after = commentReader.get(rewritten.id());

        events.publishEvent(new DraftVersionCommitted(project.id(), head(project.id()), v2017));
        events.publishEvent(new DraftVersionCommitted(project.id(), v2017, null));

        assertThat(commentReader.get(rewritten.id())).isEqualTo(after);
        assertThat(commentReader.history(rewritten.id())).hasSize(2);
    }

    @Test
    void a_comment_that_cannot_be_carried_never_blocks_a_save_nor_the_other_comments() {
        Project project = freshProject("wd-1");
        SignedIn.as(users, "editor2");
        String v2017 = head(project.id());
        Comment fine = comments.create(project.id(), v2017,
                on(project.id(), "c-right-access", "控制者所保存的其个人信息的类型和内容", "请补充查询期限。", ""));
        Comment broken = comments.create(project.id(), v2017,
                on(project.id(), "c-right-withdrawal", "撤回的操作不应比给出同意的操作更复杂", "x", ""));
        String lost = "0123456789abcdef0123456789abcdef01234567";
        jdbc.sql("update comment set placement_commit = :lost, anchor_commit = :lost where id = :id")
                .param("lost", lost).param("id", broken.id()).update();

        DraftService.SaveResult saved = drafts.save(project.id(), v2017,
                drafts.open(SAMPLE, "cd-1").document().text(), "Restructure as in 2020");

        assertThat(saved.changed()).isTrue();
        assertThat(commentReader.get(fine.id()).placementCommitId()).isEqualTo(saved.version().commitId());
        assertThat(commentReader.get(fine.id()).placement().clauseNumber()).isEqualTo("8.1");
        assertThat(commentReader.get(broken.id()).placementCommitId()).as("kept where it was").isEqualTo(lost);
        assertThat(commentReader.find(project.id(), null, CommentFilter.all(), 0, 10))
                .filteredOn(p -> p.comment().id() == broken.id()).singleElement()
                .satisfies(p -> assertThat(p.placement().status()).as("its words cannot be verified: no highlight")
                        .isEqualTo(Status.OUTDATED));
    }

    @Test
    void readable_ids_count_per_project_and_organisation() {
        Project project = freshProject("cd-1");
        SignedIn.as(users, "editor2");
        Comment first = comments.create(project.id(), null, general("一"));
        Comment second = comments.create(project.id(), null, general("二"));
        SignedIn.as(users, "secretariat");
        Comment secretariat = comments.create(project.id(), null, general("三"));

        assertThat(List.of(first.readableId(), second.readableId(), secretariat.readableId()))
                .containsExactly("CN-BCL-001", "CN-BCL-002", "CN-CESI-001");
        assertThat(first.authorName()).isEqualTo("刘洋 Liu Yang");
        assertThat(commentReader.count(project.id(), CommentFilter.all().withOrganisationId(first.organisationId())))
                .isEqualTo(2);
    }

    @Test
    void thread_resolve_and_reopen_are_kept_in_the_history() {
        Project project = freshProject("cd-1");
        SignedIn.as(users, "editor2");
        Comment comment = comments.create(project.id(), null, general("请统一术语。"));
        SignedIn.as(users, "secretariat");
        Reply reply = comments.reply(comment.id(), "同意，将在下一稿修改。");
        assertThatThrownBy(() -> comments.resolve(comment.id(), " "))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("comment.reason.required"));
        Comment resolved = comments.resolve(comment.id(), "已在 WD-2 修改");
        SignedIn.as(users, "editor2");
        Comment reopened = comments.reopen(comment.id(), "仍有遗漏");

        assertThat(reply.authorName()).isNotBlank();
        assertThat(commentReader.replies(comment.id())).extracting(Reply::body)
                .containsExactly("同意，将在下一稿修改。");
        assertThat(resolved.status()).isEqualTo(CommentStatus.RESOLVED);
        assertThat(reopened.status()).isEqualTo(CommentStatus.OPEN);
        assertThat(reopened.replyCount()).isEqualTo(1);
        assertThat(commentReader.history(comment.id())).extracting(CommentEvent::kind, CommentEvent::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CommentEvent.CREATED, ""),
                        org.assertj.core.groups.Tuple.tuple(CommentEvent.REPLIED, ""),
                        org.assertj.core.groups.Tuple.tuple(CommentEvent.RESOLVED, "已在 WD-2 修改"),
                        org.assertj.core.groups.Tuple.tuple(CommentEvent.REOPENED, "仍有遗漏"));
    }

    @Test
    void applying_a_proposed_change_saves_a_version_named_after_the_comment_and_links_it() {
        Project project = freshProject("cd-1");
        SignedIn.as(users, "editor2");
        Comment comment = comments.create(project.id(), null, on(project.id(), "c-right-access",
                "控制者所保存的其个人信息的类型和内容", "应明确范围。\n第二行不进提交说明。", "控制者所保存的其个人信息的类型、内容和来源"));

        Comment applied = comments.applyProposedChange(comment.id());

        var latest = drafts.history(project.id(), 0, 1).get(0);
        assertThat(applied.appliedCommitId()).isEqualTo(latest.commitId());
        assertThat(applied.status()).isEqualTo(CommentStatus.RESOLVED);
        assertThat(latest.subject()).isEqualTo("Apply comment CN-BCL-001");
        assertThat(latest.message()).contains("Draftroom-Action: apply-comment CN-BCL-001\nDraftroom-Clause: c-right-access")
                .doesNotContain("应明确范围");
        assertThat(drafts.open(project.id(), null).document().require("c-right-access").body())
                .contains("控制者所保存的其个人信息的类型、内容和来源");
        assertThat(commentReader.history(comment.id())).extracting(CommentEvent::kind).contains(CommentEvent.APPLIED);
        assertThatThrownBy(() -> comments.applyProposedChange(comment.id()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("comment.apply.already"));
    }

    @Test
    void a_comment_over_the_limit_is_refused_with_the_limit_in_the_message() {
        Project project = freshProject("cd-1");
        SignedIn.as(users, "editor2");
        String tooLong = "很".repeat(CommentService.MAX_TEXT + 1);

        assertThatThrownBy(() -> comments.create(project.id(), null, general(tooLong)))
                .isInstanceOfSatisfying(FieldProblemException.class, e -> {
                    assertThat(e.fieldKey()).isEqualTo("comment.body");
                    assertThat(messages.of(e, Locale.ENGLISH)).contains("10,000", "10,001");
                    assertThat(messages.of(e, Messages.CHINESE)).contains("10,000");
                });
        assertThatThrownBy(() -> comments.create(project.id(), null,
                new CommentForm(null, CommentType.TE, "", 0, 0, "", "ok", tooLong)))
                .isInstanceOfSatisfying(FieldProblemException.class,
                        e -> assertThat(e.fieldKey()).isEqualTo("comment.proposed-change"));
        assertThat(commentReader.count(project.id(), CommentFilter.all())).isZero();
    }

    @Test
    void a_quote_that_is_not_in_the_version_is_refused_at_creation() {
        Project project = freshProject("wd-1");
        SignedIn.as(users, "editor2");
        CommentForm form = on(project.id(), "c-right-withdrawal", "提供撤回同意的途径", "表述不清。", "");
        drafts.save(project.id(), head(project.id()), drafts.open(SAMPLE, "cd-1").document().text(), "2020");

        assertThatThrownBy(() -> comments.create(project.id(), null, form))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("comment.quote.missing"));
        assertThatThrownBy(() -> comments.create(project.id(), null, new CommentForm(null, CommentType.TE,
                "c-right-withdrawal", 0, 3, "不存在", "x", "")))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("comment.quote.missing"));
        assertThatThrownBy(() -> comments.create(project.id(), null, new CommentForm(null, null, "", 0, 0, "", "x",
                "")))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("comment.type.required"));
    }

    @Test
    void script_in_a_comment_is_kept_as_typed_and_rendered_inert() {
        Project project = freshProject("cd-1");
        SignedIn.as(users, "editor2");
        String body = "<script>alert(document.cookie)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))";

        Comment comment = comments.create(project.id(), null, general(body));

        assertThat(commentReader.get(comment.id()).body()).isEqualTo(body);
        var html = Jsoup.parseBodyFragment(CommentMarkdown.toSafeHtml(comment.body()));
        assertThat(html.select("script, img, [onerror], a[href]")).isEmpty();
    }

    @Test
    void comments_of_a_round_that_does_not_exist_are_refused() {
        Project project = freshProject("cd-1");
        SignedIn.as(users, "secretariat");

        assertThatThrownBy(() -> comments.create(project.id(), null,
                new CommentForm(999_999L, CommentType.GE, "", 0, 0, "", "x", "")))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("round.not-found"));
        assertThatThrownBy(() -> commentReader.find(project.id(), null, CommentFilter.all().withRoundId(999_999L), 0,
                10))
                .as("reading an unknown round says no more than that it may not be read")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void comment_types_are_read_in_any_of_their_names() {
        assertThat(List.of("ge", "GE", "Ge", "general", "一般", "te", "technical", "技术", "ed", "Editorial", "编辑"))
                .extracting(CommentType::ofCode).containsExactly(CommentType.GE, CommentType.GE, CommentType.GE,
                        CommentType.GE, CommentType.GE, CommentType.TE, CommentType.TE, CommentType.TE,
                        CommentType.ED, CommentType.ED, CommentType.ED);
        assertThatThrownBy(() -> CommentType.ofCode("xx")).isInstanceOf(UserFacingException.class);
        assertThat(Set.of(CommentType.values())).extracting(CommentType::code).containsExactlyInAnyOrder("ge", "te",
                "ed");
    }

    static CommentForm general(String body) {
        return new CommentForm(null, CommentType.GE, "", 0, 0, "", body, "");
    }

    private String highlighted(String projectId, String commit, Placement placement) {
        Placement.Span span = placement.highlight().orElseThrow();
        return drafts.open(projectId, commit).document().require(placement.clauseId()).body()
                .substring(span.start(), span.end());
    }
}
