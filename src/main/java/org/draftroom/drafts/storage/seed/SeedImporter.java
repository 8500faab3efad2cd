package org.draftroom.drafts.storage.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.draftroom.drafts.storage.CommitRequest;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.Person;
import org.draftroom.drafts.storage.ProjectManifest;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Imports the sample projects on first start: every folder of the seed directory that holds a {@code project.yaml}
 * and a {@code history.yaml}, then the generated {@link LargeProjectGenerator large project}. Projects that exist
 * already are skipped, so running the importer again changes nothing. Each project is built out of sight and appears
 * complete ({@link DraftStore#buildProject}), so an import interrupted by a crash is simply done again on the next
 * start.
 *
 * <p>{@code history.yaml} lists the versions to commit, oldest first:
 * <pre>
 * - file: v2017.md                 # becomes draft.md
 *   author: 张伟 &lt;zhangwei@example.cn&gt;
 *   co-authors: [王芳 &lt;wangfang@example.cn&gt;]   # optional
 *   time: 2017-12-29T10:00:00+08:00   # used when a SeedClock is given
 *   message: Import the 2017 edition
 *   tag: wd-1                      # optional annotated tag on this version
 *   tag-message: 工作组讨论稿
 * </pre>
 * The folder name must equal the manifest's id. The manifest is committed in its canonical form
 * ({@link ProjectManifest#toYaml()}) with the first version.
 *
 * <p>Not thread-safe; run it once, before users arrive.
 */
public final class SeedImporter {

    /** Tagger of the seed tags. */
    public static final Person SECRETARIAT = new Person("TC260秘书处", "secretariat@tc260.example.cn");

    private static final Pattern PERSON = Pattern.compile("\\s*(.+?)\\s*<([^<>]+)>\\s*");

    private final DraftStore store;
    private final Path seedFolder;
    private final SeedClock clock;
    private final boolean withLargeProject;

    /**
     * @param store where to create the projects
     * @param seedFolder folder holding one sub-folder per sample project ({@code drafts-repo/seed})
     * @param clock the clock {@code store} was built with, set to each version's time; {@code null} to leave times
     *         to the store's own clock
     * @param withLargeProject whether to generate the large sample project too
     */
    public SeedImporter(DraftStore store, Path seedFolder, SeedClock clock, boolean withLargeProject) {
        this.store = Objects.requireNonNull(store, "store");
        this.seedFolder = Objects.requireNonNull(seedFolder, "seedFolder");
        this.clock = clock;
        this.withLargeProject = withLargeProject;
    }

    /**
     * What an import did.
     *
     * @param created ids of the projects created, in order
     * @param skipped ids of the projects that existed already
     * @param elapsed wall-clock time of the import
     */
    public record Report(List<String> created, List<String> skipped, Duration elapsed) {
    }

    /**
     * Creates every sample project that does not exist yet.
     *
     * @throws IllegalStateException when a seed folder is malformed (the message names the file and the problem)
     */
    public Report importAll() {
        long started = System.nanoTime();
        List<String> created = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path folder : projectFolders()) {
            String projectId = folder.getFileName().toString();
            if (store.projectExists(projectId)) {
                skipped.add(projectId);
            } else {
                importFolder(projectId, folder);
                created.add(projectId);
            }
        }
        if (withLargeProject) {
            if (store.projectExists(LargeProjectGenerator.PROJECT_ID)) {
                skipped.add(LargeProjectGenerator.PROJECT_ID);
            } else {
                new LargeProjectGenerator(LargeProjectGenerator.DEFAULT_SEED)
                        .generate(store, LargeProjectGenerator.PROJECT_ID, clock);
                created.add(LargeProjectGenerator.PROJECT_ID);
            }
        }
        return new Report(List.copyOf(created), List.copyOf(skipped), Duration.ofNanos(System.nanoTime() - started));
    }

    private List<Path> projectFolders() {
        if (!Files.isDirectory(seedFolder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(seedFolder)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(DraftStore.MANIFEST_FILE))
                            && Files.isRegularFile(p.resolve("history.yaml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list seed folder " + seedFolder, e);
        }
    }

    private void importFolder(String projectId, Path folder) {
        ProjectManifest manifest = ProjectManifest.fromYaml(read(folder.resolve(DraftStore.MANIFEST_FILE)));
        if (!manifest.id().equals(projectId)) {
            throw new IllegalStateException("Seed folder " + folder + " holds project.yaml of '" + manifest.id()
                    + "'; the folder must be named after the project id");
        }
        List<Map<String, Object>> versions = history(folder.resolve("history.yaml"));
        // Written out of sight and moved into place when complete: a crash midway leaves no half project.
        store.buildProject(projectId, staging -> {
            writeHistory(staging, projectId, folder, manifest, versions);
            return null;
        });
    }

    private void writeHistory(DraftStore store, String projectId, Path folder, ProjectManifest manifest,
                              List<Map<String, Object>> versions) {
        store.createProject(projectId);
        String head = null;
        for (Map<String, Object> version : versions) {
            String file = field(version, "file", folder);
            if (clock != null && version.get("time") != null) {
                clock.set(parseTime(field(version, "time", folder), folder));
            }
            List<Person> coAuthors = new ArrayList<>();
            if (version.get("co-authors") instanceof List<?> names) {
                names.forEach(name -> coAuthors.add(person(String.valueOf(name), folder)));
            }
            Map<String, String> files = head == null
                    ? Map.of(DraftStore.DRAFT_FILE, read(folder.resolve(file)),
                    DraftStore.MANIFEST_FILE, manifest.toYaml())
                    : Map.of(DraftStore.DRAFT_FILE, read(folder.resolve(file)));
            CommitRequest request = new CommitRequest(head, files, person(field(version, "author", folder), folder),
                    coAuthors, field(version, "message", folder));
            head = store.commit(projectId, request).version().commitId();
            if (version.get("tag") != null) {
                store.createTag(projectId, field(version, "tag", folder), head, SECRETARIAT,
                        field(version, "tag-message", folder));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> history(Path file) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
        } catch (YAMLException e) {
            throw new IllegalStateException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(loaded instanceof List<?> list) || list.isEmpty()
                || !list.stream().allMatch(Map.class::isInstance)) {
            throw new IllegalStateException(file + " must be a non-empty list of versions");
        }
        return (List<Map<String, Object>>) loaded;
    }

    private static String field(Map<String, Object> version, String key, Path folder) {
        Object value = version.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalStateException("A version in " + folder.resolve("history.yaml") + " lacks '" + key
                    + "'");
        }
        return value instanceof Date date ? date.toInstant().toString() : String.valueOf(value);
    }

    private static Instant parseTime(String text, Path folder) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new IllegalStateException("Bad time '" + text + "' in " + folder
                        + "; use 2020-03-06T10:00:00+08:00", again);
            }
        }
    }

    private static Person person(String text, Path folder) {
        Matcher m = PERSON.matcher(text);
        if (!m.matches()) {
            throw new IllegalStateException("'" + text + "' in " + folder + " is not 'Name <email>'");
        }
        return new Person(m.group(1), m.group(2));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed file " + file, e);
        }
    }
}
