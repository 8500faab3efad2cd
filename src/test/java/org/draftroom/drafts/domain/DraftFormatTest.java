package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DraftFormatTest {

    static final Path CORPUS = Path.of("src/test/resources/drafts/corpus");
    /** The sample projects' versions, imported on first start. */
    static final Path SEED = Path.of("drafts-repo/seed");

    /** The tricky files of the corpus and every seed file. */
    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS); Stream<Path> seeds = Files.walk(SEED)) {
            return Stream.concat(files.toList().stream(), seeds.toList().stream())
                    .filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void serialising_a_parsed_file_gives_back_identical_bytes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);

        DraftDocument document = DraftFormat.parse(bytes);

        assertThat(DraftFormat.serialize(document)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reparsing_the_serialised_text_gives_an_equal_document(Path file) throws IOException {
        DraftDocument document = DraftFormat.parse(Files.readAllBytes(file));

        assertThat(DraftFormat.parse(document.text())).isEqualTo(document);
    }

    @Test
    void each_heading_becomes_a_clause_with_id_level_title_and_classes() throws IOException {
        DraftDocument document = DraftFormat.parse(Files.readAllBytes(CORPUS.resolve("gbt35273-outline.md")));

        Clause term = document.require("t-pi");
        assertThat(term.level()).isEqualTo(2);
        assertThat(term.title()).isEqualTo("个人信息 personal information");
        assertThat(term.knownClasses()).containsExactly(ClauseClass.TERM);
        Clause annex = document.require("annex-a");
        assertThat(annex.knownClasses()).containsExactlyInAnyOrder(ClauseClass.ANNEX, ClauseClass.INFORMATIVE);
        assertThat(document.clauses()).extracting(Clause::id).startsWith("foreword", "introduction", "scope");
    }

    @Test
    void the_body_is_everything_between_a_heading_line_and_the_next() {
        DraftDocument document = DraftFormat.parse("pre\n# A {#a}\n\ntext a\n## B {#b}\ntext b");

        assertThat(document.preamble()).isEqualTo("pre\n");
        assertThat(document.require("a").body()).isEqualTo("\ntext a\n");
        assertThat(document.require("b").body()).isEqualTo("text b");
        assertThat(document.require("b").headingEnding()).isEqualTo("\n");
    }

    @Test
    void lines_inside_fenced_code_quotes_lists_and_html_are_never_headings() throws IOException {
        DraftDocument document = DraftFormat.parse(Files.readAllBytes(CORPUS.resolve("fenced-code.md")));

        assertThat(document.clauses()).extracting(Clause::id).containsExactly("code", "after-code");
        assertThat(document.require("after-code").body()).contains("# Not a clause {#swallowed}");
    }

    @Test
    void heading_variants_are_read_as_commonmark_reads_them() throws IOException {
        DraftDocument document = DraftFormat.parse(Files.readAllBytes(CORPUS.resolve("odd-headings.md")));

        assertThat(document.clauses()).extracting(Clause::title).containsExactly(
                "", "Closing hashes", "Title with {braces} inside", "No attributes at all", "Unknown stuff",
                "Tab after hashes", "Empty block");
        Clause odd = document.require("odd");
        assertThat(odd.unknownClasses()).containsExactly("fancy");
        assertThat(odd.unknownAttributes()).containsExactly("key=value", "#second");
        assertThat(document.clauses().get(3).id()).isEmpty();
    }

    @Test
    void deep_nesting_and_indented_headings_follow_commonmark() throws IOException {
        DraftDocument document = DraftFormat.parse(
                Files.readAllBytes(CORPUS.resolve("emoji-and-trailing-spaces.md")));

        assertThat(document.clauses()).extracting(Clause::id).containsExactly(
                "emoji", "empty-one", "empty-two", "deep-3", "deep-4", "deep-5", "deep-6", "indented");
        assertThat(document.require("deep-6").level()).isEqualTo(6);
        assertThat(document.require("empty-one").body()).isEmpty();
        assertThat(document.require("indented").body()).contains("    # Four spaces is indented code");
    }

    @Test
    void a_byte_order_mark_is_kept_outside_the_preamble() throws IOException {
        DraftDocument document = DraftFormat.parse(Files.readAllBytes(CORPUS.resolve("bom.md")));

        assertThat(document.hasByteOrderMark()).isTrue();
        assertThat(document.preamble()).isEmpty();
        assertThat(document.require("bom").title()).isEqualTo("带BOM");
    }

    @Test
    void heading_line_numbers_count_every_kind_of_line_ending() throws IOException {
        DraftDocument document = DraftFormat.parse(Files.readAllBytes(CORPUS.resolve("cr-only.md")));

        assertThat(document.clauses()).extracting(Clause::id).containsExactly("cr", "cr-sub");
        assertThat(document.lineOf(1)).isEqualTo(4);
        assertThat(document.lineEnding()).isEqualTo("\r");
    }

    @Test
    void invalid_utf8_is_refused_with_its_offset_and_line() {
        byte[] bytes = "# A {#a}\nok\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[bytes.length] = (byte) 0xC3;
        broken[bytes.length + 1] = (byte) 0x28;

        assertThatThrownBy(() -> DraftFormat.parse(broken))
                .isInstanceOfSatisfying(DraftException.class, e -> {
                    assertThat(e.key()).isEqualTo("draft.format.invalid-utf8");
                    assertThat(e.argList()).isEqualTo(List.of(bytes.length, 3));
                });
    }
}
