package org.draftroom.comments.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.draftroom.comments.anchoring.Placement.Span;
import org.draftroom.comments.anchoring.Placement.Status;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.NumberedOutline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Comments made on the 2017 edition of the GB/T 35273 sample follow the 2020 restructuring: the rights of personal
 * information subjects moved from 7.4–7.12 to chapter 8 under the same ids, and some of their text was rewritten.
 */
class SeedVersionsReanchoringTest {

    private static final Path SEED = Path.of("drafts-repo/seed/gbt-35273");
    private static final String COMMIT_2017 = "2017000000000000000000000000000000000000";

    private static DraftDocument v2017;
    private static DraftDocument v2020;
    private static NumberedOutline numbered2017;

    @BeforeAll
    static void readBothEditions() throws IOException {
        v2017 = DraftFormat.parse(Files.readAllBytes(SEED.resolve("v2017.md")));
        v2020 = DraftFormat.parse(Files.readAllBytes(SEED.resolve("v2020.md")));
        numbered2017 = NumberedOutline.of(v2017);
    }

    /** A comment on the only occurrence of {@code quote} in the clause, as the browser would send it. */
    private static Anchor commentOn(String clauseId, String quote) {
        String body = v2017.require(clauseId).body();
        int start = body.indexOf(quote);
        assertThat(start).as("quote in 2017 " + clauseId).isNotNegative();
        assertThat(body.indexOf(quote, start + 1)).as("quote is unique in " + clauseId).isNegative();
        return Anchor.create(numbered2017, clauseId, start, start + quote.length(), quote, COMMIT_2017);
    }

    private static String highlighted(Placement placement) {
        Span span = placement.highlight().orElseThrow();
        return v2020.require(placement.clauseId()).body().substring(span.start(), span.end());
    }

    @Test
    void comment_on_an_unchanged_rights_clause_follows_it_from_7_4_to_8_1() {
        Anchor anchor = commentOn("c-right-access", "控制者所保存的其个人信息的类型和内容");

        Placement placement = Reanchoring.reanchor(anchor, v2017, v2020);

        assertThat(anchor.clauseNumber()).isEqualTo("7.4");
        assertThat(placement.status()).isEqualTo(Status.ANCHORED);
        assertThat(placement.clauseNumber()).isEqualTo("8.1");
        assertThat(placement.renumbered()).isTrue();
        assertThat(placement.highlight()).contains(new Span(anchor.start(), anchor.end()));
        assertThat(highlighted(placement)).isEqualTo(anchor.quote());
    }

    @Test
    void comment_on_unchanged_words_of_a_rewritten_clause_moves_with_the_words() {
        Anchor anchor = commentOn("c-right-withdrawal", "撤回的操作不应比给出同意的操作更复杂");

        Placement placement = Reanchoring.reanchor(anchor, v2017, v2020);

        assertThat(placement.status()).isEqualTo(Status.ANCHORED);
        assertThat(anchor.clauseNumber()).isEqualTo("7.7");
        assertThat(placement.clauseNumber()).isEqualTo("8.4");
        assertThat(placement.highlight().orElseThrow().start()).as("\"授权\" was inserted before the quote")
                .isEqualTo(anchor.start() + "授权".length());
        assertThat(highlighted(placement)).isEqualTo(anchor.quote());
    }

    @Test
    void comments_around_inserted_words_stay_on_their_own_words() {
        Anchor before = commentOn("c-complaints", "设置受理个人信息主体投诉的渠道");
        Anchor after = commentOn("c-complaints", "对投诉进行登记、跟踪和答复");
        Anchor end = commentOn("c-complaints", "并定期分析投诉中反映的问题");

        List<Placement> placements = Reanchoring.reanchorAll(List.of(before, after, end), v2017, v2020);

        assertThat(placements).extracting(Placement::status).containsOnly(Status.ANCHORED);
        assertThat(placements).extracting(Placement::clauseNumber).containsOnly("8.8");
        assertThat(placements).extracting(SeedVersionsReanchoringTest::highlighted)
                .containsExactly(before.quote(), after.quote(), end.quote());
        assertThat(placements.get(2).highlight().orElseThrow().start()).isGreaterThan(end.start());
    }

