package org.draftroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.draftroom.DraftroomApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application for a benchmark harness: the {@code test} and {@code demo} profiles (demo accounts and the
 * GB/T 35273 sample, no demo rounds), embedded PostgreSQL and project repositories in a fresh temporary directory, a
 * random port, warnings only in the log.
 */
public final class BenchApplication {

    /** What a harness measures on the running application. */
    public interface Measurement {
        void run(ConfigurableApplicationContext context) throws Exception;
    }

    private BenchApplication() {
    }

    /**
     * Starts the application, runs the measurement, closes the application and ends the JVM (pools left by the
     * application would otherwise keep it alive).
     *
     * @param name      prefix of the temporary directory
     * @param more      more command-line arguments for the application
     */
    public static void run(String name, Measurement measurement, String... more) throws Exception {
        ConfigurableApplicationContext context = start(name, more);
        try {
            measurement.run(context);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /** Starts the application in a fresh temporary directory; the caller closes it (harnesses comparing settings). */
    public static ConfigurableApplicationContext start(String name, String... more) throws Exception {
        Path dir = Files.createTempDirectory(name);
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=test,demo",
                "--draftroom.data-dir=" + dir.resolve("data"), "--draftroom.drafts-repo=" + dir.resolve("repo"),
                "--draftroom.demo.rounds=false", "--server.port=0", "--logging.level.root=WARN"));
        args.addAll(List.of(more));
        return new SpringApplication(DraftroomApplication.class).run(args.toArray(String[]::new));
    }
}
