package org.draftroom.drafts.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftImporter;
import org.draftroom.drafts.domain.DraftProblem;
import org.draftroom.drafts.domain.ImportResult;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.imports.WordBlocks.Block;
import org.draftroom.drafts.imports.WordBlocks.Bookmark;
import org.draftroom.drafts.imports.WordBlocks.Break;
import org.draftroom.drafts.imports.WordBlocks.Cell;
import org.draftroom.drafts.imports.WordBlocks.CommentEnd;
import org.draftroom.drafts.imports.WordBlocks.CommentStart;
import org.draftroom.drafts.imports.WordBlocks.Image;
import org.draftroom.drafts.imports.WordBlocks.Inline;
import org.draftroom.drafts.imports.WordBlocks.Note;
import org.draftroom.drafts.imports.WordBlocks.Para;
import org.draftroom.drafts.imports.WordBlocks.Ref;
import org.draftroom.drafts.imports.WordBlocks.Row;
import org.draftroom.drafts.imports.WordBlocks.Table;
import org.draftroom.drafts.imports.WordBlocks.Text;
import org.draftroom.drafts.imports.WordBlocks.Unmappable;

/**
 * Reads a Word document (.docx) into the draft format ({@code draft.md}, see docs/draft-format.md).
 *
 * <p>Clauses come from heading styles (Heading 1-9, 标题 1-9, the GB/T 1.1 template's 章标题, 一级条标题 …, or any
 * style or paragraph with an outline level, including styles based on them); when the document uses none, from typed
 * numbers ("4.2 标题", "4.2　标题", "附录A", "Annex A (normative)") that continue the outline. Word's automatic
 * numbering is replayed to the numbers the reader saw; numbers never go into titles (the draft computes them). Clause
 * ids written by our own export as bookmarks {@code dr_<id>} ({@code -} as {@code _}) are kept.
 *
 * <p>Body: paragraphs, lists (a), 1), ——, typed or numbered by Word), notes (注, NOTE), examples (示例), tables (merged
 * cells are split: GFM has no spans, so the preview lists them), figures (stored under {@code figures/}), footnotes
 * (kept as text after their paragraph), REF fields and typed "见5.2" / "see 5.2" as cross-references {@code [](#id)}
 * where they resolve. Everything else (text boxes, SmartArt, charts, objects, equations, other fields) is listed in
 * {@link WordImport#unmapped()} with its clause.
 *
 * <p>Refusals ({@link WordImportResult.Rejected}, nothing to write): not a Word file, an old .doc, a password, a
 * damaged zip, a zip bomb or oversized part ({@link DocxPackage}), more text than a draft may hold, XML that cannot
 * be read, or a draft the Markdown import refuses.
 *
 * <p>Thread-safe (stateless); memory is bounded by the package limits and {@link BodyReader#MAX_TEXT}; time is
 * linear in the size of the document.
 */
public final class DocxImporter {

    /** Which state of a document with tracked changes to take: all of them accepted, or none (as before them). */
    public enum TrackedChanges { ACCEPTED, ORIGINAL }

