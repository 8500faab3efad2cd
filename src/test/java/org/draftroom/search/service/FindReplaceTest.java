package org.draftroom.search.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.junit.jupiter.api.Test;

/** Find and replace over the whole sample draft: titles and text change, ids and cross-references do not. */
class FindReplaceTest {

    private static DraftDocument sample() throws Exception {
        return DraftFormat.parse(Files.readAllBytes(Path.of("drafts-repo/seed/gbt-35273/v2020.md")));
    }

    @Test
    void every_occurrence_in_titles_and_text_is_replaced_and_counted() throws Exception {
        DraftDocument before = sample();
        int inText = FindReplace.count(before.text(), "个人信息主体");
        FindReplace.Replacement r = FindReplace.replaceAll(before, "个人信息主体", "个人信息主体（用户）");

        String after = r.document().text();
        assertThat(after).doesNotContain("个人信息主体的").contains("# 个人信息主体（用户）的权利 {#c-rights}",
                "## 响应个人信息主体（用户）的请求 {#c-right-requests}");
        assertThat(r.places()).isEqualTo(inText);
        assertThat(FindReplace.count(after, "个人信息主体（用户）")).isEqualTo(inText);
        assertThat(r.document().clauses()).extracting(c -> c.id())
                .containsExactlyElementsOf(before.clauses().stream().map(c -> c.id()).toList());
    }

    @Test
    void cross_reference_targets_and_attributes_are_left_alone() throws Exception {
        DraftDocument before = sample();
        FindReplace.Replacement r = FindReplace.replaceAll(before, "rights", "entitlements");

        assertThat(r.document().text()).contains("[](#c-rights)", "{#c-rights}");
        assertThat(r.places()).isZero();
        assertThat(new String(r.document().toBytes(), StandardCharsets.UTF_8)).isEqualTo(
                new String(before.toBytes(), StandardCharsets.UTF_8));
    }
}
