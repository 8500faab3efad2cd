package org.draftroom.drafts.imports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Word's automatic numbering ({@code numbering.xml}) replayed in document order, so that every numbered paragraph
 * gets the label the reader saw ("5.2", "a)", "附录A", "——"). Counters belong to the abstract numbering, as in Word,
 * so lists that share one continue each other; a {@code startOverride} restarts them when its list is first used.
 * Not thread-safe: one instance per import.
 */
final class WordNumbering {

    record Level(int start, String format, String text, boolean legal, int restart) {
    }

    /** A computed label and what kind of marker it is. */
    record Label(String text, String format) {
        boolean bullet() {
            return "bullet".equals(format);
        }
    }

    private final Map<String, Level[]> abstracts = new HashMap<>();
    private final Map<String, String> numToAbstract = new HashMap<>();
    private final Map<String, Map<Integer, Integer>> overrides = new HashMap<>();
    private final Map<String, int[]> counters = new HashMap<>();
    private final Set<String> numsUsed = new HashSet<>();

    static WordNumbering read(byte[] xml) throws XMLStreamException {
        WordNumbering n = new WordNumbering();
        if (xml == null) {
            return n;
        }
        XMLStreamReader r = Xml.reader(xml);
        String abstractId = null;
        Level[] levels = null;
        int ilvl = -1;
        int start = 1;
        String format = "decimal";
        String text = "";
        boolean legal = false;
        int restart = -1;
        String numId = null;
        int overrideLevel = -1;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String local = r.getLocalName();
                switch (local) {
                    case "abstractNum" -> {
                        abstractId = Xml.attr(r, "abstractNumId");
                        levels = new Level[9];
                    }
                    case "lvl" -> {
                        Integer i = WordStyles.parseInt(Xml.attr(r, "ilvl"));
                        ilvl = i == null ? -1 : i;
                        start = 1;
                        format = "decimal";
                        text = "";
                        legal = false;
                        restart = -1;
                    }
                    case "start" -> {
                        Integer s = WordStyles.parseInt(Xml.attr(r, "val"));
                        start = s == null ? 1 : s;
                    }
                    case "numFmt" -> format = String.valueOf(Xml.attr(r, "val"));
                    case "lvlText" -> text = String.valueOf(Xml.attr(r, "val"));
                    case "isLgl" -> legal = !"0".equals(Xml.attr(r, "val")) && !"false".equals(Xml.attr(r, "val"));
                    case "lvlRestart" -> {
                        Integer v = WordStyles.parseInt(Xml.attr(r, "val"));
                        restart = v == null ? -1 : v;
                    }
                    case "num" -> numId = Xml.attr(r, "numId");
                    case "abstractNumId" -> {
                        if (numId != null) {
                            n.numToAbstract.put(numId, Xml.attr(r, "val"));
                        }
                    }
                    case "lvlOverride" -> {
                        Integer v = WordStyles.parseInt(Xml.attr(r, "ilvl"));
                        overrideLevel = v == null ? -1 : v;
                    }
                    case "startOverride" -> {
                        Integer v = WordStyles.parseInt(Xml.attr(r, "val"));
                        if (numId != null && overrideLevel >= 0 && overrideLevel < 9 && v != null) {
                            n.overrides.computeIfAbsent(numId, k -> new HashMap<>()).put(overrideLevel, v);
                        }
                    }
                    case "pPr", "rPr" -> Xml.skip(r);
                    default -> {
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                switch (r.getLocalName()) {
                    case "lvl" -> {
                        if (levels != null && ilvl >= 0 && ilvl < 9 && numId == null) {
                            levels[ilvl] = new Level(start, format, text, legal, restart);
                        }
                    }
                    case "abstractNum" -> {
                        if (abstractId != null) {
                            n.abstracts.put(abstractId, levels);
                        }
                        abstractId = null;
                    }
                    case "num" -> numId = null;
                    default -> {
                    }
                }
            }
        }
        return n;
    }

