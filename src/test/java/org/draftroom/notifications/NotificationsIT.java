package org.draftroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.awaitility.Awaitility;
import org.draftroom.IntegrationTest;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.notifications.domain.Notification;
import org.draftroom.notifications.service.NotificationService;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The bell tells the audience that a round opened, and only them. */
@IntegrationTest
class NotificationsIT {

    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired NotificationService notifications;
    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void the_invited_reviewer_is_told_that_a_round_opened_and_others_are_not() {
        SignedIn.as(users, "reviewer2");
        int before = notifications.unreadCount();
        SignedIn.as(users, "secretariat");
        DraftDocument text = drafts.open("gbt-35273", "cd-1").document();
        String project = projects.create(new ProjectForm("GB/T N" + (System.nanoTime() % 100_000), "通知测试",
                "Notification test", DocumentType.GB_T, "WG7", Stage.CONSULTATION, "30.20", "CN-BCL"), text).id();
        long abc = jdbc.sql("select id from organisation where code = 'CN-ABC'").query(Long.class).single();
        Round round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                Instant.now().plus(Duration.ofDays(20)), "", Audience.INVITED, Set.of(abc), true));

        SignedIn.as(users, "reviewer1");
        // The notifier listens after the commit on a thread of its own (a stored event).
        Notification latest = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInSameThread()
                .until(() -> notifications.latest().stream().findFirst(),
                        n -> n.isPresent() && n.get().link().equals("rounds/" + round.id())).orElseThrow();
        assertThat(latest.messageKey()).isEqualTo("notification.round-opened");
        assertThat(latest.args().get(0)).isEqualTo(round.title());
        assertThat(latest.link()).isEqualTo("rounds/" + round.id());
        int unread = notifications.unreadCount();
        notifications.markRead(latest.id());
        assertThat(notifications.unreadCount()).isEqualTo(unread - 1);

        SignedIn.as(users, "reviewer2");
        assertThat(notifications.unreadCount()).as("CN-XYZ is not invited").isEqualTo(before);
    }
}
