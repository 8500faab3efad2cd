package org.draftroom.export.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.DraftHtml;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Redline;
import org.draftroom.drafts.domain.RedlineHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Properties of every output over generated drafts (seeded, so a failure names the seed to replay): no draft-format
 * syntax shows ({@code ](#}, {@code {#}, {@code {.}, {@code **}), every cross-reference reads as a number that exists
 * in its version, and every list item is a block of its own in HTML and a paragraph of its own in Word.
 */
class RenderingPropertyTest {

    private static final int DRAFTS = 40;
    /** The PDF is slow to make: only this many drafts go through it. */
    private static final int PDF_DRAFTS = 3;
    private static final List<String> SYNTAX = List.of("](#", "{#", "{.", "**");
    private static final Pattern TOKEN = Pattern.compile("项\\d+号");

    @Test
    void no_output_shows_draft_syntax_and_every_list_item_is_its_own_block() {
        for (int seed = 1; seed <= DRAFTS; seed++) {
            Generated draft = Generated.of(new Random(seed));
            DraftDocument document = DraftFormat.parse(draft.markdown);
            Set<String> numbers = numbers(document);
            String context = "seed " + seed + ":\n" + draft.markdown;

            Document screen = Jsoup.parseBodyFragment(DraftHtml.render(document, Language.ZH));
            assertNoSyntax(screen.text(), "screen HTML, " + context);
            for (Element xref : screen.select("a.dr-xref")) {
                assertThat(numbers).as("cross-reference in the screen HTML, %s", context).contains(xref.text());
            }
            assertThat(screen.select(".dr-xref-broken")).as(context).isEmpty();
            assertOwnBlocks(screen, draft.items, context);

            DraftExport export = new DraftExport(Samples.project(), "", document, Optional.empty(), Language.ZH,
                    Samples.EXPORTED);
            Document exported = Jsoup.parse(new String(DraftExports.html(export), StandardCharsets.UTF_8));
            assertNoSyntax(exported.body().text(), "HTML export, " + context);
            assertOwnBlocks(exported, draft.items, context);

            List<String> paragraphs = Normalised.docxParagraphs(DraftExports.docx(export));
            assertNoSyntax(String.join("\n", paragraphs), "DOCX, " + context);
            assertOwnParagraphs(paragraphs, draft.items, "DOCX, " + context);

            String sts = Normalised.sts(DraftExports.sts(export));
            assertNoSyntax(sts, "STS, " + context);
            assertOwnParagraphs(List.of(sts.split("\n")), draft.items, "STS, " + context);

            if (seed <= PDF_DRAFTS) {
                assertNoSyntax(Normalised.pdf(DraftExports.pdf(export)), "PDF, " + context);
            }

            Generated reordered = Generated.of(new Random(seed)).withFirstClausesSwapped();
            DraftDocument newDocument = DraftFormat.parse(reordered.markdown);
            Redline redline = Redline.compare(document, newDocument);
            Document redlineDom = Jsoup.parseBodyFragment(RedlineHtml.render(redline, Language.ZH));
            assertNoSyntax(redlineDom.text(), "redline HTML, " + context);
            Document oldSide = redlineDom.clone();
            oldSide.select("ins").remove();
            Document newSide = redlineDom.clone();
            newSide.select("del").remove();
            assertReferencesExist(oldSide.select(".dr-rl-body").text(), numbers, "old side, " + context);
            assertReferencesExist(newSide.select(".dr-rl-body").text(), numbers(newDocument),
                    "new side, " + context);
            RedlineExport redlineExport = new RedlineExport(Samples.project(), RedlineExport.Version.of("a wd-1"),
                    RedlineExport.Version.of("b wd-2"), redline, Language.ZH, Samples.EXPORTED);
            List<String> redlineDocx = Normalised.docxParagraphs(DraftExports.redlineDocx(redlineExport));
            assertNoSyntax(String.join("\n", redlineDocx), "redline DOCX, " + context);
        }
    }

    /** Every "见X" in a side of the redline names a number of that side's version. */
    private static void assertReferencesExist(String text, Set<String> numbers, String context) {
        Matcher see = Pattern.compile("见([^。；，）|\\s]+)").matcher(text);
        while (see.find()) {
            assertThat(numbers).as("cross-reference in the redline, %s", context).contains(see.group(1));
        }
    }

    private static Set<String> numbers(DraftDocument document) {
        Set<String> numbers = new HashSet<>();
        for (NumberedClause clause : NumberedOutline.of(document).clauses()) {
            numbers.add(clause.referenceText(Language.ZH));
        }
        return numbers;
    }

    private static void assertNoSyntax(String text, String where) {
        for (String syntax : SYNTAX) {
            assertThat(text).as("%s shows %s", where, syntax).doesNotContain(syntax);
        }
    }

    /** Each generated item's token is in exactly one list item, whose own text holds no other item's token. */
    private static void assertOwnBlocks(Document html, List<String> items, String context) {
        for (String token : items) {
            List<Element> holders = html.select(".dr-list li").stream()
                    .filter(li -> ownText(li).contains(token)).toList();
            assertThat(holders).as("list items holding %s, %s", token, context).hasSize(1);
            Matcher m = TOKEN.matcher(ownText(holders.get(0)));
            int count = 0;
            while (m.find()) {
                count++;
            }
            assertThat(count).as("tokens in the item of %s, %s", token, context).isEqualTo(1);
        }
        assertThat(html.select(".dr-list li")).as(context).hasSize(items.size());
    }

    /** The text of a list item without its nested lists. */
    private static String ownText(Element li) {
        Element copy = li.clone();
        copy.select(".dr-list").remove();
        return copy.text();
    }

    private static void assertOwnParagraphs(List<String> paragraphs, List<String> items, String context) {
        for (String token : items) {
            List<String> holders = paragraphs.stream().filter(p -> p.contains(token)).toList();
            assertThat(holders).as("paragraphs holding %s in %s", token, context).hasSize(1);
            Matcher m = TOKEN.matcher(holders.get(0));
            int count = 0;
            while (m.find()) {
                count++;
            }
            assertThat(count).as("tokens in the paragraph of %s, %s", token, context).isEqualTo(1);
        }
    }

    /** A generated draft: clauses, subclauses and an annex whose bodies mix every kind of block. */
    private record Generated(String markdown, List<String> items, List<String> clauses) {

        static Generated of(Random random) {
            List<String> ids = new ArrayList<>();
            int top = 2 + random.nextInt(3);
            List<int[]> shape = new ArrayList<>();
            for (int i = 0; i < top; i++) {
                int subs = random.nextInt(3);
                shape.add(new int[] {subs});
                ids.add("c" + i);
                for (int j = 0; j < subs; j++) {
                    ids.add("c" + i + "-" + j);
                }
            }
            ids.add("annex-a");
            List<String> items = new ArrayList<>();
            int[] counter = {0};
            List<String> clauses = new ArrayList<>();
            for (int i = 0; i < top; i++) {
                StringBuilder clause = new StringBuilder("# 第" + i + "章 Clause {#c" + i + "}\n\n");
                int subs = shape.get(i)[0];
                if (subs == 0) {
                    clause.append(body(random, ids, items, counter));
                }
                for (int j = 0; j < subs; j++) {
                    clause.append("## 第").append(j).append("条 {#c").append(i).append('-').append(j).append("}\n\n")
                            .append(body(random, ids, items, counter));
                }
                clauses.add(clause.toString());
            }
            clauses.add("# 附录 {#annex-a .annex .informative}\n\n" + body(random, ids, items, counter));
            return new Generated(String.join("", clauses), items, clauses);
        }

        Generated withFirstClausesSwapped() {
            List<String> swapped = new ArrayList<>(clauses);
            String first = swapped.remove(0);
            swapped.add(1, first);
            return new Generated(String.join("", swapped), items, swapped);
        }

        private static String body(Random random, List<String> ids, List<String> items, int[] counter) {
            StringBuilder sb = new StringBuilder();
            int blocks = 1 + random.nextInt(4);
            for (int b = 0; b < blocks; b++) {
                switch (random.nextInt(6)) {
                    case 0 -> sb.append("段落**强调**，见[](#").append(pick(random, ids)).append(")。\n\n");
                    case 1 -> {
                        sb.append(random.nextBoolean() ? "要求如下：\n" : "要求如下：\n\n");
                        int n = 1 + random.nextInt(4);
                        for (int k = 0; k < n; k++) {
                            sb.append("a) ").append(token(items, counter)).append("，见[](#")
                                    .append(pick(random, ids)).append(")；\n");
                            if (random.nextInt(3) == 0) {
                                sb.append("   续行*说明*；\n");
                            }
                            if (random.nextInt(3) == 0) {
                                int m = 1 + random.nextInt(3);
                                for (int x = 0; x < m; x++) {
                                    sb.append("   1) ").append(token(items, counter)).append("；\n");
                                }
                            }
                        }
                        sb.append('\n');
                    }
                    case 2 -> {
                        int n = 1 + random.nextInt(4);
                        for (int k = 0; k < n; k++) {
                            sb.append("——").append(token(items, counter)).append("**要点**；\n");
                            if (random.nextInt(3) == 0) {
                                sb.append("  · ").append(token(items, counter)).append("；\n");
                            }
                        }
                        sb.append('\n');
                    }
                    case 3 -> sb.append(random.nextBoolean() ? "注：" : "示例：").append("说明见[](#")
                            .append(pick(random, ids)).append(")。\n\n");
                    case 4 -> sb.append("表：表题\n\n| 甲 | 乙 |\n|---|---|\n| **一** | 见[](#")
                            .append(pick(random, ids)).append(") |\n\n");
                    default -> sb.append("![图题](figures/a.png)\n\n");
                }
            }
            return sb.toString();
        }

        private static String token(List<String> items, int[] counter) {
            String token = "项" + (++counter[0]) + "号";
            items.add(token);
            return token;
        }

        private static String pick(Random random, List<String> ids) {
            return ids.get(random.nextInt(ids.size()));
        }
    }
}