    /** The largest Word file accepted for import: 10 MiB (the container's upload ceiling is 11 MB). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Pattern TYPED_NUMBER = Pattern.compile(
            "^((?:\\d{1,3}(?:\\.\\d{1,3}){0,5})|(?:[A-Z](?:\\.\\d{1,3}){1,5}))\\.?(?:[ \\t\\u3000]+|(?=[^\\x00-\\x7F]))(.*)$");
    private static final Pattern ANNEX = Pattern.compile(
            "^(?:附\\s*录\\s*([A-Z])|(?:Annex|Appendix)\\s+([A-Z]))\\.?\\s*(?:[（(]\\s*(规范性|资料性|normative|informative)"
                    + "(?:附录)?\\s*[)）])?[ \\t\\u3000]*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARK_ONLY = Pattern.compile(
            "^[（(]\\s*(规范性|资料性|normative|informative)(?:附录)?\\s*[)）]$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRONT = Pattern.compile(
            "^(?:前\\s*言|引\\s*言|参考文献|foreword|introduction|bibliography)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOC_TITLE = Pattern.compile("^(?:目\\s*次|目\\s*录|contents|table of contents)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOC_LINE = Pattern.compile(".*(?:\\t|[.…·]{3,})\\s*[IVXivx\\d]+$");
    private static final Pattern FIGURE_CAPTION = Pattern.compile(
            "^(?:图\\s*([A-Z]\\.)?\\d+|Figure\\s+([A-Z]\\.)?\\d+)[ \\t\\u3000]*[—–\\-:：]?[ \\t\\u3000]*(.*)$");
    private static final Pattern TABLE_CAPTION = Pattern.compile(
            "^(?:(表)\\s*([A-Z]\\.)?\\d+|(Table)\\s+([A-Z]\\.)?\\d+)[ \\t\\u3000]*[—–\\-:：]?[ \\t\\u3000]*(.*)$");
    private static final Pattern NOTE = Pattern.compile("^(注\\s*\\d*\\s*[：:]|注\\s*\\d+[ \\t\\u3000]+)\\s*(.*)$",
            Pattern.DOTALL);
    private static final Pattern NOTE_EN = Pattern.compile("^(?:NOTE\\s*\\d*\\s*[:：]?|Note\\s*\\d*\\s*[:：])\\s+(.*)$",
            Pattern.DOTALL);
    private static final Pattern EXAMPLE = Pattern.compile("^(示例\\s*\\d*\\s*[：:]|示例\\s*\\d+[ \\t\\u3000]+)\\s*(.*)$",
            Pattern.DOTALL);
    private static final Pattern EXAMPLE_EN = Pattern.compile(
            "^(?:EXAMPLE\\s*\\d*\\s*[:：]?|Example\\s*\\d*\\s*[:：])\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern XREF = Pattern.compile(
            "(见|参见|按照|按|依据|符合|[Ss]ee|in accordance with|specified in)[ \\u3000]?(?:第\\s*)?"
                    + "(\\d{1,3}(?:\\.\\d{1,3}){1,5}|[A-Z](?:\\.\\d{1,3}){1,5}|附录\\s*[A-Z]|Annex\\s+[A-Z]|"
                    + "Clause\\s+\\d{1,3}|\\d{1,3}(?=\\s*章))(?![\\d.]*\\d)");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Set<String> DASHES = Set.of("——", "—", "–", "-", "•", "·", "\uF0A7", "\uF0B7", "\uF06C", "▪", "■", "○");
    private static final String PH_OPEN = "\uE000";
    private static final String PH_CLOSE = "\uE001";

    private DocxImporter() {
    }

    /** Reads a Word file; {@code mode} says which state of its tracked changes to take (when it has any). */
    public static WordImportResult read(byte[] docx, TrackedChanges mode) {
        if (docx.length > MAX_BYTES) {
            return rejected("draft.word.too-large", docx.length / (1024 * 1024) + 1, MAX_BYTES >> 20);
        }
        try {
            DocxPackage pkg = DocxPackage.open(docx);
            return new Renderer(pkg, mode).render();
        } catch (WordRefusal refusal) {
            return new WordImportResult.Rejected(List.of(new DraftProblem("", 0, refusal.key(), refusal.args())));
        } catch (XMLStreamException | RuntimeException e) {
            return rejected("draft.word.damaged");
        }
    }

    private static WordImportResult rejected(String key, Object... args) {
        return new WordImportResult.Rejected(List.of(new DraftProblem("", 0, key, List.of(args))));
    }

    /** One heading as read from Word. */
    private record Heading(int level, String wordNumber, String title, String presetId, int block) {
    }

    /** A cross-reference waiting for the ids: to a bookmark, or to a number the reader saw. */
    private record PendingRef(String bookmark, String number, String fallback) {
    }

    private record PendingUnmapped(String kind, int heading, String detail) {
    }

    private record PendingComment(String id, int heading, StringBuilder quote) {
    }

    private static final class Renderer {
        private final DocxPackage pkg;
        private final TrackedChanges mode;
        private final WordStyles styles;
        private final WordNumbering numbering;
        private final Map<String, String[]> rels = new HashMap<>();
        private final Map<String, String[]> wordComments = new LinkedHashMap<>();
        private final Map<String, String> footnotes = new HashMap<>();
        private final Map<String, String> endnotes = new HashMap<>();
        private final StringBuilder md = new StringBuilder();
        private final List<Heading> headings = new ArrayList<>();
        private final Map<String, Integer> bookmarkHeading = new HashMap<>();
        private final Map<String, Integer> numberHeading = new HashMap<>();
        private final List<PendingRef> refs = new ArrayList<>();
        private final List<PendingUnmapped> unmapped = new ArrayList<>();
        private final Map<String, PendingComment> openComments = new LinkedHashMap<>();
        private final List<PendingComment> closedComments = new ArrayList<>();
        private final Map<String, byte[]> figures = new LinkedHashMap<>();
        private final Map<String, String> figureByRel = new HashMap<>();
        private final Set<String> presetIds = new HashSet<>();
        private final List<String> footnoteTexts = new ArrayList<>();
        private int[] typed = new int[0];
        private String typedAnnex;
        private boolean usesHeadingStyles;
        private boolean lastWasDash;
        private boolean inTerms;
        private int footnoteCount;

