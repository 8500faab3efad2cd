package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RedlineTest {

    /** Rights of PI subjects were 7.4 in the 2017 edition and became clause 8 in 2020: the pair from DOMAIN.md. */
    static final String EDITION_2017 = """
            # 范围 {#scope}
            # 个人信息的使用 {#use}
            ## 访问控制 {#use-access}
            ## 展示限制 {#use-display}
            ## 使用目的 {#use-purpose}
            ## 个人信息查询 {#rights-access}

            个人信息控制者应向个人信息主体提供查询其个人信息的方法。

            ## 用户画像 {#use-profiling}
            # 委托处理 {#entrusted}
            """;

    static final String EDITION_2020 = """
            # 范围 {#scope}
            # 个人信息的使用 {#use}
            ## 访问控制 {#use-access}
            ## 展示限制 {#use-display}
            ## 使用目的 {#use-purpose}
            # 个人信息主体的权利 {#rights}
            ## 个人信息查询 {#rights-access}

            个人信息控制者应向个人信息主体提供查询其个人信息的方法。

            # 委托处理 {#entrusted}
            """;

    static Redline compare(String before, String after) {
        return Redline.compare(DraftFormat.parse(before), DraftFormat.parse(after));
    }

    static String show(List<DiffSegment> diff) {
        return diff.stream().map(d -> switch (d.op()) {
            case EQUAL -> d.text();
            case DELETE -> "[-" + d.text() + "-]";
            case INSERT -> "{+" + d.text() + "+}";
        }).collect(Collectors.joining());
    }

    /** One side of a diff: the text without the segments of the other side's operation. */
    static String side(List<DiffSegment> diff, DiffSegment.Op without) {
        return diff.stream().filter(d -> d.op() != without).map(DiffSegment::text).collect(Collectors.joining());
    }

    @Test
    void a_clause_moved_from_7_4_to_8_1_shows_as_moved_not_deleted_and_added() {
        Redline redline = compare(EDITION_2017, EDITION_2020);

        ClauseChange moved = redline.change("rights-access").orElseThrow();
        assertThat(moved.status()).isEqualTo(ClauseChange.Status.MOVED);
        assertThat(moved.oldNumber()).isEqualTo("2.4");
        assertThat(moved.newNumber()).isEqualTo("3.1");
        assertThat(moved.parentChanged()).isTrue();
        assertThat(moved.bodyChanged()).isFalse();
        assertThat(redline.changes()).extracting(ClauseChange::id, ClauseChange::status).containsExactly(
                tuple("scope", ClauseChange.Status.UNCHANGED),
                tuple("use", ClauseChange.Status.UNCHANGED),
                tuple("use-access", ClauseChange.Status.UNCHANGED),
                tuple("use-display", ClauseChange.Status.UNCHANGED),
                tuple("use-purpose", ClauseChange.Status.UNCHANGED),
                tuple("rights", ClauseChange.Status.ADDED),
                tuple("rights-access", ClauseChange.Status.MOVED),
                tuple("use-profiling", ClauseChange.Status.DELETED),
                tuple("entrusted", ClauseChange.Status.RENUMBERED));
        assertThat(redline.change("entrusted").orElseThrow())
                .extracting(ClauseChange::oldNumber, ClauseChange::newNumber).containsExactly("3", "4");
    }

    @Test
    void a_clause_moved_up_among_its_siblings_is_the_only_move_and_the_others_are_renumbered_or_unchanged() {
        String before = "# 收集 {#c}\n\n## 甲 {#a}\n\n## 乙 {#b}\n\n## 丙 {#x}\n\n## 丁 {#d}\n";
        String after = "# 收集 {#c}\n\n## 丙 {#x}\n\n## 甲 {#a}\n\n## 乙 {#b}\n\n## 丁 {#d}\n";

        Redline redline = compare(before, after);

        assertThat(redline.changes()).extracting(ClauseChange::id, ClauseChange::status).containsExactly(
                tuple("c", ClauseChange.Status.UNCHANGED),
                tuple("x", ClauseChange.Status.MOVED),
                tuple("a", ClauseChange.Status.RENUMBERED),
                tuple("b", ClauseChange.Status.RENUMBERED),
                tuple("d", ClauseChange.Status.UNCHANGED));
        assertThat(RedlineHtml.render(redline, Language.EN)).contains("1.3 → 1.1").contains("Renumbered");
    }

    @Test
    void a_clause_changed_in_place_is_modified_with_a_character_diff() {
        Redline redline = compare("# 范围 {#scope}\n\n本文件规定了要求。\n", "# 范围 {#scope}\n\n本文件规定了基本要求。\n");

        ClauseChange change = redline.change("scope").orElseThrow();
        assertThat(change.status()).isEqualTo(ClauseChange.Status.MODIFIED);
        assertThat(show(change.bodyDiff())).isEqualTo("本文件规定了{+基本+}要求。\n");
        assertThat(change.titleChanged()).isFalse();
    }

    @Test
    void chinese_edits_stay_character_precise_and_group_multi_character_rewrites() {
        assertThat(show(Redline.diff("不应以欺诈、诱骗、误导的方式收集个人信息；", "不得以欺骗、诱导、误导的方式收集个人信息；")))
                .isEqualTo("不[-应-]{+得+}以欺[-诈-]{+骗+}、诱[-骗-]{+导+}、误导的方式收集个人信息；");
        assertThat(show(Redline.diff("个人信息控制者应向个人信息主体告知收集、使用个人信息的目的。",
                "个人信息控制者应当向个人信息主体明示收集、使用、共享个人信息的目的和规则。")))
                .isEqualTo("个人信息控制者应{+当+}向个人信息主体[-告知-]{+明示+}收集、使用{+、共享+}个人信息的目的{+和规则+}。");
        assertThat(show(Redline.diff("按照业务流程的需求触发操作授权。", "根据业务流程的需求进行授权审批。")))
                .isEqualTo("[-按照-]{+根据+}业务流程的需求[-触发操作授权-]{+进行授权审批+}。");
    }

    @Test
    void english_edits_are_widened_to_whole_words() {
        assertThat(show(Redline.diff("The controller shall inform the subject.",
                "The controller should promptly notify the data subject.")))
                .isEqualTo("The controller [-shall inform the-]{+should promptly notify the data+} subject.");
        assertThat(show(Redline.diff("Keep the record.", "Keep the records.")))
                .isEqualTo("Keep the [-record-]{+records+}.");
    }

    @Test
    void a_retitled_clause_shows_a_title_diff() {
        ClauseChange change = compare("# 收集 {#c}\n", "# 个人信息的收集 {#c}\n").change("c").orElseThrow();

        assertThat(change.status()).isEqualTo(ClauseChange.Status.MODIFIED);
        assertThat(show(change.titleDiff())).isEqualTo("{+个人信息的+}收集");
    }

    @Test
    void a_class_change_alone_counts_as_modified() {
        ClauseChange change = compare("# A {#annex-a .annex .informative}\n", "# A {#annex-a .annex .normative}\n")
                .change("annex-a").orElseThrow();

        assertThat(change.status()).isEqualTo(ClauseChange.Status.MODIFIED);
        assertThat(change.headingChanged()).isTrue();
    }

    @Test
    void identical_versions_have_no_changes() {
        assertThat(compare(EDITION_2017, EDITION_2017).hasChanges()).isFalse();
        assertThat(compare(EDITION_2017, EDITION_2020).hasChanges()).isTrue();
    }

    @Test
    void the_html_shows_moves_insertions_and_deletions_and_escapes_all_text() {
        Redline redline = compare(EDITION_2017 + "# 附加 {#x}\n\n<b>旧</b>\n",
                EDITION_2020 + "# 附加 <script> {#x}\n\n<img src=x onerror=alert(1)>新\n");

        String html = RedlineHtml.render(redline, Language.ZH);

        assertThat(html).contains("<span class=\"dr-number\">2.4 → 3.1</span>")
                .contains("<span class=\"dr-badge dr-badge-moved\">移动</span>")
                .contains("<span class=\"dr-badge dr-badge-added\">新增</span>")
                .contains("<section class=\"dr-rl dr-rl-deleted\">");
        assertThat(html).contains("&lt;<del class=\"dr-del\">b&gt;旧&lt;/b&gt;</del>"
                        + "<ins class=\"dr-ins\">img src=x onerror=alert(1)&gt;新</ins>")
                .contains("<ins class=\"dr-ins\"> &lt;script&gt;</ins>");
        assertThat(org.jsoup.Jsoup.parseBodyFragment(html).select("script, img, b")).isEmpty();
    }

    @Test
    void the_html_labels_annexes_in_english() {
        Redline redline = compare("# A {#annex-a .annex .normative}\n# B {#annex-b .annex .normative}\n",
                "# B {#annex-b .annex .normative}\n# A {#annex-a .annex .normative}\n");

        assertThat(RedlineHtml.render(redline, Language.EN))
                .contains("<span class=\"dr-number\">Annex B → Annex A</span>")
                .contains("<span class=\"dr-badge dr-badge-moved\">Moved</span>");
    }

    @Test
    void cross_references_read_as_the_number_of_their_target_in_each_version() {
        String before = "# 范围 {#scope}\n\n见[](#b)。\n\n# 甲 {#a}\n\n# 乙 {#b}\n";
        String after = "# 范围 {#scope}\n\n见[](#b)，以及**重点**。\n\n# 乙 {#b}\n\n# 甲 {#a}\n";

        ClauseChange change = compare(before, after).change("scope").orElseThrow();

        assertThat(side(change.bodyDiff(), DiffSegment.Op.INSERT)).isEqualTo("见3。\n");
        assertThat(side(change.bodyDiff(), DiffSegment.Op.DELETE)).isEqualTo("见2，以及重点。\n");
    }

    @Test
    void list_items_are_lines_of_their_own_with_computed_markers() {
        ClauseChange change = compare("# 甲 {#a}\n\na) 一；\nb) 二。\n", "# 甲 {#a}\n\na) 一；\na) 新；\nb) 二。\n")
                .change("a").orElseThrow();

        assertThat(show(change.bodyDiff())).doesNotContain("](#").contains("a) 一；\n");
        assertThat(side(change.bodyDiff(), DiffSegment.Op.INSERT)).isEqualTo("a) 一；\nb) 二。\n");
        assertThat(side(change.bodyDiff(), DiffSegment.Op.DELETE)).isEqualTo("a) 一；\nb) 新；\nc) 二。\n");
    }
}
