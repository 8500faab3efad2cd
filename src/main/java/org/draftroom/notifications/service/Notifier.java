package org.draftroom.notifications.service;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.draftroom.base.DraftroomProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.draftroom.comments.CommentReplied;
import org.draftroom.notifications.data.NotificationRepository;
import org.draftroom.rounds.DispositionsPublished;
import org.draftroom.rounds.RoundClosingSoon;
import org.draftroom.rounds.RoundOpened;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns the rounds' and comments' events into notifications, after the transaction that caused them commits (a
 * rolled-back change notifies nobody). Each notification is also sent by e-mail when a mail server is configured
 * ({@link NotificationMail}).
 */
@Component
class Notifier {

    private final NotificationRepository notifications;
    private final NotificationMail mail;
    private final ZoneId zone;
    private final Clock clock;

    Notifier(NotificationRepository notifications, NotificationMail mail, DraftroomProperties properties, Clock clock) {
        this.notifications = notifications;
        this.mail = mail;
        this.zone = properties.timeZone();
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void roundOpened(RoundOpened event) {
        notifications.round(event.roundId()).ifPresent(round -> send(notifications.roundAudience(event.roundId()),
                "ROUND_OPENED", "notification.round-opened",
                List.of(round.title(), minutes(round.closesAt()) + " (" + zone.getId() + ")"),
                "rounds/" + event.roundId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void roundClosingSoon(RoundClosingSoon event) {
        notifications.round(event.roundId()).ifPresent(round -> send(notifications.roundAudience(event.roundId()),
                "ROUND_CLOSING", "notification.round-closing",
                List.of(round.title(), minutes(round.closesAt()) + " (" + zone.getId() + ")"),
                "rounds/" + event.roundId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void dispositionsPublished(DispositionsPublished event) {
        notifications.round(event.roundId()).ifPresent(round -> send(notifications.commentAuthors(event.roundId()),
                "DISPOSITIONS_PUBLISHED", "notification.dispositions-published", List.of(round.title()),
                "rounds/" + event.roundId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void replied(CommentReplied event) {
        if (event.replierId() == event.commentAuthorId()) {
            return;
        }
        notifications.comment(event.commentId()).ifPresent(comment -> send(List.of(event.commentAuthorId()),
                "REPLY", "notification.reply",
                List.of(notifications.displayName(event.replierId()).orElse("?"), comment[0]), comment[1]));
    }

    private String minutes(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(zone));
    }

    private void send(Collection<Long> users, String kind, String key, List<String> args, String link) {
        for (long user : users) {
            notifications.insert(user, kind, key, args, link, clock.instant());
            mail.send(user, key, args, link);
        }
    }
}
