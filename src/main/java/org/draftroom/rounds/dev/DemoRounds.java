package org.draftroom.rounds.dev;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.rounds.service.SubmissionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The consultation rounds of the demo profile, on the GB/T 35273 sample, created when the sample has no round yet:
 * a closed round on the 2017 version with published dispositions, and an open round on the 2020 version (tag
 * {@code cd-1}) for CN-ABC and CN-XYZ ({@code reviewer1}, {@code reviewer2}) with a few comments. Everything goes
 * through the services as the demo people would do it, so the data obeys the same rules; only the first round's
 * window is moved into the past afterwards, as if it had run in 2024.
 */
@Component
@Order(30)
@ConditionalOnExpression("${draftroom.demo.enabled:false} and ${draftroom.demo.rounds:true}")
class DemoRounds implements ApplicationRunner {

    static final String SAMPLE = "gbt-35273";
    private static final Logger log = LoggerFactory.getLogger(DemoRounds.class);

    private final RoundService rounds;
    private final RoundLifecycleService lifecycle;
    private final SubmissionService submissions;
    private final ProjectService projects;
    private final DispositionService dispositions;
    private final CommentService comments;
    private final RoundRepository repository;
    private final UserDetailsService users;

    DemoRounds(RoundService rounds, RoundLifecycleService lifecycle, SubmissionService submissions,
               ProjectService projects, DispositionService dispositions, CommentService comments,
               RoundRepository repository, UserDetailsService users) {
        this.rounds = rounds;
        this.lifecycle = lifecycle;
        this.submissions = submissions;
        this.projects = projects;
        this.dispositions = dispositions;
        this.comments = comments;
        this.repository = repository;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (as("secretariat", () -> rounds.rounds(SAMPLE)).size() > 0) {
            return;
        }
        try {
            createRounds();
        } catch (UserFacingException refused) {
            // E.g. the database was reset but the project repositories kept: their tags round-1 and round-2 exist.
            // The application starts without the demo rounds rather than not at all.
            log.warn("The demo consultation rounds were not created: {} {}", refused.messageKey(),
                    java.util.Arrays.toString(refused.args()));
        }
    }

    private void createRounds() {
        long abc = repository.organisationByCode("CN-ABC").orElseThrow().id();
        long xyz = repository.organisationByCode("CN-XYZ").orElseThrow().id();
        Instant now = rounds.now();

        // Round 1: the 2017 text, run as if in spring 2024, with published dispositions.
        // Scheduled for later, then opened directly and marked announced: nobody is told about a round of 2024.
        Round first = as("secretariat", () -> lifecycle.schedule(new RoundForm(SAMPLE, 1, "征求意见稿", "wd-1", "round-1",
                now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(59)),
                "请重点关注第5章个人信息的收集。Please focus on clause 5, collection of personal information.",
                Audience.INVITED, Set.of(abc, xyz), true)));
        repository.updateWindow(first.id(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(59)), false);
        repository.markOpeningAnnounced(first.id());
        // Its opening moved the project to the consultation stage, in 2024 as the round ran (the second round,
        // opening below, finds the project there already).
        projects.moveWithRound(SAMPLE, RoundLifecycleService.CONSULTATION,
                RoundLifecycleService.CONSULTATION_CODE,
                RoundLifecycleService.note("round-opened", first), "secretariat", Instant.parse("2024-03-01T01:00:00Z"));
        Comment a = comment("reviewer1", first, "c-minimisation", CommentType.TE,
                "“最小化”缺少可操作的判断标准。The minimisation requirement gives no test that can be checked.",
                "增加“与业务功能直接相关”的判断要求。");
        Comment b = comment("reviewer2", first, "c-consent", CommentType.TE,
                "授权同意的撤回方式未作规定。Withdrawal of consent is not addressed.",
                "增加撤回授权同意的要求。");
        Comment c = comment("reviewer2", first, "", CommentType.ED,
                "全文“个人信息控制者”与“控制者”混用。The document mixes two forms of the same term.", "统一使用“个人信息控制者”。");
        as("reviewer1", () -> submissions.submit(first.id()));
        as("reviewer2", () -> submissions.submit(first.id()));
        repository.updateWindow(first.id(), Instant.parse("2024-03-01T01:00:00Z"), Instant.parse("2024-04-30T15:59:00Z"),
                false);
        as("secretariat", () -> {
            dispositions.record(a.id(), Disposition.PARTLY_ACCEPTED,
                    "已在5.2中增加判断要求，但不采用所建议的措辞。A test was added to 5.2 in other words.", null);
            dispositions.record(b.id(), Disposition.ACCEPTED, "", null);
            dispositions.record(c.id(), Disposition.ACCEPTED, "", null);
            dispositions.publish(first.id());
            return null;
        });

        // Round 2: the 2020 text (tag cd-1), open now for sixty days.
        Round second = as("secretariat", () -> lifecycle.schedule(new RoundForm(SAMPLE, 2, "征求意见稿", "cd-1", "round-2",
                now.minus(Duration.ofDays(5)), now.plus(Duration.ofDays(55)),
                "请于截止时间前通过平台提交意见，每个单位汇总后提交一次。Comment through the platform before the closing time; "
                        + "each organisation submits its consolidated comments once.",
                Audience.INVITED, Set.of(abc, xyz), true)));
        comment("reviewer1", second, "c-rights", CommentType.TE,
                "第8章未规定响应请求的期限。Clause 8 sets no time limit for answering a request.",
                "增加“应在15个工作日内响应”。");
        comment("reviewer1", second, "", CommentType.GE,
                "建议与《个人信息保护法》的术语保持一致。Align the terms with the Personal Information Protection Law.", "");
        comment("reviewer2", second, "c-rights", CommentType.ED,
                "标题中“个人信息主体的权利”建议改为“个人信息主体权利”。Shorter title suggested.", "个人信息主体权利");
        log.info("Demo profile: created consultation rounds {} (published) and {} (open) on {}", first.id(),
                second.id(), SAMPLE);
    }

    private Comment comment(String username, Round round, String clauseId, CommentType type, String body,
                            String proposed) {
        return as(username, () -> comments.create(SAMPLE, round.commitId(), new CommentForm(round.id(), type, clauseId,
                0, 0, "", body, proposed)));
    }

    private <T> T as(String username, Supplier<T> action) {
        SecurityContext before = SecurityContextHolder.getContext();
        UserDetails user = users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
