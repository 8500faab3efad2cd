package org.draftroom.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.VersionInfo;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The traditional-to-simplified table is ICU's {@code Traditional-Simplified} transform, character by character, for
 * every code point (so every CJK block, the extensions and the compatibility ideographs included), and what the
 * table leaves out (the transform's phrase rules) does not change what search finds.
 *
 * <p>ICU4J is a test dependency only. After changing its version, regenerate the table with
 * {@code ./mvnw -o test -Dtest=SimplifiedChineseFilterTest -Ddocs.update=true} (it writes
 * {@code src/main/resources/org/draftroom/search/index/traditional-simplified.txt}), run the test once more without
 * the flag, and commit the table.
 */
class SimplifiedChineseFilterTest {

    private static final Path TABLE = Path.of("src/main/resources/org/draftroom/search/index",
            SimplifiedChineseFilter.TABLE);
    private static final Transliterator ICU = Transliterator.getInstance("Traditional-Simplified");

    /** ICU's transform of every code point it changes (the code point alone), in code point order. */
    private static final Map<Integer, String> CHANGED = new TreeMap<>();

    @BeforeAll
    static void transformEveryCodePoint() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            String alone = Character.toString(cp);
            String mapped = ICU.transliterate(alone);
            if (!mapped.equals(alone)) {
                CHANGED.put(cp, mapped);
            }
        }
    }

    private static String generatedTable() {
        StringBuilder table = new StringBuilder()
                .append("# Traditional to simplified Chinese, one character for one (SimplifiedChineseFilter): ICU4J ")
                .append(VersionInfo.ICU_VERSION.getMajor()).append('.').append(VersionInfo.ICU_VERSION.getMinor())
                .append("'s\n")
                .append("# Traditional-Simplified transform applied to every code point alone. Generated: do not edit;\n")
                .append("# regenerate with ./mvnw -o test -Dtest=SimplifiedChineseFilterTest -Ddocs.update=true\n");
        CHANGED.forEach((cp, mapped) -> table.appendCodePoint(cp).append('\t').append(mapped).append('\n'));
        return table.toString();
    }

    @Test
    void the_table_in_the_sources_is_icus_transform_of_every_code_point() throws IOException {
        String generated = generatedTable();
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(TABLE, generated, StandardCharsets.UTF_8);
        }
        assertThat(CHANGED).as("characters ICU's transform maps").hasSizeGreaterThan(2000);
        assertThat(Files.readString(TABLE, StandardCharsets.UTF_8))
                .as(TABLE + " (regenerate: see this class's Javadoc)").isEqualTo(generated);
    }

    @Test
    void the_filter_maps_every_code_point_as_icu_does() {
        assumeFalse(Boolean.getBoolean("docs.update"), "the class path holds the table from before the update");
        List<String> wrong = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            String alone = Character.toString(cp);
            String expected = CHANGED.getOrDefault(cp, alone);
            String actual = SimplifiedChineseFilter.simplified(alone);
            if (!actual.equals(expected)) {
                wrong.add("U+%04X %s: %s, ICU %s".formatted(cp, alone, actual, expected));
            }
        }
        assertThat(wrong).as("code points mapped unlike ICU").isEmpty();
        assertThat(SimplifiedChineseFilter.simplified("個人資訊的處理與數據")).isEqualTo("个人资讯的处理与数据");
    }

    /**
     * ICU's transform also has phrase rules (976 in ICU4J 74.2, such as "計畫" → "计划" where "畫" alone is "画").
     * Applied per token, as a Lucene filter applies a transform, they never fire: the tokenizer gives every Han
     * character of each phrase as a token of its own.
     */
    @Test
    void the_transforms_phrase_rules_never_reach_a_token_filter() throws IOException {
        List<String> phrases = new ArrayList<>();
        for (String rule : ICU.toRules(false).split(";")) {
            String[] sides = rule.strip().split(">");
            if (sides.length == 2 && sides[0].strip().codePointCount(0, sides[0].strip().length()) > 1) {
                phrases.add(sides[0].strip());
            }
        }
        assertThat(phrases).as("phrase rules of the transform").hasSizeGreaterThan(500).contains("計畫");
        for (String phrase : phrases) {
            assertThat(tokens(phrase)).as(phrase).allSatisfy(t -> assertThat(t.codePointCount(0, t.length()))
                    .isEqualTo(1));
        }
    }

    /** The reason not to apply them on the whole text instead: a substring must be found wherever it stands. */
    @Test
    void a_word_is_found_inside_a_phrase_icu_would_rewrite_around_it() throws IOException {
        assertThat(ICU.transliterate("黑板畫")).isEqualTo("黑版画");
        try (Analyzer analyzer = new DraftroomAnalyzer()) {
            assertThat(terms(analyzer, "黑板畫")).contains("黑板", "板画");
            assertThat(terms(analyzer, "計畫")).containsExactly("计画");
        }
    }

    private static List<String> tokens(String text) throws IOException {
        try (StandardTokenizer tokenizer = new StandardTokenizer()) {
            tokenizer.setReader(new StringReader(text));
            return collect(tokenizer);
        }
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            return collect(stream);
        }
    }

    private static List<String> collect(TokenStream stream) throws IOException {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        List<String> out = new ArrayList<>();
        stream.reset();
        while (stream.incrementToken()) {
            out.add(term.toString());
        }
        stream.end();
        return out;
    }
}
