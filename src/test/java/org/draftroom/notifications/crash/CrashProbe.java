package org.draftroom.notifications.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
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
        Thread probe = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    write();
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException | IOException e) {
                    // the application is stopping; the last file stays
                }
            }
        }, "crash-probe");
        probe.setDaemon(true);
        probe.start();
    }

    private void write() throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("incomplete", jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class).single());
        Map<String, Long> notifications = new LinkedHashMap<>();
        jdbc.sql("select event_key, count(*) from notification where event_key like 'reply:%' group by event_key")
                .query((rs, n) -> notifications.put(rs.getString(1), rs.getLong(2))).list();
        state.put("notifications", notifications);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, new ObjectMapper().writeValueAsString(state));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