        Renderer(DocxPackage pkg, TrackedChanges mode) throws XMLStreamException {
            this.pkg = pkg;
            this.mode = mode;
            this.styles = WordStyles.read(pkg.part("word/styles.xml").orElse(null));
            this.numbering = WordNumbering.read(pkg.part("word/numbering.xml").orElse(null));
        }

        WordImportResult render() throws XMLStreamException, WordRefusal {
            readRelationships();
            readComments();
            readNotes("word/footnotes.xml", "footnote", footnotes);
            readNotes("word/endnotes.xml", "endnote", endnotes);
            BodyReader.Result body = BodyReader.read(pkg.part("word/document.xml").orElseThrow(),
                    mode == TrackedChanges.ACCEPTED);
            List<Block> blocks = body.blocks();
            usesHeadingStyles = blocks.stream().anyMatch(b -> b instanceof Para p && headingLevel(p) > 0);
            if (body.tableOfContents()) {
                unmapped.add(new PendingUnmapped("table-of-contents", -1, ""));
            }
            for (int i = 0; i < blocks.size(); i++) {
                i = block(blocks, i);
                if (md.length() > DraftImporter.MAX_BYTES) {
                    throw new WordRefusal("draft.word.draft-too-large", DraftImporter.MAX_BYTES >> 20);
                }
            }
            closedComments.addAll(openComments.values());
            return finish(body.trackedChanges());
        }

        // --- reading the other parts ---

