package org.draftroom.drafts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Creates the directory of the project repositories on start and reports whether the directory of the project repositories exists and is writable. */
@Component("draftsRepo")
class DraftsRepoHealthIndicator extends AbstractHealthIndicator {

    private final Path root;

    DraftsRepoHealthIndicator(DraftsRepoProperties properties) throws IOException {
        this.root = properties.draftsRepo().toAbsolutePath().normalize();
        Files.createDirectories(root);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean ok = Files.isDirectory(root) && Files.isWritable(root);
        (ok ? builder.up() : builder.down()).withDetail("path", root.toString());
    }
}
