package org.draftroom.comments.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.junit.jupiter.api.Test;

/** Creating an anchor checks that the quote is what the user selected, where they selected it. */
class AnchorTest {

    private static final String COMMIT = "c0ffee0000000000000000000000000000000000";

    private static final DraftDocument DRAFT = DraftFormat.parse("""
            # 范围 {#scope}

            本文件规定了个人信息处理的安全要求 😀 and how to keep records of it, for controllers.

            # 术语和定义 {#terms}

            ## 个人信息 personal information {#t-pi .term}

            能够识别自然人的信息。
            """);

    private static int indexIn(String clauseId, String text) {
        return DRAFT.require(clauseId).body().indexOf(text);
    }

    @Test
    void anchor_records_quote_context_offsets_commit_number_and_title() {
        int start = indexIn("t-pi", "识别自然人");

        Anchor anchor = Anchor.create(DRAFT, "t-pi", start, start + 5, "识别自然人", COMMIT);

        assertThat(anchor.quote()).isEqualTo("识别自然人");
        assertThat(anchor.prefix()).isEqualTo("\n能够");
        assertThat(anchor.suffix()).isEqualTo("的信息。\n");
        assertThat(anchor.start()).isEqualTo(start);
        assertThat(anchor.end()).isEqualTo(start + 5);
        assertThat(anchor.commitId()).isEqualTo(COMMIT);
        assertThat(anchor.clauseNumber()).isEqualTo("2.1");
        assertThat(anchor.clauseTitle()).isEqualTo("个人信息 personal information");
    }

    @Test
    void context_is_at_most_32_units_and_never_cuts_an_emoji_in_half() {
        String body = DRAFT.require("scope").body();
        int start = body.indexOf("and");
        int end = body.indexOf(", for");

        Anchor anchor = Anchor.create(DRAFT, "scope", start, end, body.substring(start, end), COMMIT);

        assertThat(anchor.prefix().length()).isLessThanOrEqualTo(Anchor.CONTEXT_LENGTH);
        assertThat(body.substring(0, start)).endsWith(anchor.prefix());
        assertThat(Character.isLowSurrogate(anchor.prefix().charAt(0))).isFalse();
        assertThat(anchor.suffix()).isEqualTo(body.substring(end));
    }

    @Test
    void creation_refuses_a_quote_that_is_not_at_the_given_offsets() {
        int start = indexIn("t-pi", "识别自然人");

        assertThatThrownBy(() -> Anchor.create(DRAFT, "t-pi", start + 1, start + 6, "识别自然人", COMMIT))
                .isInstanceOfSatisfying(AnchorException.class, e -> {
                    assertThat(e.key()).isEqualTo("comment.anchor.quote-not-found");
                    assertThat(e.argList()).containsExactly("识别自然人");
                });
        assertThatThrownBy(() -> Anchor.create(DRAFT, "t-pi", start, start + 4, "识别自然人", COMMIT))
                .isInstanceOfSatisfying(AnchorException.class,
                        e -> assertThat(e.key()).isEqualTo("comment.anchor.quote-not-found"));
        assertThatThrownBy(() -> Anchor.create(DRAFT, "scope", start, start + 5, "识别自然人", COMMIT))
                .isInstanceOfSatisfying(AnchorException.class,
                        e -> assertThat(e.key()).isEqualTo("comment.anchor.quote-not-found"));
    }

    @Test
    void creation_refuses_a_quote_longer_than_the_limit() {
        String paragraph = "个人信息控制者应当采取必要措施。".repeat(200);
        DraftDocument draft = DraftFormat.parse("# 长条 {#long}\n\n" + paragraph + "\n");
        String body = draft.require("long").body();
        int start = body.indexOf(paragraph);
        int tooFar = start + Anchor.MAX_QUOTE_LENGTH + 1;

        assertThatThrownBy(() -> Anchor.create(draft, "long", start, tooFar, body.substring(start, tooFar), COMMIT))
                .isInstanceOfSatisfying(AnchorException.class, e -> {
                    assertThat(e.key()).isEqualTo("comment.anchor.quote-too-long");
                    assertThat(e.argList()).containsExactly(Anchor.MAX_QUOTE_LENGTH + 1, Anchor.MAX_QUOTE_LENGTH);
                });
        int limit = start + Anchor.MAX_QUOTE_LENGTH;
        assertThat(Anchor.create(draft, "long", start, limit, body.substring(start, limit), COMMIT).quote())
                .hasSize(Anchor.MAX_QUOTE_LENGTH);
    }

    @Test
    void creation_refuses_offsets_outside_the_body_an_empty_quote_and_an_unknown_clause() {
        int length = DRAFT.require("t-pi").body().length();

        assertThatThrownBy(() -> Anchor.create(DRAFT, "t-pi", length - 1, length + 1, "x", COMMIT))
                .isInstanceOfSatisfying(AnchorException.class, e -> {
                    assertThat(e.key()).isEqualTo("comment.anchor.out-of-range");
                    assertThat(e.argList()).containsExactly(length - 1, length + 1, length);
                });
        assertThatThrownBy(() -> Anchor.create(DRAFT, "t-pi", -1, 2, "xxx", COMMIT))
                .isInstanceOfSatisfying(AnchorException.class,
                        e -> assertThat(e.key()).isEqualTo("comment.anchor.out-of-range"));
        assertThatThrownBy(() -> Anchor.create(DRAFT, "t-pi", 3, 3, "", COMMIT))
                .isInstanceOfSatisfying(AnchorException.class,
                        e -> assertThat(e.key()).isEqualTo("comment.anchor.empty-quote"));
        assertThatThrownBy(() -> Anchor.create(DRAFT, "no-such-clause", 0, 1, "x", COMMIT))
                .isInstanceOfSatisfying(AnchorException.class, e -> {
                    assertThat(e.key()).isEqualTo("comment.anchor.clause-not-found");
                    assertThat(e.argList()).containsExactly("no-such-clause");
                });
    }

    @Test
    void creation_refuses_offsets_inside_an_emoji() {
        String body = DRAFT.require("scope").body();
        int emoji = body.indexOf("😀");

        assertThatThrownBy(() -> Anchor.create(DRAFT, "scope", emoji + 1, emoji + 6, body.substring(emoji + 1,
                emoji + 6), COMMIT))
                .isInstanceOfSatisfying(AnchorException.class, e -> {
                    assertThat(e.key()).isEqualTo("comment.anchor.splits-character");
                    assertThat(e.argList()).containsExactly(emoji + 1);
                });
        assertThat(Anchor.create(DRAFT, "scope", emoji, emoji + 2, "😀", COMMIT).quote()).isEqualTo("😀");
    }

    @Test
    void record_refuses_offsets_that_do_not_span_the_quote() {
        assertThatThrownBy(() -> new Anchor("scope", "abc", "", "", 0, 2, COMMIT, "1", "范围"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Anchor(Anchor.GENERAL, "abc", "", "", 0, 3, COMMIT, "", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
