package org.draftroom.drafts.storage.seed;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.draftroom.drafts.storage.GitDraftStore;

/**
 * What a start of the demo profile does to the repository root, without the rest of the application: remove the
 * leftovers of crashed builds (as the store bean does), then create the sample projects that are missing, the large
 * one included (as the demo's sample import does). Run as its own JVM by {@link SampleGenerationCrashIT}, which kills
 * it midway.
 *
 * <p>Arguments: the repository root, the seed folder.
 */
public final class SampleStart {

    private SampleStart() {
    }

    public static void main(String[] args) {
        SeedImporter.Report report = run(Path.of(args[0]), Path.of(args[1]));
        System.out.println("created " + report.created() + " skipped " + report.skipped());
    }

    static SeedImporter.Report run(Path root, Path seedFolder) {
        try (GitDraftStore store = new GitDraftStore(root, java.time.Clock.systemUTC())) {
            store.removeAbandonedBuilds();
        }
        SeedClock clock = new SeedClock(Instant.parse("2024-01-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
        try (GitDraftStore seedStore = new GitDraftStore(root, clock)) {
            return new SeedImporter(seedStore, seedFolder, clock, true).importAll();
        }
    }
}
