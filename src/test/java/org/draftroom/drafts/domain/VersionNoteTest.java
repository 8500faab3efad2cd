package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

/** Versions the application writes carry trailers, and people read them in their language with clause numbers. */
class VersionNoteTest {

    private static final DraftDocument DRAFT = DraftFormat.parse("""
            # 范围 Scope {#scope}

            本文件规定了……

            # 收集 Collection {#collection}

            ## 最小必要 Minimum necessary {#c-minimisation}

            文字。
            """);

    private static final Map<String, String> ZH = Map.of("version.note.apply-comment", "采纳意见 %s，修改 %s",
            "version.note.live-edits", "实时编辑：%2$s");
    private static final Map<String, String> EN = Map.of("version.note.apply-comment", "Applied comment %s to %s",
            "version.note.live-edits", "Live edits of %2$s");

    private static BiFunction<String, Object[], String> messages(Map<String, String> bundle) {
        return (key, args) -> bundle.containsKey(key) ? String.format(bundle.get(key), args) : "!" + key + "!";
    }

    @Test
    void an_applied_comment_reads_as_a_plain_sentence_with_the_clause_number_and_title_in_either_interface() {
        String message = "Apply comment CN-BCL-002\n\n"
                + VersionNote.trailers("apply-comment", "CN-BCL-002", List.of("c-minimisation"))
                + "\n\nCo-authored-by: Bob <bob@example.com>\n";
        NumberedOutline outline = NumberedOutline.of(DRAFT);

        assertThat(VersionNote.summary(message, outline, Language.ZH, messages(ZH)))
                .isEqualTo("采纳意见 CN-BCL-002，修改 2.1 最小必要 Minimum necessary");
        assertThat(VersionNote.summary(message, outline, Language.ZH, messages(EN)))
                .isEqualTo("Applied comment CN-BCL-002 to 2.1 最小必要 Minimum necessary");
        assertThat(VersionNote.of(message)).contains(new VersionNote("apply-comment", "CN-BCL-002",
                List.of("c-minimisation")));
    }

    @Test
    void live_edits_name_their_clauses_and_a_persons_message_shows_its_first_line() {
        NumberedOutline outline = NumberedOutline.of(DRAFT);
        String live = "Live edits of c-minimisation, scope\n\n"
                + VersionNote.trailers("live-edits", "", List.of("scope", "c-minimisation"));

        assertThat(VersionNote.summary(live, outline, Language.ZH, messages(ZH)))
                .isEqualTo("实时编辑：1 范围 Scope；2.1 最小必要 Minimum necessary");
        assertThat(VersionNote.summary("修订第5章\n\n详细说明", outline, Language.ZH, messages(ZH)))
                .isEqualTo("修订第5章");
        assertThat(VersionNote.summary("x\n\nDraftroom-Action: unknown-thing", outline, Language.ZH, messages(ZH)))
                .isEqualTo("x");
    }
}