    @Test
    void comment_on_rewritten_words_becomes_outdated_and_keeps_its_original_quote() {
        Anchor withdrawal = commentOn("c-right-withdrawal", "提供撤回同意的途径");
        Anchor account = commentOn("c-right-account-deletion", "不应设置不合理的注销条件");
        Anchor automated = commentOn("c-automated-decision", "仅依靠信息系统自动作出对个人信息主体权益有重大影响的决定");

        List<Placement> placements = Reanchoring.reanchorAll(List.of(withdrawal, account, automated), v2017, v2020);

        assertThat(placements).extracting(Placement::status).containsOnly(Status.OUTDATED);
        assertThat(placements).allSatisfy(p -> assertThat(p.highlight()).isEmpty());
        assertThat(placements).extracting(p -> p.anchor().quote())
                .containsExactly(withdrawal.quote(), account.quote(), automated.quote());
        assertThat(placements).extracting(Placement::noteKey)
                .containsOnly(Optional.of("comment.anchor.outdated"));
        assertThat(placements.get(0).clauseNumber()).isEqualTo("8.4");
        assertThat(placements.get(0).candidate()).as("\"提供撤回授权同意的途径\" resembles the quote").isPresent();
    }

    @Test
    void comment_on_a_clause_deleted_in_2020_becomes_orphaned_at_document_level() {
        Anchor anchor = commentOn("c-security-capability", "个人信息控制者");

        Placement placement = Reanchoring.reanchor(anchor, v2017, v2020);

        assertThat(placement.status()).isEqualTo(Status.ORPHANED);
        assertThat(placement.isGeneral()).isTrue();
        assertThat(placement.clauseNumber()).isEmpty();
        assertThat(placement.noteKey()).contains("comment.anchor.orphaned");
        assertThat(placement.noteArgs()).containsExactly("10.3", "数据安全能力");
        assertThat(placement.anchor().quote()).isEqualTo("个人信息控制者");
    }

    @Test
    void whole_clause_comment_follows_its_clause_and_a_general_comment_stays_general() {
        Anchor clause = Anchor.onClause(numbered2017, "c-right-copy", COMMIT_2017);
        Anchor general = Anchor.general(COMMIT_2017);

        List<Placement> placements = Reanchoring.reanchorAll(List.of(clause, general), v2017, v2020);

        assertThat(placements.get(0).status()).isEqualTo(Status.ANCHORED);
        assertThat(placements.get(0).clauseNumber()).isEqualTo("8.6");
        assertThat(placements.get(1).status()).isEqualTo(Status.ANCHORED);
        assertThat(placements.get(1).isGeneral()).isTrue();
    }

    @Test
    void every_word_of_every_2017_clause_either_follows_exactly_or_is_outdated_or_orphaned() {
        List<Anchor> anchors = new ArrayList<>();
        v2017.clauses().forEach(c -> {
            String body = c.body();
            for (int start = 0; start + 6 <= body.length(); start += 7) {
                if (!Anchor.splitsPair(body, start) && !Anchor.splitsPair(body, start + 6)) {
                    anchors.add(Anchor.create(numbered2017, c.id(), start, start + 6, body.substring(start, start + 6),
                            COMMIT_2017));
                }
            }
        });

        List<Placement> placements = Reanchoring.reanchorAll(anchors, v2017, v2020);

        for (Placement p : placements) {
            switch (p.status()) {
                case ANCHORED -> assertThat(highlighted(p)).isEqualTo(p.anchor().quote());
                case OUTDATED -> assertThat(v2020.find(p.clauseId())).isPresent();
                case ORPHANED -> assertThat(v2020.find(p.anchor().clauseId())).isEmpty();
            }
        }
        long anchored = placements.stream().filter(p -> p.status() == Status.ANCHORED).count();
        assertThat(anchored).as("most 2017 text survives in 2020").isGreaterThan(placements.size() / 2);
    }
}
