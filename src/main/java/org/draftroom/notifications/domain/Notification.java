package org.draftroom.notifications.domain;

import java.time.Instant;
import java.util.List;

/**
 * Something that concerns a person. The text is {@code messageKey} with {@code args}, rendered in the reader's
 * language; {@code link} is a route path of the application.
 */
public record Notification(long id, long userId, String kind, String messageKey, List<String> args, String link,
                           Instant createdAt, Instant readAt) {

    public boolean isRead() {
        return readAt != null;
    }
}
