package org.draftroom.drafts.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Git storage for several nodes: one repository on a shared directory, written by two processes at once (two JVMs
 * running {@link ConcurrentCommitter}, JGit's file locks being the only coordination). No update is lost: every commit
 * of both writers is in the history, the head holds both writers' last numbers, and {@code git fsck --full} is clean.
 */
class SharedRepositoryIT {

    private static final int COUNT = 60;

    @Test
    void two_processes_committing_to_one_repository_lose_no_update() throws Exception {
        Path root = Files.createTempDirectory(Path.of("target"), "shared-repo-");
        try (GitDraftStore store = new GitDraftStore(root, Clock.systemUTC())) {
            store.createProject("shared", CommitRequest.initial(
                    Map.of(DraftStore.DRAFT_FILE, "# One {#one}\n\nText.\n"), new Person("setup", "s@example.org"),
                    "start"));
        }
        List<Process> writers = new ArrayList<>();
        for (String writer : List.of("alpha", "beta")) {
            writers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ConcurrentCommitter.class.getName(),
                    root.toString(), "shared", writer, String.valueOf(COUNT)).redirectErrorStream(true).start());
        }
        List<String> outputs = new ArrayList<>();
        for (Process p : writers) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            outputs.add(out.strip());
            assertThat(p.waitFor()).as(out).isZero();
        }
        System.out.println("shared repository: " + outputs);

        Path git = root.resolve("shared.git");
        assertThat(git("--git-dir=" + git, "show", "HEAD:alpha.txt").strip()).isEqualTo(String.valueOf(COUNT));
        assertThat(git("--git-dir=" + git, "show", "HEAD:beta.txt").strip()).isEqualTo(String.valueOf(COUNT));
        String log = git("--git-dir=" + git, "log", "--format=%s");
        for (String writer : List.of("alpha", "beta")) {
            for (int i = 1; i <= COUNT; i++) {
                assertThat(log.lines().filter((writer + " " + i)::equals).count()).as(writer + " " + i).isEqualTo(1);
            }
        }
        assertThat(log.lines().count()).isEqualTo(2L * COUNT + 1);
        String fsck = git("--git-dir=" + git, "fsck", "--full");
        assertThat(fsck).doesNotContainIgnoringCase("error").doesNotContainIgnoringCase("missing");
    }

    private static String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }
}
