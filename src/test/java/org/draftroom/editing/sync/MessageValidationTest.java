package org.draftroom.editing.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refused messages: each is refused with the reason a caller needs (log it, and tell the client to resynchronise when
 * {@link RejectReason#requiresResync()}), changes nothing, and does not disturb the other editors of the clause.
 */
class MessageValidationTest {

    private static final SyncLimits LIMITS = new SyncLimits(4_096, 4, 3_000);

    private final List<AcknowledgedEdit> journal = new ArrayList<>();
    private ClauseSession session;
    private ClientSync good;
    private ClientSync other;

    @BeforeEach
    void twoEditorsOnOneClause() {
        session = new ClauseSession("5.3", "The committee shall meet. 委员会应开会。", LIMITS, journal::addAll);
        good = new ClientSync(session.join("good"), LIMITS);
        other = new ClientSync(session.join("other"), LIMITS);
    }

    private SyncOutcome send(ClientMessage message) {
        return session.receive(message);
    }

    private void roundTrip(ClientSync client) {
        SyncOutcome outcome = session.receive(client.nextMessage());
        assertThat(outcome).isInstanceOf(SyncOutcome.Accepted.class);
        assertThat(client.receive(((SyncOutcome.Accepted) outcome).reply())).isEqualTo(ClientSync.Result.APPLIED);
    }

    private void assertRefused(SyncOutcome outcome, RejectReason reason) {
        assertThat(outcome).isInstanceOfSatisfying(SyncOutcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(reason));
    }

    /** The refusal changed nothing, and the good editor still syncs with the other one. */
    private void assertOthersUnaffected(String masterBefore, long revisionBefore) {
        assertThat(session.text()).isEqualTo(masterBefore);
        assertThat(session.revision()).isEqualTo(revisionBefore);
        good.edit(0, 0, "Now ");
        roundTrip(good);
        roundTrip(other);
        assertThat(other.text()).isEqualTo("Now " + masterBefore).isEqualTo(session.text());
    }

    @Test
    void a_message_that_is_not_in_the_protocols_form_is_refused_as_malformed() {
        for (String wire : List.of("", "hello", "DS1 C good 5.3 1 1 0 0", "DS1 C good 5.3 1 1 0 1\n",
                "DS1 C good 5.3 x 1 0 0\n", "DS1 S good 5.3 1 1 0 0\n", "DS1 C go od 5.3 1 1 0 0\n",
                "DS1 C good 5.3 1 1 0 1\n0 0\n", "DS1 C good 5.3 1 1 -1 0\n")) {
            assertThatThrownBy(() -> SyncCodec.decodeClient(wire, LIMITS))
                    .as(wire).isInstanceOfSatisfying(SyncRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED));
        }
        assertRefused(send(new ClientMessage("good", "5.3", 1, 1, 0,
                List.of(new Edit(0, 0, "=3"), new Edit(2, 0, "=3")))), RejectReason.MALFORMED);
        assertOthersUnaffected(session.text(), session.revision());
    }

    @Test
    void an_oversized_message_is_refused_before_it_is_parsed() {
        String huge = "DS1 C good 5.3 1 1 0 1\n0 0 +" + "x".repeat(5_000) + "\n";
        assertThatThrownBy(() -> SyncCodec.decodeClient(huge, LIMITS)).isInstanceOfSatisfying(
                SyncRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.MESSAGE_TOO_LARGE));
        String before = session.text();
        assertRefused(send(new ClientMessage("good", "5.3", 1, 1, 0,
                List.of(new Edit(0, 0, "=" + before.length() + "\t+" + "x".repeat(5_000))))),
                RejectReason.MESSAGE_TOO_LARGE);
        assertOthersUnaffected(before, 0);
    }

    @Test
    void too_many_edits_and_a_clause_growing_past_its_limit_are_refused() {
        String before = session.text();
        assertRefused(send(new ClientMessage("good", "5.3", 1, 1, 0,
                Collections.nCopies(5, new Edit(0, 0, "=1")))), RejectReason.TOO_MANY_EDITS);
        String paste = "x".repeat(1_000);
        List<Edit> edits = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            edits.add(new Edit(n, 0, "=" + (before.length() + n * 1_000) + "\t+" + paste));
        }
        assertRefused(send(new ClientMessage("good", "5.3", 1, 1, 0, edits)), RejectReason.TEXT_TOO_LONG);
        assertOthersUnaffected(before, 0);
    }

    @Test
    void a_duplicate_or_overtaken_message_is_dropped_as_stale_without_a_resync() {
        good.edit(0, 0, "Draft: ");
        ClientMessage first = good.nextMessage();
        SyncOutcome accepted = send(first);
        assertThat(accepted).isInstanceOf(SyncOutcome.Accepted.class);
        String master = session.text();
        long revision = session.revision();

        SyncOutcome duplicate = send(first);

        assertRefused(duplicate, RejectReason.STALE);
        assertThat(RejectReason.STALE.requiresResync()).isFalse();
        assertThat(journal).hasSize(1);
        good.receive(((SyncOutcome.Accepted) accepted).reply());
        assertOthersUnaffected(master, revision);
    }

    @Test
    void a_message_from_an_earlier_epoch_is_stale_after_the_client_rejoined() {
        ClientMessage old = good.nextMessage();
        good.resync(session.join("good"));
        assertRefused(send(old), RejectReason.STALE);
        assertOthersUnaffected(session.text(), session.revision());
    }

    @Test
    void edits_and_acknowledgements_from_the_future_are_refused_and_require_a_resync() {
        String before = session.text();
        assertRefused(send(new ClientMessage("good", "5.3", 1, 1, 0, List.of(new Edit(3, 0, "=1")))),
                RejectReason.FUTURE_VERSION);
        assertRefused(send(new ClientMessage("good", "5.3", 1, 2, 7, List.of())), RejectReason.FUTURE_VERSION);
        assertRefused(send(new ClientMessage("good", "5.3", 9, 1, 0, List.of())), RejectReason.FUTURE_VERSION);
        assertThat(RejectReason.FUTURE_VERSION.requiresResync()).isTrue();
        assertOthersUnaffected(before, 0);
    }

    @Test
    void a_delta_that_does_not_fit_the_shadow_is_refused() {
        String before = session.text();
        assertRefused(send(new ClientMessage("good", "5.3", 1, 1, 0, List.of(new Edit(0, 0, "=3\t+x")))),
                RejectReason.DELTA_MISMATCH);
        assertRefused(send(new ClientMessage("good", "5.3", 1, 2, 0, List.of(new Edit(0, 0, "=abc")))),
                RejectReason.DELTA_MISMATCH);
        assertOthersUnaffected(before, 0);
    }

    @Test
    void strangers_and_messages_for_another_clause_are_refused() {
        String before = session.text();
        assertRefused(send(new ClientMessage("stranger", "5.3", 1, 1, 0, List.of())), RejectReason.UNKNOWN_CLIENT);
        assertRefused(send(new ClientMessage("good", "5.4", 1, 1, 0, List.of())), RejectReason.WRONG_CLAUSE);
        assertOthersUnaffected(before, 0);
    }

    @Test
    void an_acknowledgement_older_than_the_backup_shadow_is_a_version_mismatch() {
        other.edit(0, 0, "A");
        roundTrip(other);
        roundTrip(good);
        other.edit(0, 0, "B");
        roundTrip(other);
        roundTrip(good);
        assertRefused(send(new ClientMessage("good", "5.3", 1, 99, 0, List.of())),
                RejectReason.VERSION_MISMATCH);
    }

    @Test
    void the_journal_sees_each_edit_before_it_is_acknowledged_and_replaying_it_gives_the_master() {
        String start = session.text();
        good.edit(0, 0, "🎉 ");
        other.edit(start.length(), 0, " 👍🏽");
        roundTrip(good);
        roundTrip(other);
        roundTrip(good);

        assertThat(journal).extracting(AcknowledgedEdit::revision).containsExactly(1L, 2L);
        String replayed = start;
        for (AcknowledgedEdit edit : journal) {
            TextDiffs diffs = new TextDiffs();
            replayed = diffs.target(diffs.decode(replayed, edit.masterDelta()));
        }
        assertThat(replayed).isEqualTo(session.text()).isEqualTo("🎉 " + start + " 👍🏽");
    }

    @Test
    void when_the_journal_fails_nothing_is_acknowledged_and_the_edit_is_applied_on_the_retry() {
        boolean[] fail = {true};
        ClauseSession fragile = new ClauseSession("5.3", "text", LIMITS, edits -> {
            if (fail[0]) {
                throw new IllegalStateException("database down");
            }
        });
        ClientSync client = new ClientSync(fragile.join("c"), LIMITS);
        client.edit(4, 0, "!");
        ClientMessage message = client.nextMessage();

        assertThatThrownBy(() -> fragile.receive(message)).hasMessageContaining("database down");
        assertThat(fragile.text()).isEqualTo("text");
        assertThat(fragile.revision()).isZero();

        fail[0] = false;
        ClientMessage retry = client.nextMessage();
        SyncOutcome outcome = fragile.receive(retry);
        assertThat(outcome).isInstanceOf(SyncOutcome.Accepted.class);
        assertThat(fragile.text()).isEqualTo("text!");
    }
}
