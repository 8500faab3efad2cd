package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Random documents assembled from tricky fragments, with a fixed seed so that failures reproduce. */
class RandomDraftsTest {

    static final String[] FRAGMENTS = {
        "# 范围 {#scope}", "## Sub {#sub .term}", "###### Deep {#deep}", "#", "# ", "#no-space", "    # code",
        "```", "~~~", "```md", "> # quoted", "- item", "  # in item", "<div>", "</div>", "<!--", "-->", "text 文本",
        "注：一条注。", "示例：例子", "表：标题", "| a | b |", "|---|---|", "| 1 | 2 |", "![图](f.png)", "[](#scope)",
        "[](#missing)", "Setext", "===", "---", "", "   ", "\t", "😀👍🏽", "{#x}", "# {#only-attrs}", "# 标题 ##",
        "[ref]: javascript:alert(1)", "<script>alert(1)</script>", "# 附录 {#annex-a .annex}",
    };
    static final String[] ENDINGS = {"\n", "\n", "\n", "\r\n", "\r", ""};

    static String randomDocument(Random random) {
        StringBuilder sb = new StringBuilder(random.nextInt(10) == 0 ? "\uFEFF" : "");
        int lines = random.nextInt(30);
        for (int i = 0; i < lines; i++) {
            sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]).append(ENDINGS[random.nextInt(ENDINGS.length)]);
        }
        return sb.toString();
    }

    @Test
    void random_documents_round_trip_byte_for_byte_and_render_without_failing() {
        Random random = new Random(20240801L);
        for (int n = 0; n < 500; n++) {
            String text = randomDocument(random);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

            DraftDocument document = DraftFormat.parse(bytes);

            assertThat(document.toBytes()).as(text).isEqualTo(bytes);
            assertThat(DraftFormat.parse(document.text())).as(text).isEqualTo(document);
            assertThat(DraftHtml.render(document, Language.ZH)).doesNotContain("<script");
            assertThat(StructureChecks.check(document)).isNotNull();
        }
    }

    @Test
    void outline_operations_on_random_documents_parse_back_to_themselves_or_refuse() {
        Random random = new Random(7L);
        int applied = 0;
        for (int n = 0; n < 400; n++) {
            DraftDocument document = DraftFormat.parse(randomDocument(random));
            if (document.clauses().isEmpty() || document.clauses().get(0).id().isEmpty()) {
                continue;
            }
            String id = document.clauses().get(0).id();
            for (int op = 0; op < 6; op++) {
                try {
                    DraftDocument result = switch (op) {
                        case 0 -> Outline.addClause(document, id, Outline.Placement.AFTER, "New", Set.of());
                        case 1 -> Outline.deleteClause(document, id);
                        case 2 -> Outline.moveDown(document, id);
                        case 3 -> Outline.indent(document, id);
                        case 4 -> Outline.retitle(document, id, "Renamed");
                        default -> Outline.addClause(document, null, null, "End", Set.of());
                    };
                    assertThat(DraftFormat.parse(result.text())).isEqualTo(result);
                    applied++;
                } catch (DraftException refused) {
                    assertThat(refused.key()).startsWith("draft.outline.");
                }
            }
        }
        assertThat(applied).isGreaterThan(50);
    }
}
