package org.draftroom.drafts.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * The CommonMark extension that reads GB/T 1.1 list items as list structure ({@link GbtList}, {@link GbtListItem}).
 *
 * <p>A list starts at a line (indented at most three spaces) opening with a marker: {@code ——} (dash), {@code ·}
 * (dot), one lower-case letter and {@code )} or {@code ）} (letter), or a number and {@code )} / {@code ）} (number).
 * It may interrupt a paragraph. Each further line opening with a marker, at any indentation, is a new item; a line
 * of another kind of marker than the current item's opens a nested list, and a kind already open further out closes
 * the inner lists (so {@code a)} … {@code 1)} … {@code b)} nests the numbers under {@code a)}). Other lines continue
 * the item before them, except lines that open another block (heading, fence, quote, table, bullet or ordered list,
 * HTML, thematic break, note, example, table caption) and a line after a blank line, which end the list. Markers are
 * computed from position, so typed letters and numbers need not be right.
 *
 * <p>Thread-safe (stateless factory); parsing stays linear in the size of the input.
 */
public final class GbtLists implements Parser.ParserExtension {

    /** A marker at the start of a line (after any indentation), with the blanks after it. */
    static final Pattern MARKER = Pattern.compile(
            "^[ \\t]*(——|·|([a-z\\uE061-\\uE07A])[)）]|(\\d{1,3})[)）])[ \\t\\u3000]*");
    /** A letter marker at a line start, before {@link #parse} masks it. */
    private static final Pattern LETTER_LINE = Pattern.compile("(?m)^([ \\t]*)([a-z])(?=[)）])");
    /** Where letters are masked: the private-use characters U+E061 … U+E07A stand for a … z. */
    private static final int MASK = 0xE000;
    private static final Pattern OTHER_BLOCK = Pattern.compile(
            "^[ \\t]*(?:#{1,6}(?:[ \\t]|$)|```|~~~|>|\\||[-*+][ \\t]|\\d{1,9}\\.[ \\t]|<|(?:[-*_][ \\t]*){3,}$"
                    + "|(?:注|NOTE|Note|示例|EXAMPLE|Example)[ \\t]*\\d*[ \\t]*[:：]|(?:表|Table)[ \\t]*[:：]|!\\[)");

    private GbtLists() {
    }

    public static GbtLists create() {
        return new GbtLists();
    }

    /**
     * Parses Markdown with a parser that has this extension. CommonMark never starts a block at a line that opens
     * with an ASCII letter, so the letter of each {@code a)} line is masked first by a private-use character of the
     * same length (source positions stay exact) and unmasked in every literal of the tree afterwards. A source that
     * already holds such characters is parsed unmasked (its letter items then stay paragraph text).
     */
    public static Node parse(Parser parser, String source) {
        boolean maskable = source.chars().noneMatch(c -> c >= MASK + 'a' && c <= MASK + 'z');
        if (!maskable || !LETTER_LINE.matcher(source).find()) {
            return parser.parse(source);
        }
        Matcher m = LETTER_LINE.matcher(source);
        StringBuilder masked = new StringBuilder(source);
        while (m.find()) {
            masked.setCharAt(m.start(2), (char) (MASK + source.charAt(m.start(2))));
        }
        Node root = parser.parse(masked.toString());
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                text.setLiteral(unmask(text.getLiteral()));
            }

            @Override
            public void visit(Code code) {
                code.setLiteral(unmask(code.getLiteral()));
            }

            @Override
            public void visit(FencedCodeBlock code) {
                code.setLiteral(unmask(code.getLiteral()));
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                code.setLiteral(unmask(code.getLiteral()));
            }

            @Override
            public void visit(HtmlBlock html) {
                html.setLiteral(unmask(html.getLiteral()));
            }

            @Override
            public void visit(HtmlInline html) {
                html.setLiteral(unmask(html.getLiteral()));
            }

