package org.draftroom.comments.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.security.SignedIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Profile {@code crash-saves} (for {@link ReanchoringCrashIT} only): once the application is ready, {@code editor2}
 * comments on six Chinese characters of the sample project's first clause that has them (the comment's id goes to
 * {@code draftroom.test.comment-file}) and then saves a version in which those words are rewritten, so that
 * re-anchoring must mark the comment outdated.
 */
@Component
@Profile("crash-saves")
class RewriteAfterComment {

    static final String PROJECT = "gbt-35273";
    private static final Pattern WORDS = Pattern.compile("[\\u4e00-\\u9fff]{6}");

    private final UserDetailsService users;
    private final DraftService drafts;
    private final CommentService comments;
    private final Path commentFile;

    RewriteAfterComment(UserDetailsService users, DraftService drafts, CommentService comments,
                        @Value("${draftroom.test.comment-file}") Path commentFile) {
        this.users = users;
        this.drafts = drafts;
        this.comments = comments;
        this.commentFile = commentFile;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread thread = new Thread(this::commentAndRewrite, "crash-saves");
        thread.start();
    }

    private void commentAndRewrite() {
        SignedIn.as(users, "editor2");
        DraftService.DraftSnapshot head = drafts.open(PROJECT, null);
        for (Clause clause : head.document().clauses()) {
            Matcher words = WORDS.matcher(clause.body());
            if (words.find()) {
                Comment comment = comments.create(PROJECT, head.version().commitId(), new CommentForm(null,
                        CommentType.ED, clause.id(), words.start(), words.end(), words.group(), "崩溃测试", null));
                try {
                    Files.writeString(commentFile, Long.toString(comment.id()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                String rewritten = clause.body().substring(0, words.start()) + "改写后的其他文字"
                        + clause.body().substring(words.end());
                drafts.save(PROJECT, head.version().commitId(),
                        Outline.replaceBody(head.document(), clause.id(), rewritten).text(), "Rewrite the quoted words");
                return;
            }
        }
        throw new IllegalStateException("No clause of " + PROJECT + " has six Chinese characters in a row");
    }
}
