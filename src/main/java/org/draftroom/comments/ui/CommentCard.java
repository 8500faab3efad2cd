package org.draftroom.comments.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.draftroom.base.ui.Times;
import org.draftroom.comments.RoundMargin;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentStatus;
import org.draftroom.comments.web.CommentMarkdown;
import org.jsoup.nodes.Entities;

/**
 * One comment in the margin: readable id, type and status badges, where it stands ("5.3, now 6.1", General, outdated,
 * clause deleted), author and organisation, the quoted words, the sanitised Markdown body, the proposed change, and
 * the number of replies. Clicking the card shows its words in the draft; the replies button opens the thread.
 */
class CommentCard extends Div {

    static final int QUOTE_SHOWN = 240;

    CommentCard(Comment comment, Placement placement, String projectId, ZoneId zone, Consumer<Comment> reveal,
                Consumer<Comment> openThread) {
        addClassName("dr-ccard");
        addClassName("dr-ccard-" + comment.type().code());
        if (comment.status() == CommentStatus.RESOLVED) {
            addClassName("dr-ccard-resolved");
        }
        getElement().setAttribute("data-comment", String.valueOf(comment.id()));
        setId("comment-" + comment.readableId());

        Span id = new Span(comment.readableId());
        id.addClassName("dr-ccard-id");
        Span type = new Span(comment.type().code());
        type.getElement().getThemeList().add("badge small");
        type.addClassName("dr-ctype");
        type.getElement().setAttribute("title", getTranslation("comment.ui.type." + comment.type().code()));
        Span status = new Span(getTranslation("comment.ui.status." + comment.status().name().toLowerCase()));
        status.getElement().getThemeList().add(comment.status() == CommentStatus.OPEN ? "badge small"
                : "badge small success");
        status.addClassName("dr-cstatus");
        Span where = new Span(location(comment, placement));
        where.addClassName("dr-ccard-where");
        if (!comment.anchor().clauseTitle().isEmpty()) {
            where.getElement().setAttribute("title", comment.anchor().clauseTitle());
        }
        Div head = new Div(id, type, status, where);
        head.addClassName("dr-ccard-head");
        add(head);
        if (comment.hasPlaceInClause()) {
            // where in the clause the reviewer's sheet said: the ISO template's line number and paragraph/figure/table
            Span place = new Span(placeInClause(comment));
            place.addClassName("dr-ccard-place");
            place.setId("comment-place-" + comment.readableId());
            where.add(place);
        }

        String org = comment.organisationCode() == null ? "" : " · " + comment.organisationCode();
        Span who = new Span(comment.authorName() + org + " · " + Times.minutes(comment.createdAt(), zone));
        who.addClassName("dr-ccard-who");
        add(who);

        placement.noteKey().ifPresent(key -> {
            Div note = new Div(new Span(getTranslation(key, placement.noteArgs().toArray())));
            note.addClassName("dr-ccard-note");
            note.addClassName(placement.status() == Placement.Status.OUTDATED ? "dr-ccard-outdated"
                    : "dr-ccard-orphaned");
            if (!comment.anchor().commitId().isEmpty()) {
                Anchor madeOn = new Anchor(CommentsView.href(projectId, comment.anchor().commitId()),
                        getTranslation("comment.ui.made-on", shortId(comment.anchor().commitId())));
                madeOn.addClassName("dr-ccard-made-on");
                note.add(new Span(" "), madeOn);
            }
            add(note);
        });
        if (comment.anchor().hasQuote()) {
            Div quote = new Div(new Span(shorten(comment.anchor().quote())));
            quote.addClassName("dr-ccard-quote");
            if (placement.status() != Placement.Status.ANCHORED) {
                quote.addClassName("dr-ccard-quote-old");
            }
            add(quote);
        }
        Html body = new Html("<div class=\"dr-ccard-body\">" + (comment.moderated()
                ? "<p class=\"dr-moderated\">" + Entities.escape(getTranslation("comment.moderated."
                + comment.moderation(), comment.moderationReason())) + "</p>"
                : CommentCard.bodyHtml(this, comment.body())) + "</div>");
        add(body);
        if (comment.hasProposedChange()) {
            Div proposed = new Div(new Span(getTranslation("comment.ui.proposed-change")),
                    new Div(comment.proposedChange()));
            proposed.addClassName("dr-ccard-proposed");
            add(proposed);
        }
        Div foot = new Div();
        foot.addClassName("dr-ccard-foot");
        Button replies = new Button(getTranslation("comment.ui.replies", comment.replyCount()),
                VaadinIcon.COMMENTS_O.create(), e -> openThread.accept(comment));
        replies.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        replies.addClassName("dr-ccard-open");
        foot.add(replies);
        if (comment.appliedCommitId() != null) {
            Anchor applied = new Anchor(CommentsView.draftHref(projectId, comment.appliedCommitId()),
                    getTranslation("comment.ui.applied-in", shortId(comment.appliedCommitId())));
            applied.addClassName("dr-ccard-applied");
            foot.add(applied);
        }
        add(foot);
        getElement().addEventListener("click", e -> reveal.accept(comment))
                .setFilter("!event.target.closest('a,button,vaadin-button')");
    }