            @Override
            public void visit(Link link) {
                link.setDestination(unmask(link.getDestination()));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                image.setDestination(unmask(image.getDestination()));
                visitChildren(image);
            }
        });
        return root;
    }

    private static String unmask(String s) {
        if (s == null) {
            return null;
        }
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= MASK + 'a' && c <= MASK + 'z') {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = (char) (c - MASK);
            }
        }
        return chars == null ? s : new String(chars);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory());
    }

    static GbtList.Kind kindOf(Matcher m) {
        String marker = m.group(1);
        if (marker.equals("——")) {
            return GbtList.Kind.DASH;
        }
        if (marker.equals("·")) {
            return GbtList.Kind.DOT;
        }
        return m.group(2) != null ? GbtList.Kind.LETTER : GbtList.Kind.NUMBER;
    }

    private static final class Factory extends AbstractBlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            if (state.getIndent() >= 4 || state.isBlank()) {
                return BlockStart.none();
            }
            CharSequence content = state.getLine().getContent();
            Matcher m = MARKER.matcher(content.subSequence(state.getNextNonSpaceIndex(), content.length()));
            if (!m.find() || m.end() == content.length() - state.getNextNonSpaceIndex()) {
                return BlockStart.none();
            }
            return BlockStart.of(new ListParser(kindOf(m))).atIndex(state.getIndex());
        }
    }

    /** Collects the lines of the list, then builds its items and parses their inline text. */
    private static final class ListParser extends AbstractBlockParser {

        private final List<SourceLine> lines = new ArrayList<>();
        private final GbtList block;
        private boolean blankSeen;

        private final java.util.EnumSet<GbtList.Kind> kinds;

        ListParser(GbtList.Kind kind) {
            block = new GbtList(kind, 1);
            kinds = java.util.EnumSet.of(kind);
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (state.isBlank()) {
                blankSeen = true;
                return BlockContinue.atIndex(state.getIndex());
            }
            CharSequence line = state.getLine().getContent();
            CharSequence rest = line.subSequence(state.getIndex(), line.length());
            Matcher marker = MARKER.matcher(rest);
            if (marker.find()) {
                // After a blank line only a kind already in the list continues it; another kind starts a new list.
                if (blankSeen && !kinds.contains(kindOf(marker))) {
                    return BlockContinue.none();
                }
                kinds.add(kindOf(marker));
                blankSeen = false;
                return BlockContinue.atIndex(state.getIndex());
            }
            if (blankSeen || OTHER_BLOCK.matcher(rest).find()) {
                return BlockContinue.none();
            }
            return BlockContinue.atIndex(state.getIndex());
        }

        @Override
        public void addLine(SourceLine line) {
            if (!line.getContent().toString().isBlank()) {
                lines.add(line);
            }
        }

        @Override
        public void parseInlines(InlineParser inlineParser) {
            // Build the item tree, then parse each item's text as a paragraph.
            Deque<Open> open = new ArrayDeque<>();
            open.push(new Open(block.kind(), block));
            List<Pending> pending = new ArrayList<>();
            Pending current = null;
            for (SourceLine line : lines) {
                String text = line.getContent().toString();
                Matcher m = MARKER.matcher(text);
                if (m.find()) {
                    GbtList.Kind kind = kindOf(m);
                    while (!open.isEmpty() && open.peek().kind != kind && containsKind(open, kind)) {
                        open.pop();
                    }
                    if (open.peek().kind != kind && open.peek().lastItem != null) {
                        GbtList list = new GbtList(kind, open.size() + 1);
                        open.peek().lastItem.appendChild(list);
                        open.push(new Open(kind, list));
                    }
                    Open top = open.peek();
                    GbtListItem item = new GbtListItem(kind.marker(top.count++));
                    top.list.appendChild(item);
                    top.lastItem = item;
                    Paragraph paragraph = new Paragraph();
                    item.appendChild(paragraph);
                    current = new Pending(paragraph);
                    pending.add(current);
                    SourceLine first = line.substring(m.end(), text.length());
                    current.lines.addLine(first);
                    item.addSourceSpan(line.getSourceSpan());
                    paragraph.addSourceSpan(first.getSourceSpan());
                } else if (current != null) {
                    int start = 0;
                    while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
                        start++;
                    }
                    SourceLine rest = line.substring(start, text.length());
                    current.lines.addLine(rest);
                    current.paragraph.addSourceSpan(rest.getSourceSpan());
                    ((Block) current.paragraph.getParent()).addSourceSpan(line.getSourceSpan());
                }
            }
            for (Pending p : pending) {
                inlineParser.parse(p.lines, p.paragraph);
            }
        }

        private static boolean containsKind(Deque<Open> open, GbtList.Kind kind) {
            for (Open o : open) {
                if (o.kind == kind) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Open {
        final GbtList.Kind kind;
        final GbtList list;
        GbtListItem lastItem;
        int count;

        Open(GbtList.Kind kind, GbtList list) {
            this.kind = kind;
            this.list = list;
        }
    }

    private static final class Pending {
        final Paragraph paragraph;
        final SourceLines lines = new SourceLines();

        Pending(Paragraph paragraph) {
            this.paragraph = paragraph;
        }
    }
}
