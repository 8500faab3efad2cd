package org.draftroom.editing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Offsets are UTF-16 code units on both ends, as in Java and JavaScript strings, and surrogate pairs stay whole. */
class Utf16OffsetsTest {

    @Test
    void changing_one_emoji_into_another_that_shares_its_high_surrogate_makes_an_encodable_delta() {
        TextDiffs diffs = new TextDiffs();
        String before = "标准 😀 end";
        String after = "标准 😁 end";

        String delta = diffs.delta(before, after);

        assertThat(delta).doesNotContain("?");
        assertThat(diffs.target(diffs.decode(before, delta))).isEqualTo(after);
    }

    @Test
    void edits_at_utf16_offsets_around_emoji_and_chinese_reach_the_other_editor_intact() {
        ClauseSession session = new ClauseSession("c", "👍🏽中文🇨🇳", SyncLimits.DEFAULT, AcknowledgementListener.NONE);
        ClientSync a = new ClientSync(session.join("a"), SyncLimits.DEFAULT);
        ClientSync b = new ClientSync(session.join("b"), SyncLimits.DEFAULT);
        a.edit(5, 0, "🙂");
        a.edit(8, 0, "与");
        b.edit(0, 4, "𝔸");

        for (ClientSync client : new ClientSync[] {a, b, a}) {
            SyncOutcome.Accepted outcome = (SyncOutcome.Accepted) session.receive(client.nextMessage());
            client.receive(outcome.reply());
        }

        assertThat(session.text()).isEqualTo("𝔸中🙂文与🇨🇳");
        assertThat(a.text()).isEqualTo(session.text());
        assertThat(b.text()).isEqualTo(session.text());
    }

    @Test
    void half_a_surrogate_pair_never_survives_into_a_text() {
        assertThat(TextDiffs.wellFormed("a\uD83Db\uDE00c😀")).isEqualTo("abc😀");
    }
}