    /**
     * Shows, under the author line, the disposition being recorded for this comment of a round: the decision and its
     * reason, or that there is none yet ({@code outcome} null).
     */
    void showDisposition(RoundMargin.Outcome outcome) {
        Div line = new Div();
        line.addClassName("dr-ccard-disposition");
        if (outcome == null) {
            line.add(new Span(getTranslation("comment.margin.no-disposition")));
            line.addClassName("dr-ccard-undecided");
        } else {
            Span decision = new Span(getTranslation("comment.margin.disposition", getTranslation(outcome.labelKey())));
            decision.addClassName("dr-ccard-decision");
            line.add(decision);
            if (!outcome.reason().isBlank()) {
                Span reason = new Span(shorten(outcome.reason()));
                reason.addClassName("dr-ccard-reason");
                line.add(reason);
            }
        }
        addComponentAtIndex(2, line);
    }

    /** "General", "5.3", "5.3, now 6.1", or for a deleted clause the number it had. */
    /** "Line 12 · Table 3", "Line 12" or "Table 3". */
    private String placeInClause(Comment comment) {
        StringBuilder b = new StringBuilder();
        if (!comment.lineNumber().isBlank()) {
            b.append(getTranslation("comment.place.line", comment.lineNumber()));
        }
        if (!comment.location().isBlank()) {
            b.append(b.isEmpty() ? "" : " · ").append(comment.location());
        }
        return b.toString();
    }

    private String location(Comment comment, Placement placement) {
        if (placement.status() == Placement.Status.ORPHANED || placement.isGeneral()) {
            return getTranslation("comment.anchor.general");
        }
        String then = comment.anchor().clauseNumber();
        String now = placement.clauseNumber();
        if (placement.renumbered() && !then.isEmpty() && !now.isEmpty()) {
            return getTranslation("comment.anchor.renumbered", then, now);
        }
        String number = now.isEmpty() ? then : now;
        return number.isEmpty() ? comment.anchor().clauseTitle() : number;
    }

    static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= QUOTE_SHOWN ? flat : flat.substring(0, QUOTE_SHOWN - 1) + "…";
    }

    static String shortId(String commitId) {
        return commitId.length() > 8 ? commitId.substring(0, 8) : commitId;
    }

    /**
     * A comment's or reply's Markdown as safe HTML; one that cannot be rendered (nested too deeply, stored before the
     * limit) shows as such instead of breaking the page for everyone.
     */
    static String bodyHtml(com.vaadin.flow.component.Component owner, String markdown) {
        return CommentMarkdown.safeHtml(markdown).orElseGet(() -> "<p class=\"dr-unrenderable\">"
                + Entities.escape(owner.getTranslation("comment.cannot-display")) + "</p>");
    }
}
