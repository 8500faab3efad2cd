package org.draftroom.drafts.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentCommitTest {

    static final Person ALICE = new Person("Alice", "alice@example.com");
    static final Person BOB = new Person("Bob", "bob@example.com");

    @TempDir
    Path root;

    GitDraftStore store;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        store = new GitDraftStore(root, Clock.systemUTC());
        threads = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        store.close();
    }

    @Test
    void of_two_threads_saving_on_the_same_base_exactly_one_wins_every_round() throws Exception {
        store.createProject("race");
        String head = store.commit("race", CommitRequest.initial(Map.of("draft.md", "round 0\n"), ALICE, "Start"))
                .version().commitId();
        int rounds = 40;
        CyclicBarrier start = new CyclicBarrier(2);
        for (int round = 1; round <= rounds; round++) {
            String base = head;
            String text = "round " + round + "\n";
            Future<Object> alice = threads.submit(save(start, base, text + "alice\n", ALICE));
            Future<Object> bob = threads.submit(save(start, base, text + "bob\n", BOB));
            Object a = alice.get(30, TimeUnit.SECONDS);
            Object b = bob.get(30, TimeUnit.SECONDS);

            List<Object> outcomes = List.of(a, b);
            assertThat(outcomes).filteredOn(Version.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(StaleVersionException.class::isInstance).hasSize(1);
            Version winner = (Version) outcomes.stream().filter(Version.class::isInstance).findFirst().orElseThrow();
            StaleVersionException loser = (StaleVersionException) outcomes.stream()
                    .filter(StaleVersionException.class::isInstance).findFirst().orElseThrow();
            assertThat(loser.expectedParentId()).isEqualTo(base);
            assertThat(loser.actualHeadId()).isEqualTo(winner.commitId());
            assertThat(store.head("race")).contains(winner.commitId());
            assertThat(store.readFile("race", "main", "draft.md")).contains(
                    text + (winner.author().equals(ALICE) ? "alice\n" : "bob\n"));
            head = winner.commitId();
        }
        assertThat(store.history("race", HistoryQuery.page(0, 1000))).hasSize(rounds + 1);
    }

    @Test
    void writers_that_retry_on_stale_versions_lose_no_edit() throws Exception {
        store.createProject("busy");
        store.commit("busy", CommitRequest.initial(Map.of("draft.md", ""), ALICE, "Start"));
        int writers = 6;
        int editsEach = 15;
        List<Future<Integer>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            results.add(threads.submit(() -> {
                int staleSeen = 0;
                for (int e = 0; e < editsEach; e++) {
                    while (true) {
                        String base = store.head("busy").orElseThrow();
                        String text = store.readFile("busy", base, "draft.md").orElseThrow();
                        try {
                            store.commit("busy", CommitRequest.onTopOf(base,
                                    Map.of("draft.md", text + "w" + writer + "e" + e + "\n"),
                                    new Person("W" + writer, "w" + writer + "@example.com"), "Edit"));
                            break;
                        } catch (StaleVersionException stale) {
                            staleSeen++;
                        }
                    }
                }
                return staleSeen;
            }));
        }
        for (Future<Integer> result : results) {
            result.get(120, TimeUnit.SECONDS);
        }

        String finalText = store.readFile("busy", "main", "draft.md").orElseThrow();
        assertThat(finalText.lines()).hasSize(writers * editsEach);
        for (int w = 0; w < writers; w++) {
            for (int e = 0; e < editsEach; e++) {
                assertThat(finalText).contains("w" + w + "e" + e + "\n");
            }
        }
        assertThat(store.history("busy", HistoryQuery.page(0, 1000))).hasSize(writers * editsEach + 1);
    }

    private Callable<Object> save(CyclicBarrier start, String base, String text, Person author) {
        return () -> {
            start.await(10, TimeUnit.SECONDS);
            try {
                return store.commit("race", CommitRequest.onTopOf(base, Map.of("draft.md", text), author, "Save"))
                        .version();
            } catch (StaleVersionException e) {
                return e;
            }
        };
    }
}
