package org.draftroom.drafts.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The paragraph styles of a document ({@code styles.xml}) as far as the import needs them: which are headings and of
 * which level (by name: Heading 1-9, 标题 1-9, the GB/T 1.1 template's 章标题, 一级条标题 ...; or by outline level),
 * which are notes, examples or table-of-contents entries, and which numbering they carry. A style based on one of
 * these inherits its meaning.
 */
final class WordStyles {

    enum Role { NONE, HEADING, FRONT_HEADING, ANNEX_HEADING, NOTE, EXAMPLE, TOC }

    record Style(String id, String name, String basedOn, Integer outlineLevel, String numId, Integer ilvl) {
    }

    /** What a style means: its role and, for headings, the level (1-9). */
    record Meaning(Role role, int level) {
        static final Meaning NONE = new Meaning(Role.NONE, 0);
    }

    private static final Pattern HEADING = Pattern.compile("^(?:heading|标题|überschrift|titre)(\\d)$");
    private static final Pattern LEVELED = Pattern.compile("^(附录)?(一|二|三|四|五)级条标题$");
    private static final Pattern TOC = Pattern.compile("^(?:toc|目录|目次)\\d$");
    private static final String LEVEL_DIGITS = "一二三四五";

    private final Map<String, Style> styles = new HashMap<>();
    private String defaultParagraph;

    static WordStyles read(byte[] xml) throws XMLStreamException {
        WordStyles s = new WordStyles();
        if (xml == null) {
            return s;
        }
        XMLStreamReader r = Xml.reader(xml);
        String id = null;
        String name = null;
        String basedOn = null;
        Integer outline = null;
        String numId = null;
        Integer ilvl = null;
        boolean paragraph = false;
        int depth = 0;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String local = r.getLocalName();
                if (local.equals("style")) {
                    paragraph = "paragraph".equals(Xml.attr(r, "type"));
                    id = Xml.attr(r, "styleId");
                    name = null;
                    basedOn = null;
                    outline = null;
                    numId = null;
                    ilvl = null;
                    if (paragraph && ("1".equals(Xml.attr(r, "default")) || "true".equals(Xml.attr(r, "default")))) {
                        s.defaultParagraph = id;
                    }
                } else if (local.endsWith("Change") || local.equals("rPr") || local.equals("tblPr")) {
                    Xml.skip(r);
                    depth--;
                } else if (local.equals("name")) {
                    name = Xml.attr(r, "val");
                } else if (local.equals("basedOn")) {
                    basedOn = Xml.attr(r, "val");
                } else if (local.equals("outlineLvl")) {
                    outline = parseInt(Xml.attr(r, "val"));
                } else if (local.equals("numId")) {
                    numId = Xml.attr(r, "val");
                } else if (local.equals("ilvl")) {
                    ilvl = parseInt(Xml.attr(r, "val"));
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (r.getLocalName().equals("style") && paragraph && id != null) {
                    s.styles.put(id, new Style(id, name == null ? id : name, basedOn, outline, numId, ilvl));
                }
            }
        }
        return s;
    }

    static Integer parseInt(String v) {
        try {
            return v == null ? null : Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String effective(String styleId) {
        return styleId == null || !styles.containsKey(styleId) ? defaultParagraph : styleId;
    }

    String name(String styleId) {
        Style st = styleId == null ? null : styles.get(styleId);
        return st == null ? "" : st.name();
    }

    /** The meaning of a style, following {@code basedOn} (at most 20 steps, so cycles end). */
    Meaning meaning(String styleId) {
        String id = effective(styleId);
        for (int i = 0; i < 20 && id != null; i++) {
            Style st = styles.get(id);
            if (st == null) {
                break;
            }
            Meaning m = byName(st.name());
            if (m == null) {
                m = byName(st.id());
            }
            if (m != null) {
                return m;
            }
            if (st.outlineLevel() != null && st.outlineLevel() >= 0 && st.outlineLevel() < 9) {
                return new Meaning(Role.HEADING, st.outlineLevel() + 1);
            }
            id = st.basedOn();
        }
        return Meaning.NONE;
    }

    /** The numbering a style carries ({@code numId}, level), following {@code basedOn}; null when none. */
    String[] numbering(String styleId) {
        String id = effective(styleId);
        for (int i = 0; i < 20 && id != null; i++) {
            Style st = styles.get(id);
            if (st == null) {
                break;
            }
            if (st.numId() != null) {
                return new String[] {st.numId(), String.valueOf(st.ilvl() == null ? 0 : st.ilvl())};
            }
            id = st.basedOn();
        }
        return null;
    }

    static Meaning byName(String raw) {
        String n = raw.toLowerCase(Locale.ROOT).replace(" ", "").replace("标准文件_", "").replace("_", "");
        Matcher h = HEADING.matcher(n);
        if (h.matches()) {
            int level = Integer.parseInt(h.group(1));
            return level >= 1 ? new Meaning(Role.HEADING, level) : null;
        }
        if (TOC.matcher(n).matches() || n.equals("tocheading") || n.equals("目次标题") || n.equals("目录标题")) {
            return new Meaning(Role.TOC, 0);
        }
        if (n.equals("章标题")) {
            return new Meaning(Role.HEADING, 1);
        }
        if (n.equals("前言、引言标题") || n.equals("前言引言标题") || n.equals("参考文献、索引标题")
                || n.equals("参考文献标题")) {
            return new Meaning(Role.FRONT_HEADING, 1);
        }
        if (n.equals("附录标识") || n.equals("附录标题")) {
            return new Meaning(Role.ANNEX_HEADING, 1);
        }
        if (n.equals("附录章标题")) {
            return new Meaning(Role.HEADING, 2);
        }
        Matcher l = LEVELED.matcher(n);
        if (l.matches()) {
            int level = LEVEL_DIGITS.indexOf(l.group(2)) + 2;
            return new Meaning(Role.HEADING, l.group(1) != null ? level + 1 : level);
        }
        if (n.equals("注") || n.equals("注：") || n.equals("注:") || n.equals("note") || n.startsWith("注×")
                || n.equals("表注") || n.equals("图注")) {
            return new Meaning(Role.NOTE, 0);
        }
        if (n.equals("示例") || n.equals("example") || n.startsWith("示例×")) {
            return new Meaning(Role.EXAMPLE, 0);
        }
        return null;
    }
}
