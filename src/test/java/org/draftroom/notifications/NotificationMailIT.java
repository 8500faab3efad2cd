package org.draftroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.awaitility.Awaitility;
import org.draftroom.IntegrationTest;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code spring.mail.host} set, the notifications reach the audience by e-mail too: here through a real SMTP
 * server (GreenMail) in the test JVM. The invited reviewer gets the round's opening in their language (the demo
 * accounts have none chosen: Chinese) with a link under {@code draftroom.mail.base-url}; a reviewer of an organisation
 * not invited gets nothing.
 */
@IntegrationTest
class NotificationMailIT {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("draftroom.mail.base-url", () -> "https://draftroom.example/");
    }

    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void the_invited_reviewer_is_e_mailed_in_chinese_with_a_link_to_the_round_and_others_are_not()
            throws MessagingException {
        SignedIn.as(users, "secretariat");
        String project = TestProjects.consultationCopy(projects, drafts, "GB/T M" + (System.nanoTime() % 100_000), "邮件测试", "Mail test");
        long abc = jdbc.sql("select id from organisation where code = 'CN-ABC'").query(Long.class).single();
        Round round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                Instant.now().plus(Duration.ofDays(20)), "", Audience.INVITED, Set.of(abc), true));

        // Other tests of this class send e-mails to the same server: wait for this one by its recipient.
        MimeMessage mail = Awaitility.await("an e-mail to reviewer1").atMost(Duration.ofSeconds(20))
                .ignoreExceptions().until(() -> to("reviewer1@example.org"), m -> true);
        assertThat(mail.getSubject()).startsWith("Draftroom 标准起草平台: 征求意见 " + round.title() + " 已向您开放");
        assertThat(GreenMailUtil.getBody(mail)).contains("https://draftroom.example/rounds/" + round.id());
        assertThat(recipients()).doesNotContain("reviewer2@example.org");
    }

    @Test
    void an_e_mail_whose_sender_died_before_marking_it_sent_goes_out_again_with_the_same_message_id()
            throws MessagingException {
        // What a crash between handing the e-mail to the SMTP server and marking it sent leaves: claimed once, its
        // next attempt due, no sent time.
        long editor = jdbc.sql("select id from app_user where username = 'editor1'").query(Long.class).single();
        String address = jdbc.sql("select email from app_user where id = :u").param("u", editor).query(String.class)
                .single();
        long id = jdbc.sql("""
                        insert into mail_outbox (user_id, message_key, args, link, created_at, attempts, next_attempt_at)
                        values (:u, 'notification.dispositions-published', '{"GB/T X · 征求意见稿 (1)"}', 'rounds/1',
                                now() - interval '2 minutes', 1, now() - interval '1 second') returning id""")
                .param("u", editor).query(Long.class).single();
        String messageId = "<notification-mail-" + id + "@draftroom>";

        MimeMessage again = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                    try {
                        return messageId.equals(m.getMessageID());
                    } catch (MessagingException e) {
                        return false;
                    }
                }).findFirst(), Optional::isPresent).orElseThrow();

        assertThat(again.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(address);
        // marked sent once the SMTP server has taken it, a moment after it arrived there
        Integer attempts = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select attempts from mail_outbox where id = :id and sent_at is not null")
                        .param("id", id).query(Integer.class).optional(), Optional::isPresent).orElseThrow();
        assertThat(attempts).isEqualTo(2);
    }

    private MimeMessage to(String address) throws MessagingException {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                return m;
            }
        }
        throw new AssertionError("no e-mail to " + address + " among " + recipients());
    }

    private List<String> recipients() throws MessagingException {
        List<String> all = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).forEach(all::add);
        }
        return all;
    }
}
