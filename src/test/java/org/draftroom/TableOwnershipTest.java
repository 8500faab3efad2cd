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
 * A module that needs another's data asks its public API: {@code security.People} (names, contacts, organisations,
 * people with a role), {@code drafts.service.ProjectFeed}, {@code comments.service.CommentFeed},
 * {@code rounds.service.RoundFeed} (a round and its audience), one query for a whole list.
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
        assertThat(crossings(SOURCES)).as("SQL naming another module's tables: ask the owning module's API instead")
                .isEmpty();
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
