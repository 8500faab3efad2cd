package org.draftroom.sheets;

import java.util.List;

/**
 * A table as read from a file, before any column is known: rows of cell texts by grid column. Vertically merged
 * cells already carry the value of their first cell; {@code spanning} marks a row that one cell spans across (a
 * title, a section heading such as "一、技术意见", a footer note).
 */
record Grid(List<Row> rows) {

    record Row(int number, List<String> cells, boolean spanning) {

        String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** Text of a cell made comparable: line ends unified, control characters dropped, outer white space trimmed. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        String s = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u000b', '\n');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                b.append(c == '\u00a0' ? ' ' : c);
            }
        }
        return b.toString().strip();
    }
}
