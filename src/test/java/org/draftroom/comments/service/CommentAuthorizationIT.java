package org.draftroom.comments.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.draftroom.IntegrationTest;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentStatus;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who may comment, reply, resolve and apply on a WG7 project's working draft, asked of the service itself for each
 * role: editor2 (WG7 editor, the comments' author), editor1 (editor of WG1 only), reviewer1, the secretariat, the
 * administrator, and nobody signed in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentAuthorizationIT {

    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired DraftService drafts;
    @Autowired ProjectService projects;
    @Autowired UserDetailsService users;

    private Project project;

    @BeforeAll
    void createProject() {
        project = CommentServiceIT.freshProject(drafts, projects, users, "cd-1");
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    enum Operation { READ, COMMENT, REPLY, RESOLVE, APPLY }

    private static final Map<String, Set<Operation>> ALLOWED = Map.of(
            "editor2", Set.of(Operation.values()),
            "secretariat", Set.of(Operation.values()),
            "admin", Set.of(Operation.READ, Operation.COMMENT, Operation.REPLY),
            "editor1", Set.of(),
            "reviewer1", Set.of(),
            "", Set.of());

    static Stream<Arguments> cases() {
        return ALLOWED.keySet().stream()
                .flatMap(user -> Stream.of(Operation.values()).map(op -> Arguments.of(user, op)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void each_role_may_do_exactly_what_the_rules_say(String user, Operation operation) {
        Comment comment = authorsComment();
        as(user);

        Throwable refusal = catchThrowable(() -> run(operation, comment));

        if (ALLOWED.get(user).contains(operation)) {
            assertThat(refusal).as(user + " may " + operation).isNull();
        } else {
            assertThat(refusal).as(user + " may not " + operation)
                    .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
        }
    }

    @Test
    void the_author_may_resolve_their_own_comment_even_without_editing_rights() {
        SignedIn.as(users, "admin");
        Comment own = comments.create(project.id(), null, CommentServiceIT.general("管理员的意见"));

        assertThat(comments.resolve(own.id(), "自行撤回").status()).isEqualTo(CommentStatus.RESOLVED);
    }

    @Test
    void only_the_author_edits_and_only_while_open() {
        Comment comment = authorsComment();
        SignedIn.as(users, "secretariat");
        assertThatThrownBy(() -> comments.edit(comment.id(), CommentType.ED, "改", ""))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.as(users, "editor2");
        assertThat(comments.edit(comment.id(), CommentType.ED, "改为编辑性意见", "").type()).isEqualTo(CommentType.ED);
    }

    /** A whole-clause comment by editor2 on the scope, proposing a text no earlier comment proposed. */
    private Comment authorsComment() {
        SignedIn.as(users, "editor2");
        Comment c = comments.create(project.id(), null, new CommentForm(null, CommentType.TE, "scope", 0, 0, "",
                "范围应更具体。", "本文件规定了个人信息处理活动的安全要求（" + System.nanoTime() + "）。"));
        SignedIn.nobody();
        return c;
    }

    private void as(String user) {
        if (user.isEmpty()) {
            SignedIn.nobody();
        } else {
            SignedIn.as(users, user);
        }
    }

    private void run(Operation operation, Comment comment) {
        switch (operation) {
            case READ -> {
                commentReader.get(comment.id());
                commentReader.find(project.id(), null, CommentFilter.all(), 0, 10);
            }
            case COMMENT -> comments.create(project.id(), null, CommentServiceIT.general("意见"));
            case REPLY -> comments.reply(comment.id(), "回复");
            case RESOLVE -> comments.resolve(comment.id(), "已处理");
            case APPLY -> comments.applyProposedChange(comment.id());
        }
    }
}
