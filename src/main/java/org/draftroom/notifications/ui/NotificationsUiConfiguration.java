package org.draftroom.notifications.ui;

import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.ui.ShellExtension;
import org.draftroom.notifications.service.NotificationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the notification bell in the shell's top bar. */
@Configuration(proxyBeanMethods = false)
class NotificationsUiConfiguration {

    @Bean
    ShellExtension notificationBell(NotificationService notifications, DraftroomProperties properties) {
        return () -> new NotificationBell(notifications, properties);
    }
}
