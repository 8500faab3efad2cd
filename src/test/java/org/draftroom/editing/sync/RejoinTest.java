package org.draftroom.editing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rejoining without every answer: the browser sent edits whose answers never came (a cut connection, a node that died
 * after its commit), and the server's session for the clause was started afresh (from the journal). Told how many of
 * its edits of that epoch the server took ({@code docs/sync-protocol.md}, "Joining and resynchronising"), the client
 * carries exactly the rest onto the text it gets: nothing lost, nothing twice.
 */
class RejoinTest {

    private static final String BASE = "The organisation shall keep records.";

    private final List<AcknowledgedEdit> journal = new ArrayList<>();
    private ClauseSession session = new ClauseSession("c1", BASE, SyncLimits.DEFAULT, journal::addAll);
    private final ClientSync client = new ClientSync(session.join("editor"), SyncLimits.DEFAULT);

    /** The session again from the journal, as a node that dropped it or another node starts it. */
    private Snapshot sessionFromTheJournal() {
        String text = BASE;
        for (AcknowledgedEdit e : journal) {
            text = Deltas.apply(text, e.masterDelta());
        }
        session = new ClauseSession("c1", text, journal.size(), 5, SyncLimits.DEFAULT, journal::addAll,
                new TextDiffs());
        return session.join("editor");
    }

    /** Taken: " alpha1" (its answer lost); on its way and lost: " beta2"; not yet sent: " gamma3". */
    private long typeWithTheSecondMessageLost() {
        client.setText(BASE + " alpha1");
        ClientMessage first = client.nextMessage();
        assertThat(session.receive(first)).isInstanceOf(SyncOutcome.Accepted.class); // the answer never arrives
        client.setText(BASE + " alpha1 beta2");
        client.nextMessage(); // never arrives at the server
        client.setText(BASE + " alpha1 beta2 gamma3");
        long epoch = client.epoch();
        return journal.stream().filter(e -> e.epoch() == epoch).mapToLong(e -> e.clientVersion() + 1).max()
                .orElse(0);
    }

    @Test
    void a_rejoin_knowing_what_the_server_took_keeps_every_word_once() {
        long taken = typeWithTheSecondMessageLost();
        assertThat(taken).isEqualTo(1);

        client.resync(sessionFromTheJournal(), taken);

        assertThat(client.text()).isEqualTo(BASE + " alpha1 beta2 gamma3");
        assertThat(client.pendingEdits()).isZero();
        ClientMessage again = client.nextMessage();
        SyncOutcome outcome = session.receive(again);
        assertThat(outcome).isInstanceOf(SyncOutcome.Accepted.class);
        assertThat(session.text()).isEqualTo(BASE + " alpha1 beta2 gamma3");
    }

    @Test
    void counting_every_sent_edit_as_taken_loses_the_one_that_never_arrived() {
        typeWithTheSecondMessageLost();

        client.resync(sessionFromTheJournal());

        // What the one-argument rejoin does when the server cannot say: the lost " beta2" is gone.
        assertThat(client.text()).isEqualTo(BASE + " alpha1 gamma3");
    }

    @Test
    void when_the_server_took_nothing_everything_typed_is_carried_once() {
        client.setText(BASE + " alpha1");
        client.nextMessage(); // lost before the server
        client.setText(BASE + " alpha1 beta2");

        client.resync(sessionFromTheJournal(), 0);

        assertThat(client.text()).isEqualTo(BASE + " alpha1 beta2");
    }

    @Test
    void after_an_earlier_answer_acknowledged_part_of_the_stack_the_rest_is_rebased_from_the_right_text() {
        client.setText(BASE + " alpha1");
        ClientMessage first = client.nextMessage();
        SyncOutcome one = session.receive(first);
        // The first message's answer is late: the client sends again with a second edit before it comes.
        client.setText(BASE + " alpha1 beta2");
        ClientMessage second = client.nextMessage();
        assertThat(client.pendingEdits()).isEqualTo(2);
        client.receive(((SyncOutcome.Accepted) one).reply()); // an older answer: only its acknowledgement counts
        assertThat(client.pendingEdits()).isEqualTo(1);
        session.receive(second); // taken; its answer lost
        client.setText(BASE + " alpha1 beta2 gamma3");

        client.resync(sessionFromTheJournal(), 2);

        assertThat(client.text()).isEqualTo(BASE + " alpha1 beta2 gamma3");
    }

    @Test
    void a_clause_session_that_follows_another_goes_on_with_its_epochs() {
        ServerSync server = new ServerSync(SyncLimits.DEFAULT, id -> BASE, edits -> { });
        long first = server.join("c1", "editor").epoch();
        server.drop("c1");
        long second = server.join("c1", "editor").epoch();
        server.leave("c1", "editor");
        server.closeIfIdle("c1");
        long third = server.join("c1", "editor").epoch();
        assertThat(List.of(first, second, third)).containsExactly(1L, 2L, 3L);
    }
}