        private void readRelationships() throws XMLStreamException {
            byte[] xml = pkg.part("word/_rels/document.xml.rels").orElse(null);
            if (xml == null) {
                return;
            }
            XMLStreamReader r = Xml.reader(xml);
            boolean headers = false;
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                    String type = String.valueOf(r.getAttributeValue(null, "Type"));
                    rels.put(r.getAttributeValue(null, "Id"), new String[] {
                            String.valueOf(r.getAttributeValue(null, "Target")),
                            String.valueOf(r.getAttributeValue(null, "TargetMode")), type});
                    headers |= type.endsWith("/header") || type.endsWith("/footer");
                }
            }
            if (headers) {
                unmapped.add(new PendingUnmapped("headers-footers", -1, ""));
            }
        }

        private void readComments() throws XMLStreamException {
            byte[] xml = pkg.part("word/comments.xml").orElse(null);
            if (xml == null) {
                return;
            }
            XMLStreamReader r = Xml.reader(xml);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("comment")) {
                    String id = Xml.attr(r, "id");
                    String author = Xml.attr(r, "author");
                    String date = Xml.attr(r, "date");
                    String text = Xml.text(r);
                    wordComments.put(id, new String[] {author == null ? "" : author, date == null ? "" : date,
                            text});
                }
            }
        }

        private void readNotes(String part, String element, Map<String, String> into) throws XMLStreamException {
            byte[] xml = pkg.part(part).orElse(null);
            if (xml == null) {
                return;
            }
            XMLStreamReader r = Xml.reader(xml);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(element)) {
                    String type = Xml.attr(r, "type");
                    String id = Xml.attr(r, "id");
                    String text = Xml.text(r);
                    if (type == null || type.equals("normal")) {
                        into.put(id, text);
                    }
                }
            }
        }

        // --- headings ---

        private int headingLevel(Para p) {
            WordStyles.Meaning m = styles.meaning(p.styleId);
            if (m.role() == WordStyles.Role.HEADING || m.role() == WordStyles.Role.FRONT_HEADING
                    || m.role() == WordStyles.Role.ANNEX_HEADING) {
                return m.level();
            }
            if (p.outlineLevel != null && p.outlineLevel >= 0 && p.outlineLevel < 9) {
                return p.outlineLevel + 1;
            }
            return 0;
        }

        private WordNumbering.Label label(Para p) {
            String numId = p.numId;
            int ilvl = p.ilvl;
            if (numId == null) {
                String[] fromStyle = styles.numbering(p.styleId);
                if (fromStyle != null) {
                    numId = fromStyle[0];
                    ilvl = Integer.parseInt(fromStyle[1]);
                }
            }
            return numbering.next(numId, ilvl);
        }

        /** Renders the block at {@code i}; returns the index of the last block it used. */
        private int block(List<Block> blocks, int i) throws WordRefusal {
            Block b = blocks.get(i);
            if (b instanceof Table t) {
                table(t);
                return i;
            }
            Para p = (Para) b;
            WordNumbering.Label label = label(p);
            WordStyles.Meaning meaning = styles.meaning(p.styleId);
            if (meaning.role() == WordStyles.Role.TOC) {
                return i;
            }
            String plain = clean(p.plain());
            String labelText = label == null || label.bullet() ? "" : label.text().strip();
            String full = labelText.isEmpty() ? plain : (labelText + " " + plain).strip();
            int level = headingLevel(p);
            if (level == 0 && !usesHeadingStyles && !p.hasImage()) {
                level = typedHeading(full, p.plain().strip());
                if (level < 0) {
                    return i;
                }
            }
            if (level > 0 && !full.isEmpty()) {
                return heading(blocks, i, p, level, full, meaning);
            }
            if (plain.isEmpty() && !p.hasImage()) {
                markersOnly(p);
                return i;
            }
            if (p.hasImage() && plain.isEmpty()) {
                String alt = null;
                int used = i;
                if (i + 1 < blocks.size() && blocks.get(i + 1) instanceof Para next) {
                    Matcher m = FIGURE_CAPTION.matcher(clean(next.plain()));
                    if (m.matches()) {
                        alt = m.group(3).strip();
                        used = i + 1;
                        label(next);
                    }
                }
                figure(p, alt);
                return used;
            }
            if (i + 1 < blocks.size() && blocks.get(i + 1) instanceof Table) {
                Matcher m = TABLE_CAPTION.matcher(full);
                if (m.matches()) {
                    paragraph((m.group(3) != null ? "Table: " : "表：") + escapeText(m.group(5).strip()), false);
                    return i;
                }
            }
            String content = inlines(p.inlines);
            paragraph(bodyParagraph(label, labelText, plain, content, meaning), isDash(label, plain));
            return i;
        }

        private int heading(List<Block> blocks, int i, Para p, int level, String full, WordStyles.Meaning meaning) {
            int used = i;
            String text = full;
            String presetId = null;
            for (Inline in : p.inlines) {
                if (in instanceof Bookmark bm && bm.name().startsWith("dr_")) {
                    String id = bm.name().substring(3).replace('_', '-');
                    if (ID.matcher(id).matches() && !presetIds.contains(id)) {
                        presetId = id;
                    }
                }
            }
            Matcher annex = ANNEX.matcher(text);
            boolean isAnnex = (level == 1 || meaning.role() == WordStyles.Role.ANNEX_HEADING) && annex.matches();
            String wordNumber = "";
            String title;
            String classes = "";
            if (isAnnex) {
                level = 1;
                String letter = annex.group(1) != null ? annex.group(1) : annex.group(2);
                String mark = annex.group(3);
                title = annex.group(4).strip();
                int j = i + 1;
                if (mark == null && j < blocks.size() && blocks.get(j) instanceof Para next) {
                    Matcher mm = MARK_ONLY.matcher(clean(next.plain()));
                    if (mm.matches()) {
                        mark = mm.group(1);
                        used = j++;
                        label(next);
                    }
                }
                if (title.isEmpty() && j < blocks.size() && blocks.get(j) instanceof Para next) {
                    String t = clean(next.plain());
                    if (!t.isEmpty() && t.length() <= 120 && (headingLevel(next) == 0
                            || styles.meaning(next.styleId).role() == WordStyles.Role.ANNEX_HEADING)) {
                        title = t;
                        used = j;
                        label(next);
                    }
                }
                wordNumber = letter.toUpperCase(Locale.ROOT);
                typedAnnex = wordNumber;
                typed = new int[0];
                boolean normative = mark != null && (mark.equals("规范性") || mark.equalsIgnoreCase("normative"));
                String markText = mark == null ? "" : "（" + (normative ? "规范性" : "资料性") + "）";
                if (presetId != null) {
                    classes = " .annex" + (mark == null ? "" : normative ? " .normative" : " .informative");
                } else {
                    title = "附录" + wordNumber + markText + title;
                }
                numberHeading.put("annex:" + wordNumber, headings.size());
            } else {
                Matcher m = TYPED_NUMBER.matcher(text);
                if (m.matches() && !m.group(2).isBlank()) {
                    wordNumber = m.group(1);
                    title = m.group(2).strip();
                } else {
                    title = text;
                }
                if (!wordNumber.isEmpty()) {
                    numberHeading.putIfAbsent(wordNumber, headings.size());
                    if (wordNumber.indexOf('.') < 0 && Character.isDigit(wordNumber.charAt(0))) {
                        numberHeading.putIfAbsent("clause:" + wordNumber, headings.size());
                    }
                }
                if (presetId != null) {
                    if (level == 1 && FRONT.matcher(title).matches()) {
                        classes = title.startsWith("参") || title.equalsIgnoreCase("bibliography")
                                ? " .bibliography" : " .unnumbered";
                    } else if (level == 2 && inTerms) {
                        classes = " .term";
                    }
                }
            }
            if (level == 1) {
                inTerms = "terms".equals(presetId) || title.matches("^(术语和定义|术语与定义|Terms and definitions).*");
            }
            title = title.replace('{', '｛').replace('}', '｝').replaceAll("#+$", "").strip();
            if (level > 6) {
                unmapped.add(new PendingUnmapped("heading-too-deep", headings.size() - 1, title));
                paragraph("**" + escapeText(text) + "**", false);
                return used;
            }
            int index = headings.size();
            for (Inline in : p.inlines) {
                if (in instanceof Bookmark bm) {
                    bookmarkHeading.putIfAbsent(bm.name(), index);
                }
            }
            if (presetId != null) {
                presetIds.add(presetId);
            }
            headings.add(new Heading(level, wordNumber, title, presetId, i));
            flushFootnotes();
            md.append("#".repeat(level)).append(' ').append(title.isEmpty() ? "?" : title);
            if (presetId != null) {
                md.append(" {#").append(presetId).append(classes).append('}');
            }
            md.append("\n\n");
            lastWasDash = false;
            markersOnly(p);
            return used;
        }

        /**
         * Reads a typed heading in a document without heading styles: a number that continues the outline read so
         * far (the next sibling, a first child, or the next of an ancestor), a front or back matter title, or an
         * annex. Returns the level, 0 for body text, -1 for a line of a typed table of contents (skipped).
         */
        private int typedHeading(String text, String raw) {
            if (text.isEmpty() || text.length() > 160) {
                return 0;
            }
            if (TOC_TITLE.matcher(text).matches() || TOC_LINE.matcher(raw).matches() && headings.isEmpty()) {
                return -1;
            }
            if (FRONT.matcher(text).matches()) {
                return 1;
            }
            Matcher annex = ANNEX.matcher(text);
            if (annex.matches()) {
                return 1;
            }
            Matcher m = TYPED_NUMBER.matcher(text);
            if (!m.matches()) {
                return 0;
            }
            String title = m.group(2).strip();
            if (title.isEmpty() || title.length() > 80 || title.matches(".*[。；;，,：:]$")) {
                return 0;
            }
            String number = m.group(1);
            String[] parts = number.split("\\.");
            boolean annexPart = Character.isLetter(parts[0].charAt(0));
            if (annexPart) {
                if (!parts[0].equals(typedAnnex)) {
                    return 0;
                }
                int[] n = new int[parts.length - 1];
                for (int k = 1; k < parts.length; k++) {
                    n[k - 1] = Integer.parseInt(parts[k]);
                }
                if (!continues(n)) {
                    return 0;
                }
                typed = n;
                return parts.length;
            }
            int[] n = new int[parts.length];
            for (int k = 0; k < parts.length; k++) {
                n[k] = Integer.parseInt(parts[k]);
            }
            if (typedAnnex != null || !(continues(n) || typed.length == 0 && n.length == 1)) {
                return 0;
            }
            typed = n;
            return n.length;
        }

        private boolean continues(int[] n) {
            if (n.length == 0 || n.length > typed.length + 1) {
                return false;
            }
            for (int k = 0; k < n.length - 1; k++) {
                if (n[k] != typed[k]) {
                    return false;
                }
            }
            int last = n.length - 1;
            return last < typed.length ? n[last] == typed[last] + 1 : n[last] == 1;
        }

        // --- body ---

        private String bodyParagraph(WordNumbering.Label label, String labelText, String plain, String content,
                                     WordStyles.Meaning meaning) {
            if (label != null) {
                if (label.bullet() || DASHES.contains(labelText)) {
                    return "- " + content;
                }
                if (labelText.matches("^注\\s*\\d*\\s*[：:]?$")) {
                    return "注：" + content;
                }
                if (labelText.matches("^示例\\s*\\d*\\s*[：:]?$")) {
                    return "示例：" + content;
                }
                if (labelText.matches("^[a-z][)）]$")) {
                    return labelText + " " + content;
                }
                return escapeLineStart(escapeText(labelText) + " ") + content;
            }
            // a typed "——" stays as typed: GB/T drafts write dash items as text, and so does our export
            if (NOTE.matcher(plain).matches()) {
                return content.replaceFirst("^注\\s*(\\d*)\\s*[：:]?[ \\t\\u3000]*", "注$1：");
            }
            if (EXAMPLE.matcher(plain).matches()) {
                return content.replaceFirst("^示例\\s*(\\d*)\\s*[：:]?[ \\t\\u3000]*", "示例$1：");
            }
            if (NOTE_EN.matcher(plain).matches()) {
                return content.replaceFirst("^(?:NOTE|Note)\\s*\\d*\\s*[:：]?\\s+", "NOTE: ");
            }
            if (EXAMPLE_EN.matcher(plain).matches()) {
                return content.replaceFirst("^(?:EXAMPLE|Example)\\s*\\d*\\s*[:：]?\\s+", "EXAMPLE: ");
            }
            if (meaning.role() == WordStyles.Role.NOTE) {
                return "注：" + content;
            }
            if (meaning.role() == WordStyles.Role.EXAMPLE) {
                return "示例：" + content;
            }
            return content;
        }

        private static boolean isDash(WordNumbering.Label label, String plain) {
            if (label != null) {
                return label.bullet() || DASHES.contains(label.text().strip());
            }
            return false;
        }

        private void paragraph(String text, boolean dash) {
            if (dash && lastWasDash && md.length() >= 2) {
                md.setLength(md.length() - 1);
            }
            md.append(text.strip()).append("\n\n");
            lastWasDash = dash;
            flushFootnotes();
        }

        private void flushFootnotes() {
            for (String f : footnoteTexts) {
                md.append(f).append("\n\n");
            }
            footnoteTexts.clear();
        }

        private void figure(Para p, String caption) {
            for (Inline in : p.inlines) {
                if (in instanceof Image img) {
                    String path = figurePath(img.relId());
                    String alt = caption != null ? caption : img.alt();
                    if (path != null) {
                        paragraph("![" + escapeText(alt == null ? "" : alt).replace("]", "\\]") + "](" + path + ")",
                                false);
                    }
                } else {
                    inlineMarker(in);
                }
            }
        }

        private void markersOnly(Para p) {
            for (Inline in : p.inlines) {
                inlineMarker(in);
            }
        }

        /** Handles the pieces of a paragraph that write no text: comments and things the draft cannot hold. */
        private void inlineMarker(Inline in) {
            if (in instanceof CommentStart cs) {
                openComments.put(cs.id(), new PendingComment(cs.id(), headings.size() - 1, new StringBuilder()));
            } else if (in instanceof CommentEnd ce) {
                PendingComment c = openComments.remove(ce.id());
                if (c != null) {
                    closedComments.add(c);
                }
            } else if (in instanceof Unmappable u) {
                unmapped.add(new PendingUnmapped(u.kind(), headings.size() - 1, u.detail()));
            }
        }

        private String figurePath(String relId) {
            if (figureByRel.containsKey(relId)) {
                return figureByRel.get(relId);
            }
            String[] rel = rels.get(relId);
            if (rel == null) {
                return null;
            }
            if ("External".equals(rel[1])) {
                unmapped.add(new PendingUnmapped("linked-image", headings.size() - 1, rel[0]));
                figureByRel.put(relId, null);
                return null;
            }
            String target = rel[0].startsWith("/") ? rel[0].substring(1) : "word/" + rel[0];
            target = target.replace("word/../", "");
            byte[] bytes = pkg.part(target).orElse(null);
            if (bytes == null) {
                return null;
            }
            String name = target.substring(target.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9._-]", "-");
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
            if (!Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp").contains(ext)) {
                unmapped.add(new PendingUnmapped("image-format", headings.size() - 1, name));
            }
            String path = "figures/" + name;
            figures.put(path, bytes);
            figureByRel.put(relId, path);
            return path;
        }

        private void table(Table t) {
            int columns = t.gridColumns;
            for (Row row : t.rows) {
                columns = Math.max(columns, row.cells.stream().mapToInt(c -> c.span).sum());
            }
            columns = Math.max(1, Math.min(columns, 64));
            boolean merged = false;
            List<List<String>> grid = new ArrayList<>();
            for (Row row : t.rows) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row.cells) {
                    boolean continued = "continue".equals(cell.vMerge);
                    merged |= cell.span > 1 || cell.vMerge != null;
                    cells.add(continued ? "" : cellText(cell));
                    for (int s = 1; s < cell.span; s++) {
                        cells.add("");
                    }
                }
                while (cells.size() < columns) {
                    cells.add("");
                }
                grid.add(cells.subList(0, columns));
            }
            if (merged) {
                unmapped.add(new PendingUnmapped("merged-cells", headings.size() - 1,
                        grid.isEmpty() ? "" : String.join(" | ", grid.get(0))));
            }
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < grid.size(); r++) {
                sb.append('|');
                for (String c : grid.get(r)) {
                    sb.append(' ').append(c.isEmpty() ? " " : c).append(" |");
                }
                sb.append('\n');
                if (r == 0) {
                    sb.append("|").append("---|".repeat(columns)).append("\n");
                }
            }
            paragraph(sb.toString(), false);
        }

        private String cellText(Cell cell) {
            List<String> parts = new ArrayList<>();
            for (Block b : cell.blocks) {
                if (b instanceof Para p) {
                    WordNumbering.Label label = label(p);
                    String text = inlines(p.inlines);
                    if (label != null && !label.bullet() && !label.text().isBlank()) {
                        text = escapeText(label.text().strip()) + " " + text;
                    } else if (label != null) {
                        text = "—— " + text;
                    }
                    if (!text.isBlank()) {
                        parts.add(text.strip());
                    }
                } else if (b instanceof Table nested) {
                    unmapped.add(new PendingUnmapped("nested-table", headings.size() - 1, ""));
                    for (Row row : nested.rows) {
                        for (Cell c : row.cells) {
                            String t = cellText(c);
                            if (!t.isBlank()) {
                                parts.add(t);
                            }
                        }
                    }
                }
            }
            return String.join(" ", parts).replace("\n", " ");
        }

        /** The Markdown of a paragraph's pieces, with cross-references as placeholders resolved after the ids. */
        private String inlines(List<Inline> pieces) {
            StringBuilder sb = new StringBuilder();
            for (Inline in : pieces) {
                if (in instanceof Text t) {
                    String raw = t.text().replace('\t', ' ');
                    quote(raw);
                    sb.append(typedReferences(raw));
                } else if (in instanceof Break) {
                    sb.append("\\\n");
                } else if (in instanceof Ref ref) {
                    quote(ref.shown());
                    sb.append(placeholder(new PendingRef(ref.bookmark(), null, escapeText(ref.shown()))));
                } else if (in instanceof Image img) {
                    String path = figurePath(img.relId());
                    if (path != null) {
                        sb.append("![").append(escapeText(img.alt()).replace("]", "\\]")).append("](")
                                .append(path).append(')');
                    }
                } else if (in instanceof Note note) {
                    String text = (note.endnote() ? endnotes : footnotes).get(note.id());
                    if (text != null) {
                        footnoteCount++;
                        sb.append(superscript(footnoteCount));
                        footnoteTexts.add(superscript(footnoteCount) + " " + escapeLineStart(escapeText(text)));
                        unmapped.add(new PendingUnmapped("footnote", headings.size() - 1,
                                text.length() > 200 ? text.substring(0, 200) : text));
                    }
                } else if (in instanceof Unmappable u) {
                    inlineMarker(u);
                    if (u.keptText() != null) {
                        sb.append(escapeText(u.keptText()));
                    }
                } else {
                    inlineMarker(in);
                }
            }
            String s = sb.toString().strip();
            while (s.endsWith("\\")) {
                s = s.substring(0, s.length() - 1).strip();
            }
            return escapeLineStart(s);
        }

        private void quote(String raw) {
            for (PendingComment c : openComments.values()) {
                if (c.quote().length() < 2000) {
                    c.quote().append(raw);
                }
            }
        }

        private String typedReferences(String raw) {
            Matcher m = XREF.matcher(raw);
            StringBuilder sb = new StringBuilder();
            int at = 0;
            while (m.find()) {
                sb.append(escapeText(raw.substring(at, m.start(2))));
                String number = m.group(2).replaceAll("\\s+", "");
                String key = number.startsWith("附录") ? "annex:" + number.substring(2)
                        : number.startsWith("Annex") ? "annex:" + number.substring(5)
                        : number.startsWith("Clause") ? "clause:" + number.substring(6)
                        : number.matches("\\d+") ? "clause:" + number : number;
                sb.append(placeholder(new PendingRef(null, key, escapeText(m.group(2)))));
                at = m.end(2);
            }
            sb.append(escapeText(raw.substring(at)));
            return sb.toString();
        }

        private String placeholder(PendingRef ref) {
            refs.add(ref);
            return PH_OPEN + (refs.size() - 1) + PH_CLOSE;
        }

        // --- the draft ---

        private WordImportResult finish(boolean trackedChanges) {
            byte[] bytes = md.toString().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > DraftImporter.MAX_BYTES) {
                return rejected("draft.word.draft-too-large", DraftImporter.MAX_BYTES >> 20);
            }
            ImportResult first = DraftImporter.importMarkdown(bytes);
            if (first instanceof ImportResult.Rejected r) {
                return new WordImportResult.Rejected(r.problems());
            }
            DraftDocument withIds = ((ImportResult.Accepted) first).document();
            List<Clause> clauses = withIds.clauses();
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < headings.size(); k++) {
                ids.add(k < clauses.size() ? clauses.get(k).id() : "");
            }
            NumberedOutline numbered = NumberedOutline.of(withIds);
            Map<String, String> computed = new HashMap<>();
            for (NumberedClause nc : numbered.clauses()) {
                if (!nc.number().isEmpty()) {
                    computed.putIfAbsent(nc.kind().name().equals("ANNEX") ? "annex:" + nc.number() : nc.number(),
                            nc.id());
                    if (nc.clause().level() == 1 && nc.number().matches("\\d+")) {
                        computed.putIfAbsent("clause:" + nc.number(), nc.id());
                    }
                }
            }
            String text = withIds.text();
            StringBuilder out = new StringBuilder(text.length());
            int at = 0;
            int open;
            while ((open = text.indexOf(PH_OPEN, at)) >= 0) {
                int close = text.indexOf(PH_CLOSE, open);
                out.append(text, at, open);
                PendingRef ref = refs.get(Integer.parseInt(text.substring(open + 1, close)));
                String id = resolve(ref, ids, computed);
                out.append(id != null ? "[](#" + id + ")" : ref.fallback());
                at = close + 1;
            }
            out.append(text.substring(at));
            ImportResult second = DraftImporter.importMarkdown(out.toString().getBytes(StandardCharsets.UTF_8));
            if (second instanceof ImportResult.Rejected r) {
                return new WordImportResult.Rejected(r.problems());
            }
            ImportResult.Accepted accepted = (ImportResult.Accepted) second;
            NumberedOutline outline = NumberedOutline.of(accepted.document());
            List<WordImport.OutlineEntry> entries = new ArrayList<>();
            List<NumberedClause> ncs = outline.clauses();
            for (int k = 0; k < ncs.size(); k++) {
                NumberedClause nc = ncs.get(k);
                entries.add(new WordImport.OutlineEntry(nc.clause().level(), nc.id(), nc.number(),
                        k < headings.size() ? headings.get(k).wordNumber() : "", nc.clause().title(),
                        nc.kind().name().toLowerCase(Locale.ROOT)));
            }
            List<WordImport.Unmapped> places = new ArrayList<>();
            for (PendingUnmapped u : unmapped) {
                String clauseId = u.heading() >= 0 && u.heading() < ncs.size() ? ncs.get(u.heading()).id() : "";
                String place = u.heading() >= 0 && u.heading() < ncs.size()
                        ? (ncs.get(u.heading()).number() + " " + ncs.get(u.heading()).clause().title()).strip() : "";
                String detail = u.detail() == null ? "" : u.detail().strip();
                places.add(new WordImport.Unmapped(u.kind(), clauseId, place,
                        detail.length() > 200 ? detail.substring(0, 200) + "…" : detail));
            }
            List<WordImport.WordComment> comments = new ArrayList<>();
            Set<String> anchored = new HashSet<>();
            for (PendingComment c : closedComments) {
                String[] wc = wordComments.get(c.id());
                if (wc != null && anchored.add(c.id())) {
                    String clauseId = c.heading() >= 0 && c.heading() < ncs.size() ? ncs.get(c.heading()).id() : "";
                    comments.add(new WordImport.WordComment(clauseId, c.quote().toString().strip(), wc[0], wc[1],
                            wc[2]));
                }
            }
            wordComments.forEach((id, wc) -> {
                if (anchored.add(id)) {
                    comments.add(new WordImport.WordComment("", "", wc[0], wc[1], wc[2]));
                }
            });
            return new WordImportResult.Accepted(new WordImport(accepted.document(), figures, entries, places,
                    comments, trackedChanges, mode, accepted.warnings()));
        }

        private String resolve(PendingRef ref, List<String> ids, Map<String, String> computed) {
            if (ref.bookmark() != null) {
                if (ref.bookmark().startsWith("dr_")) {
                    String id = ref.bookmark().substring(3).replace('_', '-');
                    if (ids.contains(id)) {
                        return id;
                    }
                }
                Integer h = bookmarkHeading.get(ref.bookmark());
                return h == null || h >= ids.size() || ids.get(h).isEmpty() ? null : ids.get(h);
            }
            Integer h = numberHeading.get(ref.number());
            if (h != null && h < ids.size() && !ids.get(h).isEmpty()) {
                return ids.get(h);
            }
            return computed.get(ref.number());
        }
    }

    // --- text helpers ---

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\u00A0', ' ').strip();
    }

    /** Escapes what Markdown would read as markup inside a line. */
    static String escapeText(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '<', '>', '|', '~' -> sb.append('\\').append(c);
                case '[', ']' -> sb.append(s.indexOf("](") >= 0 || s.indexOf("]:") >= 0 || s.indexOf("][") >= 0
                        ? "\\" + c : String.valueOf(c));
                case '\r', '\n' -> sb.append(' ');
                case '\uE000', '\uE001' -> {
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Escapes what Markdown would read as a block at the start of a line (heading, list, quote, rule, fence). */
    static String escapeLineStart(String s) {
        String t = s.stripLeading();
        if (t.isEmpty()) {
            return t;
        }
        if (t.matches("(?s)^(#|>|=|\\+|-|\\*|~~~|```).*") ) {
            return "\\" + t;
        }
        Matcher ordered = Pattern.compile("^(\\d{1,9})([.)])(?s)(.*)$").matcher(t);
        if (ordered.matches()) {
            return ordered.group(1) + "\\" + ordered.group(2) + ordered.group(3);
        }
        return t;
    }

    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder();
        for (char c : String.valueOf(n).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb + ")";
    }
}
