package org.draftroom.drafts.storage.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.GitDraftStore;
import org.draftroom.drafts.storage.HistoryQuery;
import org.draftroom.drafts.storage.Tag;
import org.draftroom.drafts.storage.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated large sample itself (1,051 commits, over 300,000 characters), which the demo and the benchmarks use.
 * Generating it costs about 12 s of CPU, so it runs with the integration tests, not in the unit loop; it starts no
 * application. {@link LargeProjectGeneratorTest} checks the generator on a small history.
 */
class LargeProjectGeneratorIT {

    @TempDir
    Path root;

    @Test
    void the_large_sample_meets_its_size_depth_and_history_figures_and_is_imported_once() {
        SeedClock clock = new SeedClock(Instant.EPOCH, ZoneId.of("Asia/Shanghai"));
        try (GitDraftStore store = new GitDraftStore(root, clock)) {
            SeedImporter.Report first = new SeedImporter(store, Path.of("drafts-repo/seed"), clock, true).importAll();
            String project = LargeProjectGenerator.PROJECT_ID;

            assertThat(first.created()).contains(project);
            String draft = store.readFile(project, "main", DraftStore.DRAFT_FILE).orElseThrow();
            assertThat(draft.length()).isGreaterThanOrEqualTo(300_000);
            assertThat(draft.lines().filter(l -> l.startsWith("#")).count()).isGreaterThanOrEqualTo(300);
            assertThat(draft).contains("\n#### ", ".term}", ".annex .normative}", ".annex .informative}", "\n注：",
                    "\n表：", "|---|", "](#", "示例：", " should ");
            assertThat(draft.lines().filter(l -> l.startsWith("#####"))).isEmpty();
            List<Version> history = store.history(project, HistoryQuery.page(0, 5_000));
            assertThat(history.size()).isGreaterThanOrEqualTo(1_000);
            assertThat(history.get(0).time()).isAfter(history.get(history.size() - 1).time());
            assertThat(store.listTags(project)).extracting(Tag::name).containsExactly("wd-1", "wd-2", "cd-1");
            assertThat(store.readFile(project, "wd-1", DraftStore.DRAFT_FILE).orElseThrow().length())
                    .isLessThan(draft.length());

            SeedImporter.Report second = new SeedImporter(store, Path.of("drafts-repo/seed"), clock, true).importAll();
            assertThat(second.created()).isEmpty();
            assertThat(second.skipped()).contains(project, "gbt-35273");
            assertThat(store.history(project, HistoryQuery.page(0, 5_000))).hasSize(history.size());
        }
    }
}
