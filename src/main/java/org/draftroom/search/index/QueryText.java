package org.draftroom.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What a person typed, understood without any query syntax: words separated by spaces must all occur (in any order),
 * text in double quotes must occur as written. Nothing else is an operator: {@code AND OR NOT ( ) * ? ~ \ :} are
 * treated as the characters they are (punctuation is dropped by the analyzer, words like "AND" are searched as words),
 * so no input can change the query's structure or make it expensive. A Chinese word of two or more characters
 * becomes a phrase of its bigrams, so it is found inside longer words.
 *
 * @param parts     the words and quoted phrases, as typed (trimmed), at most {@link #MAX_PARTS}
 * @param shortened whether the input was longer than allowed and was cut
 * @param clauseNumber the clause number when the whole query is one ("5.4", "A.1", "3.2.1")
 * @param standardCode the document code when the whole query is one ("GB/T 35273", "GB 1234-2020", "TC260-PG-20222A")
 */
public record QueryText(String text, List<String> parts, boolean shortened, Optional<String> clauseNumber,
                        Optional<String> standardCode) {

    /** The most words and phrases a query keeps; the rest are ignored. */
    public static final int MAX_PARTS = 16;

    private static final Pattern CLAUSE_NUMBER = Pattern.compile("(?:\\d{1,3}|[A-Z])(?:\\.\\d{1,3}){0,5}");
    private static final Pattern STANDARD_CODE = Pattern.compile(
            "(?i)(?:GB(?:\\s*/\\s*[TZ])?|TC\\s*260(?:\\s*-\\s*PG)?)[\\s\\-]*[0-9][0-9A-Z.\\-—]*");

    /** Parses a query; {@code maxLength} bounds the characters read. */
    public static QueryText parse(String raw, int maxLength) {
        String text = raw == null ? "" : raw.strip();
        boolean shortened = text.length() > maxLength;
        if (shortened) {
            text = text.substring(0, maxLength).strip();
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = fold(text.charAt(i));
            if (c == '"' || c == '“' || c == '”') {
                add(parts, current);
                quoted = !quoted;
            } else if (!quoted && Character.isWhitespace(c)) {
                add(parts, current);
            } else {
                current.append(c);
            }
        }
        add(parts, current);
        if (parts.size() > MAX_PARTS) {
            parts = new ArrayList<>(parts.subList(0, MAX_PARTS));
            shortened = true;
        }
        String folded = fold(text);
        Optional<String> number = CLAUSE_NUMBER.matcher(folded).matches() ? Optional.of(folded) : Optional.empty();
        Optional<String> code = STANDARD_CODE.matcher(folded).matches() ? Optional.of(folded) : Optional.empty();
        return new QueryText(text, List.copyOf(parts), shortened, number, code);
    }

    private static void add(List<String> parts, StringBuilder current) {
        String part = current.toString().strip();
        if (!part.isEmpty()) {
            parts.add(part);
        }
        current.setLength(0);
    }

    /**
     * The Lucene query over {@code field}: every part must match; a part of one token is a term query, of several a
     * phrase query. Empty when no part has a searchable word (e.g. "*", "()", a single Chinese character).
     */
    public Optional<Query> toQuery(Analyzer analyzer, String field) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (String part : parts) {
            List<String> tokens = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            analyze(analyzer, field, part, tokens, positions);
            if (tokens.isEmpty()) {
                continue;
            }
            Query q;
            if (tokens.size() == 1) {
                q = new TermQuery(new Term(field, tokens.get(0)));
            } else {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder();
                for (int i = 0; i < tokens.size(); i++) {
                    phrase.add(new Term(field, tokens.get(i)), positions.get(i));
                }
                q = phrase.build();
            }
            all.add(q, BooleanClause.Occur.MUST);
            clauses++;
        }
        return clauses == 0 ? Optional.empty() : Optional.of(all.build());
    }

    /** The analyzed tokens of every part (for highlighting stems). */
    public List<String> tokens(Analyzer analyzer, String field) {
        List<String> tokens = new ArrayList<>();
        for (String part : parts) {
            analyze(analyzer, field, part, tokens, new ArrayList<>());
        }
        return tokens;
    }

    private static void analyze(Analyzer analyzer, String field, String text, List<String> tokens,
                                List<Integer> positions) {
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(term.toString());
                positions.add(position);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Full-width ASCII to half-width, ideographic space to space. */
    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' ? ' ' : c;
    }

    static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }
}
