package org.draftroom.editing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays the real concurrent trace {@code friendsforever} (two people typing into one document at once, 26,078
 * single-character edits, 21,362 characters at the end) as two simulated browsers through {@link ServerSync}, over a
 * network with 20–400 ms latency that drops 10 % and duplicates 5 % of the messages and lets them overtake each other.
 *
 * <p>How the trace becomes keystrokes: each agent types at 100 ms per transaction of the trace, in trace order. A trace
 * position refers to the document the agent saw (its parents); the simulated browser types at the same place of its
 * own text, found by diffing the agent's view (rebuilt by {@link ConcurrentTrace.Replay}) against the browser's text.
 * Causality is kept as a person keeps it: a keystroke made after seeing the other's text waits until that text has
 * reached the browser through the sync protocol (tracked with version vectors riding along with the messages, outside
 * the protocol). What the browser has seen beyond the trace's parents is concurrent in the trace.
 *
 * <p>The trace's README says concurrent typing never lands on the same place; at one place it does (", huh?" and
 * " The" were typed concurrently right after "90s"). Differential synchronization has no tie-break rule for that: the
 * order would follow which edit reached the server first. The simulated typist puts a character before any text at
 * its place that the agent's view lacks, which is the order the trace's own merge gives; with that choice the trace's
 * end text is reachable exactly.
 *
 * <p>What is asserted: the server and both browsers end with identical text, equal to the trace's
 * {@code endContent}, and the protocol never had to resynchronise.
 */
class FriendsForeverTraceTest {

    private static ConcurrentTrace trace;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = FriendsForeverTraceTest.class.getResourceAsStream(
                "/editing-traces/friendsforever.json.gz")) {
            trace = ConcurrentTrace.load(in);
        }
    }

    @Test
    void two_typists_replayed_over_a_lossy_reordering_network_end_with_the_traces_text() {
        ServerSync server = new ServerSync(SyncLimits.DEFAULT, id -> "", AcknowledgementListener.NONE);
        replay(trace, SimulatedNetwork.Server.of(server), "friends");
    }

    /**
     * Replays the trace as two browsers through {@code server}, whose clause {@code clauseId} starts empty, and checks
     * that the server and both browsers end with the trace's end text without a resync.
     */
    static void replay(ConcurrentTrace trace, SimulatedNetwork.Server server, String clauseId) {
        int[] masterKnows = new int[trace.agents];
        int[][] browserKnows = new int[trace.agents][trace.agents];
        SimulatedNetwork network = new SimulatedNetwork(server, new Random(2009)).faults(0.10, 0.05, 20, 400)
                .observer(new SimulatedNetwork.Observer() {
                    @Override
                    public Object onClientSend(SimulatedNetwork.Editor editor, ClientMessage message) {
                        return browserKnows[agentOf(editor)].clone();
                    }

                    @Override
                    public Object onServerAccept(String clientId, Object clientTag, SyncOutcome.Accepted outcome) {
                        merge(masterKnows, (int[]) clientTag);
                        return masterKnows.clone();
                    }

                    @Override
                    public void onClientApplied(SimulatedNetwork.Editor editor, ServerMessage reply, Object tag) {
                        merge(browserKnows[agentOf(editor)], (int[]) tag);
                    }
                });
        for (int a = 0; a < trace.agents; a++) {
            network.join(clauseId, "agent-" + a);
        }
        List<SimulatedNetwork.Editor> browsers = network.editors();
        ConcurrentTrace.Replay replay = new ConcurrentTrace.Replay();
        DiffMatchPatch dmp = new DiffMatchPatch();

        for (ConcurrentTrace.Txn txn : trace.txns) {
            network.runUntil(network.now() + 100);
            int[] seen = browserKnows[txn.agent()];
            assertThat(network.runUntil(() -> covers(seen, txn.parentsVersion()), 600_000))
                    .as("the other's text reaches the typist").isTrue();
            ClientSync browser = browsers.get(txn.agent()).client;
            for (ConcurrentTrace.Patch patch : txn.patches()) {
                type(dmp, replay, txn, patch, browser);
            }
            seen[txn.agent()] = txn.seqOfAgent() + 1;
        }

        assertThat(network.quiesce(600_000)).as(network::describe).isTrue();
        String master = server.text(clauseId);
        assertThat(replay.text()).as("the replay itself").isEqualTo(trace.endContent);
        assertThat(browsers).allSatisfy(b -> assertThat(b.client.text()).isEqualTo(master));
        assertThat(master).isEqualTo(trace.endContent);
        assertThat(network.resyncs()).isZero();
    }

    /** Types one patch of the trace into the browser at the place the agent's view puts it. */
    private static void type(DiffMatchPatch dmp, ConcurrentTrace.Replay replay, ConcurrentTrace.Txn txn,
            ConcurrentTrace.Patch patch, ClientSync browser) {
        for (int i = 0; i < patch.deleteCount(); i++) {
            String view = replay.viewBefore(txn);
            int from = view.offsetByCodePoints(0, patch.position());
            int to = view.offsetByCodePoints(from, 1);
            LinkedList<Diff> diffs = dmp.diffMain(view, browser.text(), false);
            if (unchangedInBrowser(diffs, from, to)) {
                int at = dmp.diffXIndex(diffs, from);
                browser.edit(at, to - from, "");
            }
            replay.delete(patch.position());
        }
        int position = patch.position();
        for (int cp : patch.insert().codePoints().toArray()) {
            String view = replay.viewBefore(txn);
            int from = view.offsetByCodePoints(0, position);
            LinkedList<Diff> diffs = dmp.diffMain(view, browser.text(), false);
            String text = Character.toString(cp);
            browser.edit(insertionPoint(diffs, from), 0, text);
            replay.insert(position++, text);
        }
    }

    /**
     * Where view offset {@code from} is in the browser's text, for an insertion: before any text the browser has there
     * that the typist's view lacks, as the trace's own merge orders a new character right after its left neighbour.
     */
    private static int insertionPoint(List<Diff> diffs, int from) {
        int view = 0;
        int browser = 0;
        for (Diff d : diffs) {
            int length = d.text.length();
            if (d.operation == Operation.INSERT) {
                if (view == from) {
                    return browser;
                }
                browser += length;
            } else if (from < view + length) {
                return d.operation == Operation.EQUAL ? browser + from - view : browser;
            } else {
                view += length;
                if (d.operation == Operation.EQUAL) {
                    browser += length;
                }
            }
        }
        return browser;
    }

    /** Whether view range [from, to) lies in an EQUAL run, i.e. the other typist has not deleted it already. */
    private static boolean unchangedInBrowser(List<Diff> diffs, int from, int to) {
        int viewOffset = 0;
        for (Diff d : diffs) {
            if (d.operation == Operation.INSERT) {
                continue;
            }
            int end = viewOffset + d.text.length();
            if (from >= viewOffset && to <= end) {
                return d.operation == Operation.EQUAL;
            }
            if (from < end) {
                return false;
            }
            viewOffset = end;
        }
        return false;
    }

    private static int agentOf(SimulatedNetwork.Editor editor) {
        return Integer.parseInt(editor.clientId.substring("agent-".length()));
    }

    private static boolean covers(int[] seen, int[] needed) {
        for (int a = 0; a < needed.length; a++) {
            if (seen[a] < needed[a]) {
                return false;
            }
        }
        return true;
    }

    private static void merge(int[] into, int[] from) {
        for (int a = 0; a < into.length; a++) {
            into[a] = Math.max(into[a], from[a]);
        }
    }
}
