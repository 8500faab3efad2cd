package org.draftroom.notifications.crash;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.draftroom.ProbeFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Profile {@code crash-probe} (for {@link StoredEventsCrashIT} only): once the application is ready, writes every
 * 300 ms what the test checks to {@code draftroom.test.probe-file} as JSON: the event publications not yet completed,
 * and how many notifications each reply made ({@code "reply:<id>": n}). The test reads the file because it cannot
 * reach the application's database from outside.
 */
@Component
@Profile("crash-probe")
class CrashProbe {

    private final JdbcClient jdbc;
    private final Path file;

    CrashProbe(JdbcClient jdbc, @Value("${draftroom.test.probe-file}") Path file) {
        this.jdbc = jdbc;
        this.file = file;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ProbeFile.writeEvery300Ms("crash-probe", file, () -> {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("incomplete", ProbeFile.incompletePublications(jdbc));
            Map<String, Long> notifications = new LinkedHashMap<>();
            jdbc.sql("select event_key, count(*) from notification where event_key like 'reply:%' group by event_key")
                    .query((rs, n) -> notifications.put(rs.getString(1), rs.getLong(2))).list();
            state.put("notifications", notifications);
            return state;
        });
    }
}
