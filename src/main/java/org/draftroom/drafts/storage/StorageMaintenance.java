package org.draftroom.drafts.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Packs the project repositories every night. Each save writes a loose, compressed copy of the whole draft (about
 * 200 KB for a 300,000-character draft); packing turns a thousand of them into a few megabytes (see
 * docs/benchmarks.md). Safe while people work: {@link DraftStore#compact} never removes a reachable version.
 */
@Component
class StorageMaintenance {

    private static final Logger log = LoggerFactory.getLogger(StorageMaintenance.class);

    private final DraftStore store;

    StorageMaintenance(DraftStore store) {
        this.store = store;
    }

    /** Runs at {@code draftroom.drafts.compact-cron} (default 03:30 every night, in the committee's time zone). */
    @Scheduled(cron = "${draftroom.drafts.compact-cron:0 30 3 * * *}", zone = "${draftroom.time-zone:Asia/Shanghai}")
    void compactAll() {
        for (String projectId : store.listProjects()) {
            try {
                long started = System.nanoTime();
                store.compact(projectId);
                log.info("Packed the repository of {} in {} ms", projectId, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Could not pack the repository of {}; its versions are intact and it is tried again tomorrow",
                        projectId, e);
            }
        }
    }
}
