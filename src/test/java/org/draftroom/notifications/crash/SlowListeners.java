package org.draftroom.notifications.crash;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.TaskDecorator;

/**
 * Profile {@code slow-listeners} (for {@link StoredEventsCrashIT} only): every task of the application's task
 * executor, which runs the asynchronous event listeners, starts {@code draftroom.test.listener-delay} late. A kill in
 * that window meets events whose transaction committed and whose listener has not completed.
 */
@Configuration(proxyBeanMethods = false)
@Profile("slow-listeners")
class SlowListeners {

    @Bean
    TaskDecorator lateStart(@Value("${draftroom.test.listener-delay:5s}") Duration delay) {
        return task -> () -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            task.run();
        };
    }
}
