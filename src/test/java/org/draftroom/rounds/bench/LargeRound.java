package org.draftroom.rounds.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.draftroom.comments.anchoring.Anchor;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.data.CommentRepository;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.rounds.data.DispositionRepository;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.security.Access;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consultation round as big as the performance targets: opened on the GB/T 35273 sample (tag cd-1) with
 * {@code comments} comments from {@code organisations} organisations (ORG-000 …; Chinese texts of 50-200 characters,
 * a proposed change, one in ten general, the others on a random clause), stored through the repositories in one
 * transaction, each with a disposition (with a reason for all but accepted ones) when asked. Benchmarks only: the
 * caller must be signed in as the secretariat.
 */
public final class LargeRound {

    public static final String SAMPLE = "gbt-35273";

    private LargeRound() {
    }

    public static Round create(ApplicationContext context, int number, int comments, int organisations,
                               boolean withDispositions) {
        RoundLifecycleService rounds = context.getBean(RoundLifecycleService.class);
        Set<Long> invited = Set.of(context.getBean(RoundRepository.class).organisationByCode("CN-ABC").orElseThrow()
                .id());
        Round round = rounds.schedule(new RoundForm(SAMPLE, number, "征求意见稿", "cd-1", "bench-round-" + number,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)), "",
                Audience.INVITED, invited, true));
        NumberedOutline outline = context.getBean(DraftService.class).open(SAMPLE, round.commitId()).outline();
        List<Clause> clauses = outline.document().clauses().stream().filter(c -> !c.id().isEmpty()).toList();
        long me = context.getBean(Access.class).current().id();
        CommentRepository repository = context.getBean(CommentRepository.class);
        DispositionRepository dispositions = context.getBean(DispositionRepository.class);
        Random random = new Random(20240802L);
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(s -> {
            for (int i = 0; i < comments; i++) {
                String org = String.format("ORG-%03d", i % organisations);
                Anchor anchor = i % 10 == 0 ? Anchor.general(round.commitId())
                        : Anchor.onClause(outline, clauses.get(random.nextInt(clauses.size())).id(), round.commitId());
                long id = repository.insert(new CommentRepository.NewComment(SAMPLE, round.id(),
                        String.format("%s-%03d", org, i / organisations + 1), me, null, org,
                        CommentType.values()[i % 3], chinese(random, 50 + random.nextInt(150)) + "\n第二行说明。",
                        chinese(random, 20 + random.nextInt(60)), Placement.initial(anchor), round.commitId(), false,
                        Instant.now()));
                if (withDispositions) {
                    Disposition d = Disposition.values()[i % 4];
                    dispositions.decide(id, round.id(), d, d.needsReason() ? chinese(random, 30) : null, null,
                            "secretariat", Instant.now());
                }
            }
        });
        return round;
    }

    public static String chinese(Random random, int length) {
        String pool = "个人信息控制者应当明示收集使用目的方式和范围并经个人信息主体同意建议修改为条款要求不明确";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(pool.charAt(random.nextInt(pool.length())));
        }
        return s.toString();
    }
}
