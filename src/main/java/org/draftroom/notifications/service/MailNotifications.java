package org.draftroom.notifications.service;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.draftroom.base.Messages;
import org.draftroom.notifications.data.NotificationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends each notification by e-mail too, in the recipient's language, when Spring Boot configured a mail sender
 * (that is, when {@code spring.mail.host} is set) and the recipient has an e-mail address. A failed delivery is
 * logged and never undoes the in-application notification. Mails leave one by one on a thread of their own, so that
 * the person whose action notifies a whole audience (opening a round to hundreds of reviewers) does not wait for the
 * mail server.
 */
@Component
class MailNotifications implements NotificationMail {

    private static final Logger log = LoggerFactory.getLogger(MailNotifications.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationRepository notifications;
    private final Messages messages;
    private final String from;
    private final String baseUrl;
    private final ExecutorService outbox = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "draftroom-mail");
        thread.setDaemon(true);
        return thread;
    });

    MailNotifications(ObjectProvider<JavaMailSender> sender, NotificationRepository notifications, Messages messages,
                      @Value("${draftroom.mail.from:draftroom@localhost}") String from,
                      @Value("${draftroom.mail.base-url:http://localhost:8080/}") String baseUrl) {
        this.sender = sender;
        this.notifications = notifications;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    @Override
    public void send(long userId, String messageKey, List<String> args, String link) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return;
        }
        outbox.execute(() -> deliver(mail, userId, messageKey, args, link));
    }

    private void deliver(JavaMailSender mail, long userId, String messageKey, List<String> args, String link) {
        try {
            notifications.email(userId).ifPresent(address -> {
                Locale locale = Messages.parse(notifications.locale(userId).orElse(null));
                Locale language = locale == null ? Messages.CHINESE : locale;
                String text = messages.getTranslation(messageKey, language, args.toArray());
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(address);
                // One line whatever the arguments hold: names are refused with line breaks at input, and names
                // stored before that rule must not add headers either.
                message.setSubject((messages.getTranslation("app.name", language) + ": " + text)
                        .replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " "));
                message.setText(text + "\n\n" + baseUrl + link);
                mail.send(message);
            });
        } catch (RuntimeException e) {
            // MailException (server down, address refused) or the database: the notification in the bell stays.
            log.warn("Could not e-mail notification {} to user {}: {}", messageKey, userId, e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        outbox.shutdown();
        if (!outbox.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("{} notification e-mails were not sent before shutdown", outbox.shutdownNow().size());
        }
    }
}
