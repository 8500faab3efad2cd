package org.draftroom.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.draftroom.WebIntegrationTest;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.DispositionRow;
import org.draftroom.rounds.domain.InvitedOrganisation;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundState;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo profile shows the whole workflow at once: an open round with comments and a published one. Served over
 * HTTP only to share the application of the API tests of the demo rounds ({@code RoundsApiIT}, which only read them).
 */
@WebIntegrationTest
@TestPropertySource(properties = "draftroom.demo.rounds=true")
class DemoRoundsIT {

    @Autowired RoundService rounds;
    @Autowired DispositionService dispositions;
    @Autowired UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void reviewer1_sees_an_open_round_with_comments_and_a_published_one_with_dispositions() {
        SignedIn.as(users, "reviewer1");
        List<Round> mine = rounds.visibleRounds();
        Instant now = Instant.now();
        assertThat(mine).extracting(r -> r.state(now)).containsExactlyInAnyOrder(RoundState.OPEN, RoundState.PUBLISHED);
        Round open = mine.stream().filter(r -> r.state(now) == RoundState.OPEN).findFirst().orElseThrow();
        assertThat(open.tagName()).isEqualTo("round-2");
        assertThat(open.organisations()).extracting(InvitedOrganisation::code).containsExactly("CN-ABC", "CN-XYZ");
        assertThat(rounds.frozenDraft(open.id()).outline().number("c-rights")).isEqualTo("8");

        Round published = mine.stream().filter(r -> r.state(now) == RoundState.PUBLISHED).findFirst().orElseThrow();
        List<DispositionRow> outcome = dispositions.rows(published.id());
        assertThat(outcome).hasSize(3).allSatisfy(r -> assertThat(r.disposition().disposition()).isNotNull());
        assertThat(outcome).extracting(r -> r.disposition().disposition()).contains(Disposition.PARTLY_ACCEPTED);

        SignedIn.as(users, "secretariat");
        assertThat(dispositions.statistics(open.id()).total()).isEqualTo(3);
    }
}
