package org.draftroom.drafts.storage.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import org.draftroom.drafts.storage.GitDraftStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator on a small history; the full-size sample is checked by {@link LargeProjectGeneratorIT}. */
class LargeProjectGeneratorTest {

    @TempDir
    Path root;

    @Test
    void the_same_seed_gives_the_same_history() {
        String[] heads = new String[2];
        for (int run = 0; run < 2; run++) {
            SeedClock clock = new SeedClock(Instant.EPOCH, ZoneId.of("Asia/Shanghai"));
            try (GitDraftStore store = new GitDraftStore(root.resolve("run" + run), clock)) {
                new LargeProjectGenerator(7, 40).generate(store, "det", clock);
                heads[run] = store.head("det").orElseThrow();
            }
        }
        assertThat(heads[0]).isEqualTo(heads[1]);
    }
}
