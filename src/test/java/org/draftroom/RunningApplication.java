package org.draftroom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application as the run command does (demo profile, command-line settings, which win over
 * application.yml) on a data directory the test chooses, so a test can stop it and start it again on the same data.
 */
public final class RunningApplication {

    private RunningApplication() {
    }

    /** The application on a random port over {@code dataDir}; {@code settings} are {@code name=value} pairs. */
    public static ConfigurableApplicationContext start(Path dataDir, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--draftroom.data-dir=" + dataDir,
                "--draftroom.drafts-repo=" + dataDir.resolve("drafts-repo"), "--draftroom.demo.large-project=false"));
        Arrays.stream(settings).map(s -> "--" + s).forEach(args::add);
        return new SpringApplicationBuilder(DraftroomApplication.class).profiles("demo").run(args.toArray(String[]::new));
    }

    /** The HTTP port the started application listens on. */
    public static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }
}
