package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

class NumberedOutlineTest {

    static final String DRAFT = """
            # 前言 {#foreword .unnumbered}

            本文件按照GB/T 1.1—2020的规定起草。

            # 引言 {#introduction .unnumbered}

            ## 引言的小节 {#intro-part}

            # 范围 Scope {#scope}

            本文件规定了……

            # 规范性引用文件 Normative references {#normative-references}

            # 术语和定义 Terms and definitions {#terms}

            ## 个人信息 personal information {#t-pi .term}

            定义。

            注1：第一条注。

            注2：第二条注。

            ## 个人敏感信息 personal sensitive information {#t-psi .term}

            定义。

            注：唯一的注。

            示例：唯一的示例。

            # 收集 Collection {#collection}

            ## 总则 General {#c-general}

            表：第一张表

            | a | b |
            |---|---|
            | 1 | 2 |

            ### 细则 Details {#c-details}

            | no caption |
            |---|
            | x |

            ![流程图](figures/flow.png)

            # 示例 Examples {#annex-a .annex .informative}

            ## 判定 {#annex-a-1}

            ### 细节 {#annex-a-1-1}

            Table: Annex table

            | a |
            |---|
            | 1 |

            ![Annex figure](figures/a.png)

            # 要求 Requirements {#annex-b .annex .normative}

            # 参考文献 {#bibliography .bibliography}

            ## 分组 {#bib-group}
            """;

    final NumberedOutline outline = NumberedOutline.of(DraftFormat.parse(DRAFT));

    @Test
    void foreword_introduction_and_bibliography_have_no_number() {
        assertThat(outline.number("foreword")).isEmpty();
        assertThat(outline.number("introduction")).isEmpty();
        assertThat(outline.number("intro-part")).isEmpty();
        assertThat(outline.number("bibliography")).isEmpty();
        assertThat(outline.find("bib-group").orElseThrow().kind()).isEqualTo(ClauseKind.BIBLIOGRAPHY);
    }

    @Test
    void clauses_and_subclauses_are_numbered_with_full_stops_between_levels() {
        assertThat(outline.number("scope")).isEqualTo("1");
        assertThat(outline.number("normative-references")).isEqualTo("2");
        assertThat(outline.number("collection")).isEqualTo("4");
        assertThat(outline.number("c-general")).isEqualTo("4.1");
        assertThat(outline.number("c-details")).isEqualTo("4.1.1");
    }

    @Test
    void terms_are_numbered_like_subclauses_of_clause_3() {
        assertThat(outline.number("t-pi")).isEqualTo("3.1");
        assertThat(outline.number("t-psi")).isEqualTo("3.2");
        assertThat(outline.find("t-pi").orElseThrow().kind()).isEqualTo(ClauseKind.TERM);
    }

    @Test
    void annexes_are_lettered_and_their_subclauses_numbered_a_1_1() {
        assertThat(outline.number("annex-a")).isEqualTo("A");
        assertThat(outline.number("annex-a-1")).isEqualTo("A.1");
        assertThat(outline.number("annex-a-1-1")).isEqualTo("A.1.1");
        assertThat(outline.number("annex-b")).isEqualTo("B");
    }

    @Test
    void annex_labels_carry_the_normative_or_informative_mark_per_language() {
        NumberedClause a = outline.find("annex-a").orElseThrow();
        NumberedClause b = outline.find("annex-b").orElseThrow();

        assertThat(a.label(Language.ZH)).isEqualTo("附录A（资料性）");
        assertThat(b.label(Language.ZH)).isEqualTo("附录B（规范性）");
        assertThat(a.label(Language.EN)).isEqualTo("Annex A (informative)");
        assertThat(b.label(Language.EN)).isEqualTo("Annex B (normative)");
    }

    @Test
    void cross_reference_text_is_the_current_number_or_annex_name() {
        assertThat(outline.referenceText("c-general", Language.ZH)).contains("4.1");
        assertThat(outline.referenceText("annex-b", Language.ZH)).contains("附录B");
        assertThat(outline.referenceText("annex-b", Language.EN)).contains("Annex B");
        assertThat(outline.referenceText("t-psi", Language.EN)).contains("3.2");
        assertThat(outline.referenceText("missing", Language.EN)).isEmpty();
    }

    @Test
    void several_notes_in_a_clause_are_numbered_and_a_single_one_is_not() {
        assertThat(outline.bodyItems(BodyItem.Kind.NOTE))
                .extracting(BodyItem::clauseId, i -> i.label(Language.ZH), i -> i.label(Language.EN))
                .containsExactly(
                        tuple("t-pi", "注1", "NOTE 1"),
                        tuple("t-pi", "注2", "NOTE 2"),
                        tuple("t-psi", "注", "NOTE"));
        assertThat(outline.bodyItems(BodyItem.Kind.EXAMPLE))
                .extracting(i -> i.label(Language.ZH), BodyItem::caption)
                .containsExactly(tuple("示例", "唯一的示例。"));
    }

    @Test
    void tables_and_figures_are_numbered_through_the_body_and_per_annex() {
        assertThat(outline.bodyItems(BodyItem.Kind.TABLE))
                .extracting(i -> i.label(Language.ZH), BodyItem::caption, BodyItem::clauseId)
                .containsExactly(
                        tuple("表1", "第一张表", "c-general"),
                        tuple("表2", "", "c-details"),
                        tuple("表A.1", "Annex table", "annex-a-1-1"));
        assertThat(outline.bodyItems(BodyItem.Kind.FIGURE))
                .extracting(i -> i.label(Language.EN), BodyItem::caption)
                .containsExactly(tuple("Figure 1", "流程图"), tuple("Figure A.1", "Annex figure"));
    }

    @Test
    void the_table_of_contents_lists_front_matter_clauses_annexes_and_bibliography_to_a_depth() {
        assertThat(outline.tableOfContents(1, Language.ZH))
                .extracting(TocEntry::label, TocEntry::title)
                .containsExactly(
                        tuple("", "前言"), tuple("", "引言"), tuple("1", "范围 Scope"),
                        tuple("2", "规范性引用文件 Normative references"), tuple("3", "术语和定义 Terms and definitions"),
                        tuple("4", "收集 Collection"), tuple("附录A（资料性）", "示例 Examples"),
                        tuple("附录B（规范性）", "要求 Requirements"), tuple("", "参考文献"));
        assertThat(outline.tableOfContents(2, Language.ZH)).extracting(TocEntry::label)
                .contains("4.1", "A.1")
                .doesNotContain("3.1", "4.1.1", "A.1.1");
    }

    @Test
    void cross_references_are_found_with_their_lines_and_broken_ones_reported() throws IOException {
        NumberedOutline sample = NumberedOutline.of(DraftFormat.parse(
                Files.readAllBytes(DraftFormatTest.CORPUS.resolve("gbt35273-outline.md"))));
        NumberedOutline broken = NumberedOutline.of(DraftFormat.parse("# A {#a}\n\nsee [](#a) and [](#nowhere)\n"));

        assertThat(sample.crossReferences()).extracting(CrossReference::targetId)
                .containsExactly("annex-a", "annex-b", "c-legality");
        assertThat(sample.brokenReferences()).isEmpty();
        assertThat(broken.brokenReferences())
                .containsExactly(new CrossReference("a", "nowhere", 3, true));
    }

    @Test
    void annex_letters_continue_past_z() {
        assertThat(NumberedOutline.annexLetter(0)).isEqualTo("A");
        assertThat(NumberedOutline.annexLetter(25)).isEqualTo("Z");
        assertThat(NumberedOutline.annexLetter(26)).isEqualTo("AA");
    }
}
