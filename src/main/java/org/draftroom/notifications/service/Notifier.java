package org.draftroom.notifications.service;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.draftroom.base.DraftroomProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.draftroom.comments.CommentReplied;
import org.draftroom.comments.service.CommentFeed;
import org.draftroom.notifications.data.NotificationRepository;
import org.draftroom.rounds.DispositionsPublished;
import org.draftroom.rounds.RoundClosingSoon;
import org.draftroom.rounds.RoundOpened;
import org.draftroom.rounds.service.RoundFeed;
import org.draftroom.security.People;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the rounds' and comments' events into notifications, after the transaction that caused them commits (a
 * rolled-back change notifies nobody). Each notification is also sent by e-mail when a mail server is configured
 * ({@link NotificationMail}: queued in the same transaction as the notification).
 *
 * <p><b>Stored events, asynchronous.</b> The listeners are {@link ApplicationModuleListener}s: the event is stored
 * with the transaction that publishes it (Spring Modulith's event publication registry), the listener runs after the
 * commit on another thread in a transaction of its own, and a publication a crash left incomplete is delivered again
 * on the next start. Nobody waits for notifying a round's whole audience. <b>Idempotent:</b> every notification
 * carries the key of the event that made it ({@code round-opened:12}), unique per person, so a delivery repeated
 * after a crash adds no second notification and queues no second e-mail.
 */
@Component
class Notifier {

    private final NotificationRepository notifications;
    private final RoundFeed rounds;
    private final CommentFeed comments;
    private final People people;
    private final NotificationMail mail;
    private final ZoneId zone;
    private final Clock clock;

    Notifier(NotificationRepository notifications, RoundFeed rounds, CommentFeed comments, People people,
             NotificationMail mail, DraftroomProperties properties, Clock clock) {
        this.notifications = notifications;
        this.rounds = rounds;
        this.comments = comments;
        this.people = people;
        this.mail = mail;
        this.zone = properties.timeZone();
        this.clock = clock;
    }

    @ApplicationModuleListener
    public void roundOpened(RoundOpened event) {
        rounds.round(event.roundId()).ifPresent(round -> send(rounds.audience(event.roundId()),
                "ROUND_OPENED", "notification.round-opened",
                List.of(round.title(), minutes(round.closesAt()) + " (" + zone.getId() + ")"),
                "rounds/" + event.roundId(), "round-opened:" + event.roundId()));
    }

    @ApplicationModuleListener
    public void roundClosingSoon(RoundClosingSoon event) {
        rounds.round(event.roundId()).ifPresent(round -> send(rounds.audience(event.roundId()),
                "ROUND_CLOSING", "notification.round-closing",
                List.of(round.title(), minutes(round.closesAt()) + " (" + zone.getId() + ")"),
                "rounds/" + event.roundId(), "round-closing:" + event.roundId() + ":"
                        + round.closesAt().getEpochSecond()));
    }

    @ApplicationModuleListener
    public void dispositionsPublished(DispositionsPublished event) {
        rounds.round(event.roundId()).ifPresent(round -> send(comments.authorsOfRound(event.roundId()),
                "DISPOSITIONS_PUBLISHED", "notification.dispositions-published", List.of(round.title()),
                "rounds/" + event.roundId(), "dispositions-published:" + event.roundId()));
    }

    @ApplicationModuleListener
    public void replied(CommentReplied event) {
        if (event.replierId() == event.commentAuthorId()) {
            return;
        }
        comments.comment(event.commentId()).ifPresent(comment -> send(List.of(event.commentAuthorId()),
                "REPLY", "notification.reply",
                List.of(people.displayName(event.replierId()).orElse("?"), comment.readableId()),
                comment.roundId() == null ? "projects/" + comment.projectId() + "/comments"
                        : "rounds/" + comment.roundId(),
                "reply:" + event.replyId()));
    }

    private String minutes(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(zone));
    }

    private void send(Collection<Long> users, String kind, String key, List<String> args, String link,
                      String eventKey) {
        for (long user : users) {
            if (notifications.insert(user, kind, key, args, link, clock.instant(), eventKey)) {
                mail.send(user, key, args, link);
            }
        }
    }
}
