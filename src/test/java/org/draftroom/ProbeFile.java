package org.draftroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a test-profile probe inside a {@link ChildApplication} reports to the test that runs it: a JSON file rewritten
 * (atomically) every 300 ms, since the test cannot reach the application's database from outside.
 */
public final class ProbeFile {

    private ProbeFile() {
    }

    /** Starts a daemon thread writing {@code state} to {@code file} until the process ends. */
    public static void writeEvery300Ms(String threadName, Path file, Callable<Map<String, Object>> state) {
        ObjectMapper json = new ObjectMapper();
        Thread probe = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                    Files.writeString(tmp, json.writeValueAsString(state.call()));
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (Exception notReadyOrStopping) {
                    // the last file stays
                }
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, threadName);
        probe.setDaemon(true);
        probe.start();
    }

    /** Event publications whose listener has not completed (completed ones are deleted). */
    public static long incompletePublications(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class)
                .single();
    }
}
