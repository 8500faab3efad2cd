package org.draftroom.notifications.service;

import java.util.List;

/**
 * Sends a notification by e-mail as well. Without a mail server ({@code spring.mail.host} unset) nothing is sent.
 * {@link #send} queues the e-mail in the caller's transaction; it leaves after the commit.
 */
interface NotificationMail {

    void send(long userId, String messageKey, List<String> args, String link);
}
