package org.draftroom.editing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Typing is never lost to a coarse diff. A diff may come out as "delete everything between the common prefix and
 * suffix, insert it again" (a diff cut short by a deadline did exactly that on a loaded server); carried onto a text
 * in which an editor has typed on, unsent, such a change must keep that typing. Every diff here, on the server and in
 * every client, is forced to be the coarsest ({@link TextDiffs#coarseEdits}).
 */
class CoarseDiffTypingTest {

    private static final String START = "本文件规定了个人信息处理的原则。The committee shall meet. 😀\n";

    private static ServerMessage answer(SyncOutcome outcome) {
        return ((SyncOutcome.Accepted) outcome).reply();
    }

    @Test
    void typing_not_yet_sent_survives_a_server_edit_that_deletes_and_reinserts_the_text_around_it() {
        ServerSync server = new ServerSync(SyncLimits.DEFAULT, id -> START, AcknowledgementListener.NONE,
                TextDiffs::coarseEdits);
        ClientSync a = new ClientSync(server.join("c", "a"), SyncLimits.DEFAULT, TextDiffs.coarseEdits());
        ClientSync b = new ClientSync(server.join("c", "b"), SyncLimits.DEFAULT, TextDiffs.coarseEdits());
        ClientSync c = new ClientSync(server.join("c", "c"), SyncLimits.DEFAULT, TextDiffs.coarseEdits());
        // a types at the start and c at the end: b's next answer changes both ends of its text, so the coarsest
        // diff replaces all of it.
        a.edit(0, 0, "[甲]");
        a.receive(answer(server.receive(a.nextMessage())));
        c.edit(c.text().length(), 0, "[丙]");
        c.receive(answer(server.receive(c.nextMessage())));
        ServerMessage bringsBoth = answer(server.receive(b.nextMessage()));
        b.edit(b.text().indexOf("原则"), 0, "基本");
        b.receive(bringsBoth);
        b.receive(answer(server.receive(b.nextMessage())));
        a.receive(answer(server.receive(a.nextMessage())));
        c.receive(answer(server.receive(c.nextMessage())));

        String master = server.session("c").orElseThrow().text();
        assertThat(master).isEqualTo("[甲]本文件规定了个人信息处理的基本原则。The committee shall meet. 😀\n[丙]");
        assertThat(List.of(a.text(), b.text(), c.text())).containsOnly(master);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void every_keystroke_of_every_editor_is_in_the_converged_text_once_when_every_diff_is_the_coarsest(long seed) {
        Random random = new Random(seed);
        typeAtOnce(random, 3 + random.nextInt(4), 400);
    }

    /** A committee's worth: twelve editors in one clause, as in the run that lost characters. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void twelve_editors_typing_at_once_lose_no_keystroke_when_every_diff_is_the_coarsest(long seed) {
        typeAtOnce(new Random(seed), 12, 480);
    }

    /**
     * {@code editors} type and delete at random places while messages are lost, repeated and late, every diff
     * forced to the coarsest. After every step, every character typed so far is in the server's text or (not yet
     * acknowledged) still in its typist's text; at the end all texts are the same and hold each of them once.
     */
    private static void typeAtOnce(Random random, int editors, int steps) {
        ServerSync server = new ServerSync(SyncLimits.DEFAULT, id -> START, AcknowledgementListener.NONE,
                TextDiffs::coarseEdits);
        SimulatedNetwork network = new SimulatedNetwork(server, random).faults(0.1, 0.05, 10, 400)
                .clientDiffs(TextDiffs::coarseEdits);
        for (int i = 0; i < editors; i++) {
            network.join("clause-1", "editor-" + i);
        }
        List<SimulatedNetwork.Editor> all = network.editors();
        // Each keystroke types a character nobody else types (CJK Extension A, a block of `steps` per editor, none
        // of them in the starting text), so that every single one can be looked for.
        List<Character> typed = new ArrayList<>();
        List<Integer> typist = new ArrayList<>();
        int[] keystrokes = new int[editors];
        for (int step = 0; step < steps; step++) {
            int who = random.nextInt(editors);
            ClientSync client = all.get(who).client;
            String text = client.text();
            if (random.nextInt(10) < 8) {
                char key = (char) (0x3400 + who * steps + keystrokes[who]++);
                int at = RandomTyping.boundary(text, random.nextInt(text.length() + 1));
                client.edit(at, 0, String.valueOf(key));
                typed.add(key);
                typist.add(who);
            } else {
                int at = text.indexOf(START.charAt(random.nextInt(START.length())));
                if (at >= 0 && !Character.isSurrogate(text.charAt(at))) {
                    client.edit(at, 1, ""); // deletes a character of the starting text, never a typed one
                }
            }
            network.runUntil(network.now() + random.nextInt(150));
            String master = server.session("clause-1").orElseThrow().text();
            for (int k = 0; k < typed.size(); k++) {
                char key = typed.get(k);
                int owner = typist.get(k);
                int after = step;
                assertThat(master.indexOf(key) >= 0 || all.get(owner).client.text().indexOf(key) >= 0)
                        .as(() -> "after step " + after + ": keystroke " + key + " of editor-" + owner
                                + " is neither in the server's text nor in its typist's")
                        .isTrue();
            }
        }

        assertThat(network.quiesce(120_000)).as(network::describe).isTrue();
        String master = server.session("clause-1").orElseThrow().text();
        assertThat(all).allSatisfy(e -> assertThat(e.client.text()).isEqualTo(master));
        List<Character> missing = new ArrayList<>();
        List<Character> repeated = new ArrayList<>();
        for (char key : typed) {
            int first = master.indexOf(key);
            if (first < 0) {
                missing.add(key);
            } else if (master.indexOf(key, first + 1) >= 0) {
                repeated.add(key);
            }
        }
        assertThat(missing).as("typed characters missing from the converged text").isEmpty();
        assertThat(repeated).as("typed characters in the converged text twice").isEmpty();
        assertThat(RandomTyping.wellFormed(master)).isTrue();
    }
}
