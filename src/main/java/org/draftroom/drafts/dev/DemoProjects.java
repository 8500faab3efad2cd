package org.draftroom.drafts.dev;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.draftroom.drafts.DraftsRepoProperties;
import org.draftroom.drafts.service.ProjectIndexing;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.GitDraftStore;
import org.draftroom.drafts.storage.seed.SeedClock;
import org.draftroom.drafts.storage.seed.SeedImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The sample projects of the demo profile: on start, every project of the seed folder ({@code drafts-repo/seed}:
 * the GB/T 35273 sample in its 2017 and 2020 versions) and the generated large project are created when missing,
 * with their historical commit times, and indexed in the database.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "draftroom.demo.enabled", havingValue = "true")
class DemoProjects implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

    private final DraftsRepoProperties properties;
    private final DraftStore store;
    private final ProjectIndexing indexing;
    private final Path seedFolder;
    private final boolean largeProject;

    DemoProjects(DraftsRepoProperties properties, DraftStore store, ProjectIndexing indexing,
                 @Value("${draftroom.demo.seed-dir:./drafts-repo/seed}") Path seedFolder,
                 @Value("${draftroom.demo.large-project:true}") boolean largeProject) {
        this.properties = properties;
        this.store = store;
        this.indexing = indexing;
        this.seedFolder = seedFolder;
        this.largeProject = largeProject;
    }

    /**
     * Imports the seed folder's projects before the application takes requests; the large project (1,000+ versions,
     * tens of seconds) is generated in the background and appears in the list when it is complete.
     */
    @Override
    public void run(ApplicationArguments args) {
        importAndIndex(false);
        if (largeProject) {
            Thread background = new Thread(() -> importAndIndex(true), "draftroom-large-sample");
            background.setDaemon(true);
            background.start();
        }
    }

    private void importAndIndex(boolean withLargeProject) {
        SeedClock clock = new SeedClock(Instant.parse("2024-01-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SeedImporter.Report report;
        try (GitDraftStore seedStore = new GitDraftStore(properties.draftsRepo().toAbsolutePath().normalize(), clock)) {
            report = new SeedImporter(seedStore, seedFolder, clock, withLargeProject).importAll();
        }
        for (String projectId : store.listProjects()) {
            indexing.indexIfMissing(projectId);
        }
        if (!report.created().isEmpty()) {
            log.info("Demo profile: created sample projects {} in {} ms", report.created(),
                    report.elapsed().toMillis());
        }
    }

}