    /** Counts one paragraph of list {@code numId} at level {@code ilvl}; its label, or null when it shows none. */
    Label next(String numId, int ilvl) {
        if (numId == null || numId.equals("0") || ilvl < 0 || ilvl > 8) {
            return null;
        }
        String abstractId = numToAbstract.get(numId);
        Level[] levels = abstractId == null ? null : abstracts.get(abstractId);
        if (levels == null || levels[ilvl] == null) {
            return null;
        }
        int[] count = counters.computeIfAbsent(abstractId, k -> {
            int[] c = new int[9];
            java.util.Arrays.fill(c, Integer.MIN_VALUE);
            return c;
        });
        Map<Integer, Integer> override = overrides.get(numId);
        if (override != null && numsUsed.add(numId)) {
            java.util.Arrays.fill(count, Integer.MIN_VALUE);
            override.forEach((lvl, v) -> count[lvl] = v - 1);
        }
        count[ilvl] = count[ilvl] == Integer.MIN_VALUE ? start(levels, ilvl) : count[ilvl] + 1;
        for (int deeper = ilvl + 1; deeper < 9; deeper++) {
            Level d = levels[deeper];
            if (d == null || d.restart() != 0) {
                count[deeper] = Integer.MIN_VALUE;
            }
        }
        Level level = levels[ilvl];
        if ("none".equals(level.format())) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        String t = level.text();
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == '%' && i + 1 < t.length() && Character.isDigit(t.charAt(i + 1))) {
                int k = t.charAt(++i) - '1';
                if (k >= 0 && k < 9 && levels[k] != null) {
                    int value = count[k] == Integer.MIN_VALUE ? start(levels, k) : count[k];
                    sb.append(format(value, level.legal() && k < ilvl ? "decimal" : levels[k].format()));
                }
            } else {
                sb.append(ch);
            }
        }
        return new Label(sb.toString(), level.format());
    }

    private static int start(Level[] levels, int k) {
        return levels[k] == null ? 1 : levels[k].start();
    }

    static String format(int value, String format) {
        return switch (format) {
            case "lowerLetter" -> letters(value).toLowerCase(java.util.Locale.ROOT);
            case "upperLetter" -> letters(value);
            case "lowerRoman" -> roman(value).toLowerCase(java.util.Locale.ROOT);
            case "upperRoman" -> roman(value);
            case "chineseCounting", "chineseCountingThousand", "ideographDigital", "japaneseCounting",
                 "taiwaneseCounting" -> chinese(value);
            case "decimalZero" -> value < 10 ? "0" + value : String.valueOf(value);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" ->
                    value >= 1 && value <= 20 ? String.valueOf((char) (0x2460 + value - 1)) : String.valueOf(value);
            case "ideographTraditional" -> value >= 1 && value <= 10 ? "甲乙丙丁戊己庚辛壬癸".substring(value - 1, value)
                    : String.valueOf(value);
            case "bullet", "none" -> "";
            default -> String.valueOf(value);
        };
    }

    private static String letters(int value) {
        if (value < 1) {
            return String.valueOf(value);
        }
        int n = value - 1;
        char letter = (char) ('A' + n % 26);
        return String.valueOf(letter).repeat(n / 26 + 1);
    }

    private static String roman(int value) {
        if (value < 1 || value > 3999) {
            return String.valueOf(value);
        }
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] s = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            while (value >= v[i]) {
                sb.append(s[i]);
                value -= v[i];
            }
        }
        return sb.toString();
    }

    private static String chinese(int value) {
        String digits = "零一二三四五六七八九";
        if (value < 0 || value > 99) {
            return String.valueOf(value);
        }
        if (value < 10) {
            return digits.substring(value, value + 1);
        }
        int tens = value / 10;
        int ones = value % 10;
        return (tens == 1 ? "" : digits.substring(tens, tens + 1)) + "十" + (ones == 0 ? "" : digits.substring(ones,
                ones + 1));
    }
}
