package org.draftroom.comments.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.ZoneId;
import java.util.List;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.base.ui.Times;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentEvent;
import org.draftroom.comments.domain.CommentStatus;
import org.draftroom.comments.domain.Reply;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.comments.web.CommentMarkdown;

/**
 * A comment's thread: the comment, its replies and a reply field, resolving or reopening with a required reason, its
 * history, and for editors of the project's working group and the secretariat "apply proposed change", which saves
 * a version and links to it. Whatever is typed stays when the service refuses it.
 */
class ThreadDialog extends Dialog {

    private final CommentService comments;
    private final CommentReader reader;
    private final String projectId;
    private final Placement placement;
    private final ZoneId zone;
    private final boolean mayApply;
    private final boolean mayModerate;
    private final Runnable changed;

    final Div content = new Div();
    final TextArea reply = new TextArea();
    final TextArea reason = new TextArea();

    ThreadDialog(CommentService comments, CommentReader reader, Comment comment, Placement placement, ZoneId zone,
                 boolean mayApply,
                 boolean mayModerate, Runnable changed) {
        this.comments = comments;
        this.reader = reader;
        this.projectId = comment.projectId();
        this.placement = placement;
        this.zone = zone;
        this.mayApply = mayApply;
        this.mayModerate = mayModerate;
        this.changed = changed;
        setId("thread-dialog");
        setWidth("min(820px, 96vw)");
        reply.setLabel(getTranslation("comment.ui.reply"));
        reply.setWidthFull();
        reply.setId("reply-text");
        reason.setLabel(getTranslation("comment.ui.reason"));
        reason.setWidthFull();
        reason.setId("status-reason");
        add(content);
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("thread-close");
        getFooter().add(close);
        show(comment);
    }

    private void show(Comment comment) {
        setHeaderTitle(comment.readableId());
        content.removeAll();
        content.add(new CommentCard(comment, placement, projectId, zone, c -> { }, c -> { }));

        Div replies = new Div();
        replies.addClassName("dr-thread-replies");
        replies.setId("thread-replies");
        for (Reply r : reader.replies(comment.id())) {
            Div one = new Div(new Span(r.authorName() + " · " + Times.minutes(r.createdAt(), zone)),
                    new Html("<div class=\"dr-ccard-body\">" + CommentCard.bodyHtml(this, r.body()) + "</div>"));
            one.addClassName("dr-thread-reply");
            replies.add(one);
        }
        Button send = new Button(getTranslation("comment.ui.reply.send"), e -> {
            try {
                comments.reply(comment.id(), reply.getValue());
                reply.clear();
                reply.setInvalid(false);
                changed.run();
                show(reader.get(comment.id()));
            } catch (UserFacingException refusal) {
                refuse(reply, refusal);
            }
        });
        send.setId("reply-send");
        content.add(replies, reply, send);

        boolean open = comment.status() == CommentStatus.OPEN;
        if (mayModerate) {
            Button status = new Button(getTranslation(open ? "comment.ui.resolve" : "comment.ui.reopen"), e -> {
                if (reason.getValue().isBlank()) {
                    reason.setErrorMessage(getTranslation("comment.ui.reason.required"));
                    reason.setInvalid(true);
                    return;
                }
                try {
                    Comment now = open ? comments.resolve(comment.id(), reason.getValue())
                            : comments.reopen(comment.id(), reason.getValue());
                    reason.clear();
                    reason.setInvalid(false);
                    changed.run();
                    show(now);
                } catch (UserFacingException refusal) {
                    refuse(reason, refusal);
                }
            });
            status.setId(open ? "comment-resolve" : "comment-reopen");
            Div statusBox = new Div(reason, status);
            statusBox.addClassName("dr-thread-status");
            content.add(statusBox);
        }
        if (comments.mayTakeDown() && !comment.moderated()) {
            content.add(takeDown(comment));
        }
        if (comment.appliedCommitId() != null) {
            Anchor applied = new Anchor(CommentsView.draftHref(projectId, comment.appliedCommitId()),
                    getTranslation("comment.ui.applied-in", CommentCard.shortId(comment.appliedCommitId())));
            applied.setId("applied-version");
            content.add(new Div(applied));
        } else if (mayApply && comment.hasProposedChange() && open) {
            Button apply = new Button(getTranslation("comment.ui.apply"), e -> {
                try {
                    Comment now = comments.applyProposedChange(comment.id());
                    Notices.success(getTranslation("comment.ui.applied", CommentCard.shortId(now.appliedCommitId())));
                    show(now);
                    // The page underneath shows the version the change went into at once, not the text it replaced.
                    getUI().ifPresentOrElse(ui -> CommentsView.navigate(ui, CommentsView.href(projectId, null)),
                            changed);
                } catch (UserFacingException refusal) {
                    Notices.error(getTranslation(refusal.messageKey(), refusal.args()));
                }
            });
            apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            apply.setId("comment-apply");
            content.add(new Div(apply));
        }

        Details history = new Details();
        history.setSummaryText(getTranslation("comment.ui.history"));
        history.setId("comment-history");
        List<CommentEvent> events = reader.history(comment.id());
        for (CommentEvent event : events) {
            String detail = event.detail() == null || event.detail().isBlank() ? "" : ": " + event.detail();
            Div line = new Div(new Span(Times.minutes(event.at(), zone) + " · " + event.actorName() + " · "
                    + getTranslation("comment.ui.event." + event.kind().toLowerCase()) + detail));
            line.addClassName("dr-thread-event");
            history.add(line);
        }
        content.add(history);
    }

    /** The secretariat hides an abusive comment or deletes its text, with a reason kept in its history. */
    private Div takeDown(Comment comment) {
        TextArea why = new TextArea(getTranslation("comment.ui.moderate.reason"));
        why.setWidthFull();
        why.setId("moderation-reason");
        Button hide = new Button(getTranslation("comment.ui.hide"), e -> takeDown(comment, Comment.HIDDEN, why));
        hide.setId("comment-hide");
        Button delete = new Button(getTranslation("comment.ui.delete-text"),
                e -> takeDown(comment, Comment.DELETED, why));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setId("comment-delete-text");
        Div box = new Div(why, hide, delete);
        box.addClassName("dr-thread-status");
        return box;
    }

    private void takeDown(Comment comment, String moderation, TextArea why) {
        try {
            Comment now = comments.moderate(comment.id(), moderation, why.getValue());
            changed.run();
            show(now);
        } catch (UserFacingException refusal) {
            refuse(why, refusal);
        }
    }

    private void refuse(TextArea field, UserFacingException refusal) {
        field.setErrorMessage(getTranslation(refusal.messageKey(), refusal.args()));
        field.setInvalid(true);
    }
}
