package org.draftroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module reads and writes only its own tables; it asks other modules through their public services or events.
 * Every table the migrations create has one owning module, and no SQL in another module's code names it
 * ({@code from}, {@code join}, {@code into}, {@code update} in a string literal of the main sources). Spring
 * Modulith's checks ({@link ArchitectureTest}) see Java dependencies only, so a query across modules would pass them.
 *
 * <p>{@link #NOT_YET_MOVED} lists the queries that crossed modules when this check was written: it may only shrink.
 * A query that is not in it fails the test, and so does an entry that no longer crosses (take it out).
 */
class TableOwnershipTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/org/draftroom");

    /** The module that owns each table: the only one whose code may name it. */
    static final Map<String, String> OWNERS = new TreeMap<>(Map.ofEntries(
            Map.entry("organisation", "security"), Map.entry("working_group", "security"),
            Map.entry("app_user", "security"), Map.entry("user_role", "security"),
            Map.entry("wg_membership", "security"), Map.entry("api_token", "security"),
            Map.entry("organisation_invitation", "security"), Map.entry("sign_in_failure", "security"),
            Map.entry("api_request_count", "security"),
            Map.entry("event_publication", "base"), Map.entry("cluster_job", "base"),
            Map.entry("project", "drafts"), Map.entry("project_stage_change", "drafts"),
            Map.entry("live_session", "editing"), Map.entry("edit_journal", "editing"),
            Map.entry("live_presence", "editing"),
            Map.entry("comment", "comments"), Map.entry("comment_placement_version", "comments"),
            Map.entry("comment_sequence", "comments"), Map.entry("comment_reply", "comments"),
            Map.entry("comment_event", "comments"),
            Map.entry("round", "rounds"), Map.entry("round_organisation", "rounds"),
            Map.entry("round_change", "rounds"), Map.entry("round_submission", "rounds"),
            Map.entry("round_late_permission", "rounds"), Map.entry("round_sheet_import", "rounds"),
            Map.entry("disposition", "rounds"), Map.entry("registration_attempt", "rounds"),
            Map.entry("notification", "notifications"), Map.entry("mail_outbox", "notifications"),
            Map.entry("search_change", "search")));

    /** Queries across modules still to be replaced by calls to the owning module (file → tables it names). */
    static final Map<String, Set<String>> NOT_YET_MOVED = Map.of(
            "comments/data/CommentRepository.java", Set.of("app_user"),
            "notifications/data/NotificationRepository.java",
            Set.of("app_user", "user_role", "project", "comment", "round", "round_organisation"),
            "rounds/data/DispositionRepository.java", Set.of("working_group", "app_user", "user_role", "wg_membership"),
            "rounds/data/RoundRepository.java", Set.of("organisation", "app_user", "project"));

    private static final Pattern CREATE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");

    @Test
    void every_table_has_an_owning_module() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE.matcher(Files.readString(file));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        assertThat(created).as("tables the migrations create").isNotEmpty();
        assertThat(OWNERS.keySet()).as("declare the owner of every new table here").containsAll(created);
    }

    @Test
    void no_module_names_another_modules_table_in_its_sql() throws IOException {
        Map<String, Set<String>> crossing = crossings(SOURCES);
        Map<String, Set<String>> added = new TreeMap<>();
        crossing.forEach((file, tables) -> {
            Set<String> news = new TreeSet<>(tables);
            news.removeAll(NOT_YET_MOVED.getOrDefault(file, Set.of()));
            if (!news.isEmpty()) {
                added.put(file, news);
            }
        });
        assertThat(added).as("SQL naming another module's tables: ask the owning module's service instead").isEmpty();
        assertThat(crossing).as("queries moved to their module: take them out of NOT_YET_MOVED")
                .isEqualTo(NOT_YET_MOVED);
    }

    /** For each main source file, the other modules' tables its string literals query. */
    static Map<String, Set<String>> crossings(Path sources) throws IOException {
        Map<String, Set<String>> crossing = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String relative = sources.relativize(file).toString().replace('\\', '/');
            String module = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
            String code = Files.readString(file).replaceAll("/\\*[\\s\\S]*?\\*/", "").replaceAll("//[^\\n]*", "");
            List<String> literals = new ArrayList<>();
            Matcher m = LITERAL.matcher(code);
            while (m.find()) {
                literals.add(m.group());
            }
            String sql = String.join(" ", literals);
            for (Map.Entry<String, String> table : OWNERS.entrySet()) {
                if (!table.getValue().equals(module) && Pattern.compile("(?i)\\b(from|join|into|update)\\s+"
                        + table.getKey() + "\\b").matcher(sql).find()) {
                    crossing.computeIfAbsent(relative, k -> new TreeSet<>()).add(table.getKey());
                }
            }
        }
        return crossing;
    }
}
