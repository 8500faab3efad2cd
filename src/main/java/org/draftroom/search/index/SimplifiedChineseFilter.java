package org.draftroom.search.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Maps traditional Chinese characters to simplified ones, one character for one, with the table in
 * {@value #TABLE}: ICU's {@code Traditional-Simplified} transform applied to every code point alone (2,853 characters
 * with ICU4J 74.2, all in the basic CJK block and Extension A). The table is generated from ICU4J, which is a test
 * dependency only (14 MB the production jar does not carry); {@code SimplifiedChineseFilterTest} checks that it is
 * exactly ICU's transform for every code point and regenerates it.
 *
 * <p>The transform's phrase rules ("計畫" → "计划" where "畫" alone is "画") are not applied, on purpose: they would
 * make a character's simplified form depend on its neighbours, so "黑板" could no longer be found in "黑板畫" (the rule
 * for "板畫" rewrites its "板"), and the analyzer never sees them anyway, since the tokenizer gives every Han character
 * as a token of its own. Every mapping keeps the text's length, which {@link Snippets} relies on. Thread-safe.
 */
final class SimplifiedChineseFilter extends TokenFilter {

    /** The table, next to this class: lines of a traditional character, a tab, its simplified form; {@code #} comments. */
    static final String TABLE = "traditional-simplified.txt";

    private static final Table MAPPING = Table.load();

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    SimplifiedChineseFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        for (int i = 0, n = term.length(); i < n; i++) {
            buffer[i] = simplified(buffer[i]);
        }
        return true;
    }

    /** The simplified form of a character, or the character itself. */
    static char simplified(char c) {
        return MAPPING.map(c);
    }

    /** Simplified forms of every character of a text (same length). */
    static String simplified(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = simplified(chars[i]);
        }
        return new String(chars);
    }

    /** The mapping as a dense array over the range of characters it maps (U+380F–U+9F9C: 27 K entries). */
    private record Table(char first, char[] to) {

        char map(char c) {
            int i = c - first;
            return i >= 0 && i < to.length ? to[i] : c;
        }

        static Table load() {
            InputStream in = SimplifiedChineseFilter.class.getResourceAsStream(TABLE);
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing beside " + SimplifiedChineseFilter.class);
            }
            List<char[]> pairs = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    // One BMP character for one, so that every mapping keeps the text's length (offsets, Snippets).
                    if (line.length() != 3 || line.charAt(1) != '\t' || Character.isSurrogate(line.charAt(0))
                            || Character.isSurrogate(line.charAt(2))) {
                        throw new IllegalStateException(TABLE + ": not one BMP character, a tab, one BMP character: "
                                + line);
                    }
                    pairs.add(new char[]{line.charAt(0), line.charAt(2)});
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            char first = (char) pairs.stream().mapToInt(p -> p[0]).min().orElse(0);
            int last = pairs.stream().mapToInt(p -> p[0]).max().orElse(-1);
            char[] to = new char[last - first + 1];
            for (int i = 0; i < to.length; i++) {
                to[i] = (char) (first + i);
            }
            for (char[] pair : pairs) {
                to[pair[0] - first] = pair[1];
            }
            return new Table(first, to);
        }
    }
}
