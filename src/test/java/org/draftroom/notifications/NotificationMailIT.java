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
import java.util.Set;
import org.draftroom.IntegrationTest;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
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
        Round round = rounds.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                Instant.now().plus(Duration.ofDays(20)), "", Audience.INVITED, Set.of(abc), true));

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("an e-mail arrives").isTrue();
        MimeMessage mail = to("reviewer1@example.org");
        assertThat(mail.getSubject()).startsWith("Draftroom 标准起草平台: 征求意见 " + round.title() + " 已向您开放");
        assertThat(GreenMailUtil.getBody(mail)).contains("https://draftroom.example/rounds/" + round.id());
        assertThat(recipients()).doesNotContain("reviewer2@example.org");
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
