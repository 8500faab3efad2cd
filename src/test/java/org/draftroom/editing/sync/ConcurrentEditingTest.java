package org.draftroom.editing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property tests: random concurrent typing by several editors over a network that drops, duplicates and reorders
 * messages. Whatever the interleaving, once the network quiets down every editor holds exactly the server's text, and
 * the version numbers and backup shadow recover every loss without a single resync.
 */
class ConcurrentEditingTest {

    private static final String START = "本标准规定了术语。The document shall conform. 👍 Emoji 😀 and 𝔸.\n";

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void all_editors_converge_to_the_servers_text_after_the_network_quiets_down(long seed) {
        Random random = new Random(seed);
        ServerSync server = new ServerSync(SyncLimits.DEFAULT, id -> START, AcknowledgementListener.NONE);
        SimulatedNetwork network = new SimulatedNetwork(server, random).faults(0.15, 0.1, 10, 600);
        int editors = 2 + random.nextInt(4);
        for (int i = 0; i < editors; i++) {
            network.join("clause-1", "editor-" + i);
        }
        RandomTyping typing = new RandomTyping(random);
        List<SimulatedNetwork.Editor> all = network.editors();
        for (int step = 0; step < 300; step++) {
            typing.edit(all.get(random.nextInt(all.size())).client);
            network.runUntil(network.now() + random.nextInt(120));
        }

        assertThat(network.quiesce(120_000)).as(network::describe).isTrue();
        String master = server.session("clause-1").orElseThrow().text();
        assertThat(all).allSatisfy(e -> assertThat(e.client.text()).isEqualTo(master));
        assertThat(network.resyncs()).as("resyncs").isZero();
        assertThat(network.rejections()).as("only duplicates and overtaken messages are refused")
                .allMatch(r -> r == RejectReason.STALE);
        assertThat(RandomTyping.wellFormed(master)).as("no surrogate pair cut in half").isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28})
    void a_lone_editors_typing_reaches_the_server_exactly_despite_drops_duplicates_and_reordering(long seed) {
        Random random = new Random(seed);
        ServerSync server = new ServerSync(SyncLimits.DEFAULT, id -> START, AcknowledgementListener.NONE);
        SimulatedNetwork network = new SimulatedNetwork(server, random).faults(0.3, 0.2, 10, 900);
        SimulatedNetwork.Editor editor = network.join("clause-1", "alone");
        RandomTyping typing = new RandomTyping(random);
        for (int step = 0; step < 300; step++) {
            typing.edit(editor.client);
            network.runUntil(network.now() + random.nextInt(200));
        }
        String typed = editor.client.text();

        assertThat(network.quiesce(120_000)).isTrue();
        assertThat(server.session("clause-1").orElseThrow().text()).isEqualTo(typed);
        assertThat(editor.client.text()).isEqualTo(typed);
        assertThat(network.resyncs()).isZero();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33, 34})
    void editors_typing_in_different_paragraphs_keep_every_character(long seed) {
        Random random = new Random(seed);
        String start = "第一段。\n\nSecond paragraph.\n\n第三段 😀。\n";
        ServerSync server = new ServerSync(SyncLimits.DEFAULT, id -> start, AcknowledgementListener.NONE);
        SimulatedNetwork network = new SimulatedNetwork(server, random).faults(0.2, 0.1, 20, 400);
        SimulatedNetwork.Editor first = network.join("c", "first");
        SimulatedNetwork.Editor third = network.join("c", "third");
        StringBuilder firstTyped = new StringBuilder();
        StringBuilder thirdTyped = new StringBuilder();
        String[] pieces = {"标", "准", "a", "b", "👍", " "};
        for (int i = 0; i < 200; i++) {
            String piece = pieces[random.nextInt(pieces.length)];
            boolean byFirst = random.nextBoolean();
            SimulatedNetwork.Editor editor = byFirst ? first : third;
            String text = editor.client.text();
            int paragraphEnd = byFirst ? text.indexOf("\n\n") : text.length() - 1;
            editor.client.edit(paragraphEnd, 0, piece);
            (byFirst ? firstTyped : thirdTyped).append(piece);
            network.runUntil(network.now() + random.nextInt(150));
        }

        assertThat(network.quiesce(60_000)).isTrue();
        assertThat(first.client.text())
                .isEqualTo("第一段。" + firstTyped + "\n\nSecond paragraph.\n\n第三段 😀。" + thirdTyped + "\n")
                .isEqualTo(third.client.text());
    }
}
