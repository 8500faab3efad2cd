package org.draftroom.drafts.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes one ATX heading line with its attribute block: {@code ## 范围 Scope {#scope .unnumbered}}.
 * Closing {@code #} sequences before the attribute block are accepted and dropped from the title.
 */
final class HeadingSyntax {

    /** An ATX heading opener as CommonMark defines it: up to 3 spaces, 1 to 6 {@code #}, then blank or end of line. */
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*)|[ \\t]*)$");
    private static final Pattern CLOSING_SEQUENCE = Pattern.compile("(?:^|[ \\t]+)#+[ \\t]*$");

    private HeadingSyntax() {
    }

    /** The parts of a heading line. {@code id} is empty when the heading has none. */
    record Parsed(int level, String title, String id, List<String> classes, List<String> unknownAttributes,
                  boolean hasAttributeBlock) {
    }

    static boolean isAtxHeading(String line) {
        return ATX.matcher(line).matches();
    }

    /**
     * Parses a heading line (without its line ending).
     *
     * @throws IllegalArgumentException if the line is not an ATX heading
     */
    static Parsed parse(String line) {
        Matcher m = ATX.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an ATX heading: " + line);
        }
        int level = m.group(1).length();
        String content = m.group(2) == null ? "" : stripTrailingBlanks(m.group(2));
        String id = "";
        List<String> classes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        boolean hasBlock = false;
        if (content.endsWith("}")) {
            int open = content.lastIndexOf('{');
            if (open >= 0) {
                hasBlock = true;
                String attributes = content.substring(open + 1, content.length() - 1).strip();
                content = stripTrailingBlanks(content.substring(0, open));
                for (String token : attributes.isEmpty() ? new String[0] : attributes.split("[ \\t]+")) {
                    if (token.startsWith("#") && token.length() > 1 && id.isEmpty()) {
                        id = token.substring(1);
                    } else if (token.startsWith(".") && token.length() > 1) {
                        classes.add(token.substring(1));
                    } else {
                        unknown.add(token);
                    }
                }
            }
        }
        content = CLOSING_SEQUENCE.matcher(content).replaceFirst("");
        return new Parsed(level, content.strip(), id, List.copyOf(classes), List.copyOf(unknown), hasBlock);
    }

    /** Writes a heading line in the canonical form {@code ## title {#id .class ...}}. */
    static String format(int level, String title, String id, List<String> classes, List<String> unknownAttributes) {
        StringBuilder sb = new StringBuilder("#".repeat(level));
        if (!title.isEmpty()) {
            sb.append(' ').append(title);
        }
        List<String> tokens = new ArrayList<>();
        if (!id.isEmpty()) {
            tokens.add("#" + id);
        }
        classes.forEach(c -> tokens.add("." + c));
        tokens.addAll(unknownAttributes);
        if (!tokens.isEmpty()) {
            sb.append(" {").append(String.join(" ", tokens)).append('}');
        }
        return sb.toString();
    }

    /** Replaces the run of {@code #} that opens a heading line, keeping the rest of the line as it was. */
    static String withLevel(String line, int level) {
        Matcher m = ATX.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an ATX heading: " + line);
        }
        return line.substring(0, m.start(1)) + "#".repeat(level) + line.substring(m.end(1));
    }

    private static String stripTrailingBlanks(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(0, end);
    }
}
