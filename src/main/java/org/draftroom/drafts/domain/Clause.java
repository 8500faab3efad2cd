package org.draftroom.drafts.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One clause of a draft: its heading (level, title, stable id, classes) and its body, the Markdown text between its
 * heading line and the next heading line, kept verbatim (line endings and all).
 *
 * <p>Immutable. The heading line is kept as it was read, so an unchanged clause serialises to the same bytes; an
 * operation that changes the heading writes it anew in the canonical form {@code ## title {#id .class}}.
 * The body of a clause does not include its subclauses: they are the clauses that follow it at a deeper level.
 */
public final class Clause {

    private final String id;
    private final int level;
    private final String title;
    private final List<String> classes;
    private final List<String> unknownAttributes;
    private final String headingLine;
    private final String headingEnding;
    private final String body;

    private Clause(HeadingSyntax.Parsed parsed, String headingLine, String headingEnding, String body) {
        this.id = parsed.id();
        this.level = parsed.level();
        this.title = parsed.title();
        this.classes = parsed.classes();
        this.unknownAttributes = parsed.unknownAttributes();
        this.headingLine = headingLine;
        this.headingEnding = Objects.requireNonNull(headingEnding);
        this.body = Objects.requireNonNull(body);
    }

    /** A clause read from a heading line (without its ending), the heading's line ending and the body text. */
    static Clause read(String headingLine, String headingEnding, String body) {
        return new Clause(HeadingSyntax.parse(headingLine), headingLine, headingEnding, body);
    }

    /** A clause with a canonical heading line. */
    static Clause create(int level, String title, String id, List<String> classes, String headingEnding, String body) {
        String line = HeadingSyntax.format(level, title, id, classes, List.of());
        return read(line, headingEnding, body);
    }

    /** The stable id from {@code {#id}}, or the empty string when the heading has none. */
    public String id() {
        return id;
    }

    /** The heading level, 1 to 6: 1 is a clause (章), annex or front/back element; 2 a subclause (条) and so on. */
    public int level() {
        return level;
    }

    /** The title as written, without number, attribute block or closing {@code #} sequence. */
    public String title() {
        return title;
    }

    /** The class tokens of the heading, in the order written, known or not. */
    public List<String> classes() {
        return classes;
    }

    /** The known classes of the heading. */
    public Set<ClauseClass> knownClasses() {
        Set<ClauseClass> known = EnumSet.noneOf(ClauseClass.class);
        classes.forEach(c -> ClauseClass.ofToken(c).ifPresent(known::add));
        return known;
    }

    /** Whether the heading carries the given class. */
    public boolean is(ClauseClass clauseClass) {
        return classes.contains(clauseClass.token());
    }

    /** Class tokens this format does not define. */
    public List<String> unknownClasses() {
        return classes.stream().filter(c -> ClauseClass.ofToken(c).isEmpty()).toList();
    }

    /** Attribute tokens that are neither {@code #id} nor {@code .class} (including a second {@code #id}). */
    public List<String> unknownAttributes() {
        return unknownAttributes;
    }

    /** The heading line as it appears in the file, without its line ending. */
    public String headingLine() {
        return headingLine;
    }

    /** The line ending after the heading line: {@code "\n"}, {@code "\r\n"}, {@code "\r"}, or empty at end of file. */
    public String headingEnding() {
        return headingEnding;
    }

    /** The body text, verbatim: everything between the heading line and the next heading line. */
    public String body() {
        return body;
    }

    /** Whether the body holds anything but blank lines. */
    public boolean hasText() {
        return !body.isBlank();
    }

    /** The clause as it appears in the file: heading line, its ending, and body. */
    public String text() {
        return headingLine + headingEnding + body;
    }

    Clause withTitle(String newTitle) {
        return create(level, newTitle, id, classes, headingEnding, body).withUnknownAttributes(unknownAttributes);
    }

    Clause withClasses(List<String> newClasses) {
        return create(level, title, id, newClasses, headingEnding, body).withUnknownAttributes(unknownAttributes);
    }

    Clause withId(String newId) {
        return create(level, title, newId, classes, headingEnding, body).withUnknownAttributes(unknownAttributes);
    }

    Clause withLevel(int newLevel) {
        return read(HeadingSyntax.withLevel(headingLine, newLevel), headingEnding, body);
    }

    Clause withBody(String newBody) {
        return new Clause(HeadingSyntax.parse(headingLine), headingLine, headingEnding, newBody);
    }

    Clause withHeadingEnding(String ending) {
        return new Clause(HeadingSyntax.parse(headingLine), headingLine, ending, body);
    }

    private Clause withUnknownAttributes(List<String> attributes) {
        if (attributes.isEmpty()) {
            return this;
        }
        return read(HeadingSyntax.format(level, title, id, classes, attributes), headingEnding, body);
    }

    /** Whether the clause text ends with a line ending, so that another heading may follow it. */
    boolean endsWithLineEnding() {
        String text = text();
        return text.endsWith("\n") || text.endsWith("\r");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Clause other && headingLine.equals(other.headingLine)
                && headingEnding.equals(other.headingEnding) && body.equals(other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headingLine, headingEnding, body);
    }

    @Override
    public String toString() {
        return "Clause[" + headingLine + "]";
    }
}
