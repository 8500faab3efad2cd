package org.draftroom.comments.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.draftroom.drafts.DraftVersionCommitted;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Profile {@code slow-reanchoring} (for {@link ReanchoringCrashIT} only): a listener of new versions that runs after
 * the commit just before comment re-anchoring, in the same thread, writes the version's id to
 * {@code draftroom.test.commit-file} and then waits {@code draftroom.test.listener-delay}. A kill in that wait meets a
 * committed version whose re-anchoring has not run.
 */
@Component
@Profile("slow-reanchoring")
class SlowReanchoring {

    private final Path commitFile;
    private final Duration delay;

    SlowReanchoring(@Value("${draftroom.test.commit-file}") Path commitFile,
                    @Value("${draftroom.test.listener-delay:0s}") Duration delay) {
        this.commitFile = commitFile;
        this.delay = delay;
    }

    @TransactionalEventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void before(DraftVersionCommitted event) throws InterruptedException {
        try {
            Files.writeString(commitFile, event.commitId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.sleep(delay.toMillis());
    }
}
