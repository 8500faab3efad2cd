package org.draftroom.notifications.service;

import java.time.Clock;
import java.util.List;
import org.draftroom.notifications.data.NotificationRepository;
import org.draftroom.notifications.domain.Notification;
import org.draftroom.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person's notifications: the latest, the unread count, marking them read. */
@Service
@Transactional
public class NotificationService {

    public static final int LATEST = 30;

    private final NotificationRepository notifications;
    private final Access access;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, Access access, Clock clock) {
        this.notifications = notifications;
        this.access = access;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Notification> latest() {
        return notifications.latest(access.current().id(), LATEST);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int unreadCount() {
        return notifications.unread(access.current().id());
    }

    @PreAuthorize("isAuthenticated()")
    public void markRead(long id) {
        notifications.markRead(access.current().id(), id, clock.instant());
    }

    @PreAuthorize("isAuthenticated()")
    public void markAllRead() {
        notifications.markAllRead(access.current().id(), clock.instant());
    }
}
