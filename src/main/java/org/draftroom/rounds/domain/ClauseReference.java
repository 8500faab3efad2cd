package org.draftroom.rounds.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clause reference as reviewers write it in a comment sheet, reduced to what the outline numbers: "Annex B",
 * "附录B", "附录 B", "B.2", "第5章", "5.1条", "5.1 a)", "5.1a", "Clause 5.1", "§5.1", full-width digits; tables and
 * figures ("表1", "Table A.1", "图2", "Figure 2") are named by their own number; "General", 总则, 总体, 一般, 全文, 通用
 * or nothing mean the whole document.
 *
 * @param kind   what the reference names
 * @param number the clause, annex, table or figure number ("5.1", "B", "A.1"); empty for the whole document
 */
public record ClauseReference(Kind kind, String number) {

    /** What a reference names. */
    public enum Kind { GENERAL, CLAUSE, TABLE, FIGURE }

    private static final Pattern TABLE = Pattern.compile("^(?:表|table|tab\\.?)\\s*([a-z]?\\.?\\d+(?:\\.\\d+)*)");
    private static final Pattern FIGURE = Pattern.compile("^(?:图|figure|fig\\.?)\\s*([a-z]?\\.?\\d+(?:\\.\\d+)*)");
    private static final Pattern ANNEX = Pattern.compile("^(?:附录|annex|appendix)\\s*([a-z]{1,2})(\\.\\d+(?:\\.\\d+)*)?");
    private static final Pattern NUMBER = Pattern.compile("^(?:第|clause|subclause|§|cl\\.?)?\\s*"
            + "((?:[a-z]{1,2}\\.)?\\d+(?:\\.\\d+)*|[a-z])(?=$|[^a-z0-9.]|[a-z]\\)?$|\\.$|\\.[^0-9])");

    public static ClauseReference general() {
        return new ClauseReference(Kind.GENERAL, "");
    }

    /** Reads a reference; empty when it cannot be read as one. */
    public static Optional<ClauseReference> parse(String written) {
        String s = Normalizer.normalize(written == null ? "" : written, Normalizer.Form.NFKC).strip()
                .toLowerCase(Locale.ROOT).replace('．', '.').replace('。', '.');
        if (s.isEmpty() || s.matches("(general|总则|总体|一般|全文|通用|整体|全部|general comments?)[.:：]?")) {
            return Optional.of(general());
        }
        Matcher m = TABLE.matcher(s);
        if (m.find()) {
            return Optional.of(new ClauseReference(Kind.TABLE, m.group(1).toUpperCase(Locale.ROOT)));
        }
        m = FIGURE.matcher(s);
        if (m.find()) {
            return Optional.of(new ClauseReference(Kind.FIGURE, m.group(1).toUpperCase(Locale.ROOT)));
        }
        m = ANNEX.matcher(s);
        if (m.find()) {
            return Optional.of(new ClauseReference(Kind.CLAUSE, m.group(1).toUpperCase(Locale.ROOT)
                    + (m.group(2) == null ? "" : m.group(2))));
        }
        m = NUMBER.matcher(s);
        if (m.find()) {
            return Optional.of(new ClauseReference(Kind.CLAUSE, m.group(1).toUpperCase(Locale.ROOT)));
        }
        return Optional.empty();
    }
}
