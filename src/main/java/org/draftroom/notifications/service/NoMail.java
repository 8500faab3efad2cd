package org.draftroom.notifications.service;

import java.util.List;
import org.springframework.stereotype.Component;

/** The in-application notification is the only one: no mail server is part of this build. */
@Component
class NoMail implements NotificationMail {

    @Override
    public void send(long userId, String messageKey, List<String> args, String link) {
        // Deliberately nothing: e-mail needs spring-boot-starter-mail and spring.mail.host (docs/rounds.md).
    }
}
