package org.draftroom.drafts.domain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads and writes {@code draft.md}: CommonMark with GFM tables, one ATX heading per clause.
 *
 * <p>A line is a clause heading exactly when CommonMark reads it as a top-level ATX heading ({@code #} to
 * {@code ######}): lines in fenced or indented code, HTML blocks, block quotes and list items are body text, and so are
 * setext headings ({@code ===} underlines). Everything between one heading line and the next is the clause body.
 *
 * <p>Round trip: for every valid UTF-8 input, {@code serialize(parse(bytes))} returns identical bytes (byte order mark,
 * CRLF or CR line endings, a missing final newline, trailing blanks and all). Thread-safe; parsing is linear in the
 * size of the input.
 */
public final class DraftFormat {

    static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), GbtLists.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private DraftFormat() {
    }

    /**
     * The CommonMark tree of draft Markdown as every rendering reads it: GFM tables and GB/T list items
     * ({@link GbtLists}), with source spans of blocks and inlines. Thread-safe.
     */
    public static Node parseMarkdown(String markdown) {
        return GbtLists.parse(PARSER, markdown);
    }

    /**
     * Parses the bytes of a {@code draft.md}.
     *
     * @throws DraftException {@code draft.format.invalid-utf8} (byte offset, line) if the bytes are not UTF-8
     */
    public static DraftDocument parse(byte[] bytes) {
        return parse(decodeStrictly(bytes));
    }

    /** Parses the text of a {@code draft.md}; a leading U+FEFF is taken as the byte order mark. */
    public static DraftDocument parse(String text) {
        boolean bom = text.startsWith("\uFEFF");
        String source = bom ? text.substring(1) : text;
        List<int[]> lines = lines(source);
        List<Integer> headingLines = headingLineIndexes(source, lines);
        if (headingLines.isEmpty()) {
            return new DraftDocument(bom, source, List.of());
        }
        String preamble = source.substring(0, lines.get(headingLines.get(0))[0]);
        List<Clause> clauses = new ArrayList<>();
        for (int h = 0; h < headingLines.size(); h++) {
            int[] line = lines.get(headingLines.get(h));
            int bodyEnd = h + 1 < headingLines.size() ? lines.get(headingLines.get(h + 1))[0] : source.length();
            clauses.add(Clause.read(source.substring(line[0], line[1]), source.substring(line[1], line[2]),
                    source.substring(line[2], bodyEnd)));
        }
        return new DraftDocument(bom, preamble, clauses);
    }

    /** The bytes of a document: UTF-8, byte order mark included if it had one. */
    public static byte[] serialize(DraftDocument document) {
        return document.toBytes();
    }

    /**
     * Decodes UTF-8, refusing malformed or unmappable input instead of replacing it.
     *
     * @throws DraftException {@code draft.format.invalid-utf8} with the byte offset and the 1-based line number
     */
    static String decodeStrictly(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new DraftException("draft.format.invalid-utf8", offset, line);
        }
        out.flip();
        return out.toString();
    }

    /** Line boundaries as {start, end of content, end including the line ending}; \n, \r\n and \r end a line. */
    static List<int[]> lines(String s) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                int contentEnd = i;
                i += (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') ? 2 : 1;
                lines.add(new int[] {start, contentEnd, i});
                start = i;
            } else {
                i++;
            }
        }
        if (start < s.length()) {
            lines.add(new int[] {start, s.length(), s.length()});
        }
        return lines;
    }

    private static List<Integer> headingLineIndexes(String source, List<int[]> lines) {
        List<Integer> result = new ArrayList<>();
        for (Node node = parseMarkdown(source).getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading && !node.getSourceSpans().isEmpty()) {
                int index = node.getSourceSpans().get(0).getLineIndex();
                int[] line = lines.get(index);
                if (HeadingSyntax.isAtxHeading(source.substring(line[0], line[1]))) {
                    result.add(index);
                }
            }
        }
        return result;
    }
}
