package org.draftroom.drafts.storage.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.FileVersions;
import org.draftroom.drafts.storage.GitDraftStore;
import org.draftroom.drafts.storage.HistoryQuery;
import org.draftroom.drafts.storage.Person;
import org.draftroom.drafts.storage.ProjectManifest;
import org.draftroom.drafts.storage.Tag;
import org.draftroom.drafts.storage.Version;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedImporterTest {

    static final Path SEED = Path.of("drafts-repo/seed");
    static final Pattern HEADING = Pattern.compile("^(#+) .* \\{#([a-z][a-z0-9-]*)[^}]*}$", Pattern.MULTILINE);

    @TempDir
    Path root;

    SeedClock clock;
    GitDraftStore store;

    @BeforeEach
    void openStore() {
        clock = new SeedClock(Instant.parse("2024-01-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
        store = new GitDraftStore(root, clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void the_personal_information_sample_is_imported_as_two_dated_tagged_versions() {
        SeedImporter.Report report = new SeedImporter(store, SEED, clock, false).importAll();

        assertThat(report.created()).containsExactly("gbt-35273");
        List<Version> history = store.history("gbt-35273", HistoryQuery.page(0, 10));
        assertThat(history).hasSize(2);
        Version v2020 = history.get(0);
        Version v2017 = history.get(1);
        assertThat(v2017.time()).isEqualTo(Instant.parse("2017-12-29T02:00:00Z"));
        assertThat(v2017.tags()).containsExactly("wd-1");
        assertThat(v2020.time()).isEqualTo(Instant.parse("2020-03-06T02:00:00Z"));
        assertThat(v2020.tags()).containsExactly("cd-1");
        assertThat(v2020.author()).isEqualTo(new Person("李明", "liming@cesi.example.cn"));
        assertThat(v2020.coAuthors()).hasSize(2);
        assertThat(store.listTags("gbt-35273")).extracting(Tag::tagger).containsOnly(SeedImporter.SECRETARIAT);
        ProjectManifest manifest = ProjectManifest.fromYaml(
                store.readFile("gbt-35273", "cd-1", DraftStore.MANIFEST_FILE).orElseThrow());
        assertThat(manifest.code()).isEqualTo("GB/T 35273");
        assertThat(manifest.workingGroup()).isEqualTo("WG7");
    }

    @Test
    void the_rights_move_from_clause_7_to_a_clause_of_their_own_with_the_same_ids() {
        new SeedImporter(store, SEED, clock, false).importAll();

        FileVersions pair = store.readFileAtTwoVersions("gbt-35273", DraftStore.DRAFT_FILE, "wd-1", "cd-1");

        assertThat(parentClause(pair.oldText(), "c-right-deletion")).isEqualTo("c-use");
        assertThat(parentClause(pair.newText(), "c-right-deletion")).isEqualTo("c-rights");
        assertThat(topLevelPosition(pair.oldText(), "c-sharing")).isEqualTo(8);
        assertThat(topLevelPosition(pair.newText(), "c-sharing")).isEqualTo(9);
        assertThat(topLevelPosition(pair.newText(), "c-organisation")).isEqualTo(11);
        assertThat(pair.newText()).contains("{#c-independent-choice}", "{#c-aggregation}")
                .startsWith("# 前言 {#foreword .unnumbered}\n\n本文件按照GB/T 1.1—2020");
        for (String text : List.of(pair.oldText(), pair.newText())) {
            assertThat(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isBetween(20_000, 40_000);
            assertThat(text).contains("{#annex-a .annex .informative}", "{#annex-d .annex .informative}",
                    "{#bibliography .bibliography}", "\n注：", "\n示例：", "\n表：", "](#", "{#t-pi .term}");
            List<String> ids = HEADING.matcher(text).results().map(m -> m.group(2)).toList();
            assertThat(ids).doesNotHaveDuplicates();
            Matcher refs = Pattern.compile("\\[]\\(#([a-z0-9-]+)\\)").matcher(text);
            refs.results().forEach(ref -> assertThat(ids).as("cross-reference target").contains(ref.group(1)));
        }
    }

    @Test
    void importing_again_skips_existing_projects_and_writes_nothing() {
        new SeedImporter(store, SEED, clock, false).importAll();
        String head = store.head("gbt-35273").orElseThrow();

        SeedImporter.Report again = new SeedImporter(store, SEED, clock, false).importAll();

        assertThat(again.created()).isEmpty();
        assertThat(again.skipped()).containsExactly("gbt-35273");
        assertThat(store.head("gbt-35273")).contains(head);
    }

    /** @return the id of the nearest heading above {@code id} with a lower level */
    static String parentClause(String text, String id) {
        List<MatchResult> headings = HEADING.matcher(text).results().map(MatchResult::new).toList();
        for (int i = 0; i < headings.size(); i++) {
            if (headings.get(i).id.equals(id)) {
                for (int j = i - 1; j >= 0; j--) {
                    if (headings.get(j).level < headings.get(i).level) {
                        return headings.get(j).id;
                    }
                }
            }
        }
        return null;
    }

    /** @return the clause number of a numbered level-1 clause, counting as a renderer would */
    static int topLevelPosition(String text, String id) {
        int number = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("# ") && !line.contains(".unnumbered") && !line.contains(".annex")
                    && !line.contains(".bibliography")) {
                number++;
                if (line.contains("{#" + id + "}")) {
                    return number;
                }
            }
        }
        return -1;
    }

    private record MatchResult(int level, String id) {
        MatchResult(java.util.regex.MatchResult m) {
            this(m.group(1).length(), m.group(2));
        }
    }
}
