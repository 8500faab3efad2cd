package org.draftroom.notifications.service;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.draftroom.base.Messages;
import org.draftroom.notifications.data.NotificationRepository;
import org.draftroom.notifications.data.NotificationRepository.QueuedMail;
import org.draftroom.security.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each notification by e-mail too, in the recipient's language, when Spring Boot configured a mail sender
 * (that is, when {@code spring.mail.host} is set) and the recipient has an e-mail address.
 *
 * <p><b>A stored outbox.</b> {@link #send} writes the e-mail to the {@code mail_outbox} table in the transaction that
 * writes its notification, so a queued e-mail survives a crash. A thread of its own sends what is due every
 * {@code draftroom.mail.outbox-interval} (default 2 s), one by one, so that nobody waits for the mail server. Each
 * e-mail is first claimed (its attempt counted, its next attempt moved a minute on) in a committed transaction, then
 * handed to the SMTP server, then marked sent. SMTP offers no way to make a hand-over and that mark one step: a crash
 * between the two sends the e-mail again a minute later, with the same {@code Message-ID}
 * ({@code <notification-mail-N@draftroom>}), by which mail programs recognise the copy. A refused or failed delivery
 * is tried again (five attempts, a minute apart) and then given up with its error kept; it never undoes the
 * notification in the application.
 */
@Component
class MailNotifications implements NotificationMail {

    private static final Logger log = LoggerFactory.getLogger(MailNotifications.class);
    private static final int BATCH = 20;
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationRepository notifications;
    private final People people;
    private final Messages messages;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String from;
    private final String baseUrl;
    private final Duration interval;
    private final ScheduledExecutorService outbox = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "draftroom-mail");
        thread.setDaemon(true);
        return thread;
    });

    MailNotifications(ObjectProvider<JavaMailSender> sender, NotificationRepository notifications, People people,
                      Messages messages,
                      PlatformTransactionManager transactions, Clock clock,
                      @Value("${draftroom.mail.from:draftroom@localhost}") String from,
                      @Value("${draftroom.mail.base-url:http://localhost:8080/}") String baseUrl,
                      @Value("${draftroom.mail.outbox-interval:2s}") Duration interval) {
        this.sender = sender;
        this.notifications = notifications;
        this.people = people;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.interval = interval;
    }

    @Override
    public void send(long userId, String messageKey, List<String> args, String link) {
        if (sender.getIfAvailable() != null) {
            notifications.queueMail(userId, messageKey, args, link, clock.instant());
        }
    }

    /** Starts sending once the application is ready (what a crash left queued goes first). */
    @EventListener(ApplicationReadyEvent.class)
    void startSending() {
        if (sender.getIfAvailable() != null) {
            outbox.scheduleWithFixedDelay(this::sendDue, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Sends what is due; a failure of the database is logged and tried again at the next run. */
    void sendDue() {
        try {
            JavaMailSender mail = sender.getObject();
            List<QueuedMail> due;
            do {
                Instant now = clock.instant();
                due = transaction.execute(status -> notifications.claimDueMails(now, now.plus(RETRY_AFTER), BATCH));
                for (QueuedMail queued : due) {
                    deliver(mail, queued);
                }
            } while (due.size() == BATCH && !outbox.isShutdown());
        } catch (RuntimeException e) {
            log.warn("Could not send the queued notification e-mails; trying again shortly: {}", e.toString());
        }
    }

    private void deliver(JavaMailSender mail, QueuedMail queued) {
        try {
            people.contact(queued.userId()).ifPresent(contact -> contact.mailbox()
                    .ifPresent(address -> send(mail, queued, address, contact.locale())));
            notifications.mailSent(queued.id(), clock.instant());
        } catch (MailException | MessagingExceptionWrapper e) {
            boolean giveUp = queued.attempts() >= MAX_ATTEMPTS;
            notifications.mailFailed(queued.id(), String.valueOf(e.getMessage()), giveUp, clock.instant());
            log.warn("Could not e-mail notification {} to user {} (attempt {}{}): {}", queued.messageKey(),
                    queued.userId(), queued.attempts(), giveUp ? ", given up" : ", tried again in a minute",
                    e.getMessage());
        }
    }

    private void send(JavaMailSender mail, QueuedMail queued, String address, String localeTag) {
        Locale locale = Messages.parse(localeTag);
        Locale language = locale == null ? Messages.CHINESE : locale;
        String text = messages.getTranslation(queued.messageKey(), language, queued.args().toArray());
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(address);
            // One line whatever the arguments hold: names are refused with line breaks at input, and names stored
            // before that rule must not add headers either.
            helper.setSubject((messages.getTranslation("app.name", language) + ": " + text)
                    .replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " "));
            helper.setText(text + "\n\n" + baseUrl + queued.link());
            // The same id on every attempt: a copy sent again after a crash is recognisable as the same message.
            message.setHeader("Message-ID", "<notification-mail-" + queued.id() + "@draftroom>");
            mail.send(message);
        } catch (MessagingException e) {
            throw new MessagingExceptionWrapper(e);
        }
    }

    /** A malformed address or header: counted as a failed attempt like a refusal by the server. */
    private static final class MessagingExceptionWrapper extends RuntimeException {
        MessagingExceptionWrapper(MessagingException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        outbox.shutdown();
        if (!outbox.awaitTermination(10, TimeUnit.SECONDS)) {
            outbox.shutdownNow();
            log.warn("Stopped sending notification e-mails mid-way; the rest stay queued for the next start");
        }
    }
}
