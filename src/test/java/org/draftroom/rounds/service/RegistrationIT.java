package org.draftroom.rounds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.draftroom.IntegrationTest;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.Role;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Self-registration for public rounds: a reviewer account in the named organisation, throttled per address. */
@IntegrationTest
class RegistrationIT {

    @Autowired RegistrationService registrations;
    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired RoundAccessRules roundRules;
    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired Access access;
    @Autowired UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void a_registered_person_is_a_reviewer_who_may_comment_in_public_rounds_only() {
        registrations.register("10.0.0.1", "李雷 Li Lei", "lilei@example.org", "lilei", "a-long-passphrase");
        SignedIn.as(users, "lilei");
        CurrentUser me = access.current();
        assertThat(me.roles()).containsExactly(Role.REVIEWER);
        assertThat(me.organisationCode()).startsWith("PUB-");

        SignedIn.as(users, "secretariat");
        String project = TestProjects.consultationCopy(projects, drafts, "GB/T P" + (System.nanoTime() % 100_000), "公开征求意见", "Public round");
        Round open = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                Instant.now().plus(Duration.ofDays(30)), "", Audience.PUBLIC, Set.of(), true));
        assertThat(roundRules.checkWrite(open.id(), me)).isFalse();
    }

    @Test
    void registrations_are_throttled_per_address_and_bad_input_is_refused_by_field() {
        assertThatThrownBy(() -> registrations.register("10.0.0.2", "No Mail", "", "nomail", "a-long-passphrase"))
                .isInstanceOfSatisfying(FieldProblemException.class, e -> assertThat(e.fieldKey()).isEqualTo("user.email"));
        for (int i = 0; i < RegistrationService.MAX_PER_WINDOW; i++) {
            registrations.register("10.0.0.2", "Person " + i, "p" + i + "@example.org", "person-x" + i,
                    "a-long-passphrase");
        }
        assertThatThrownBy(() -> registrations.register("10.0.0.2", "One more", "more@example.org", "onemore",
                "a-long-passphrase"))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("registration.throttled"));
    }

    /** Simultaneous registrations from one address (as from several nodes at once) cannot exceed the limit. */
    @Test
    void simultaneous_registrations_from_one_address_are_counted_one_after_another() throws Exception {
        int tries = 3 * RegistrationService.MAX_PER_WINDOW;
        ExecutorService pool = Executors.newFixedThreadPool(tries);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                int n = i;
                outcomes.add(pool.submit(() -> {
                    try {
                        registrations.register("10.0.0.3", "Parallel " + n, "par" + n + "@example.org",
                                "parallel-" + n, "a-long-passphrase");
                        return true;
                    } catch (UserFacingException throttled) {
                        assertThat(throttled.messageKey()).isEqualTo("registration.throttled");
                        return false;
                    }
                }));
            }
            int registered = 0;
            for (Future<Boolean> outcome : outcomes) {
                registered += outcome.get() ? 1 : 0;
            }
            assertThat(registered).isEqualTo(RegistrationService.MAX_PER_WINDOW);
        } finally {
            pool.shutdownNow();
        }
    }
}
