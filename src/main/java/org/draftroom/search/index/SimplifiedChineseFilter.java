package org.draftroom.search.index;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Maps traditional Chinese characters to simplified ones, one character for one, with a table that ICU's
 * {@code Traditional-Simplified} transform fills once for the basic CJK block (U+4E00–U+9FFF). Running the transform
 * on every token would cost about a microsecond per Han character, which dominated a full rebuild; the table costs
 * a lookup. Characters the transform maps to more or fewer than one character are left alone (their offsets would no
 * longer match the text). Thread-safe.
 */
final class SimplifiedChineseFilter extends TokenFilter {

    private static final char FIRST = '\u4E00';
    private static final char LAST = '\u9FFF';
    private static final char[] TABLE = table();

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
        return c >= FIRST && c <= LAST ? TABLE[c - FIRST] : c;
    }

    /** Simplified forms of every character of a text (same length). */
    static String simplified(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = simplified(chars[i]);
        }
        return new String(chars);
    }

    private static char[] table() {
        Transliterator transform = Transliterator.getInstance("Traditional-Simplified");
        char[] table = new char[LAST - FIRST + 1];
        for (int i = 0; i < table.length; i++) {
            table[i] = (char) (FIRST + i);
        }
        for (int i = 0; i < table.length; i++) {
            String mapped = transform.transliterate(String.valueOf(table[i]));
            if (mapped.length() == 1) {
                table[i] = mapped.charAt(0);
            }
        }
        return table;
    }
}
