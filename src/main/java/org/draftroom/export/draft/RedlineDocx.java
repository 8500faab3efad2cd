package org.draftroom.export.draft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.draftroom.drafts.domain.ClauseChange;
import org.draftroom.drafts.domain.ClauseKind;
import org.draftroom.drafts.domain.DiffSegment;
import org.draftroom.drafts.domain.DiffSegment.Op;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.Project;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTParaRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrackChange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDateTime;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;

/**
 * A {@link org.draftroom.drafts.domain.Redline} as a Word document with tracked changes, so that Word's and
 * LibreOffice's "accept" and "reject" turn it into the new or the old version.
 *
 * <p>After a title block (code, title, the two version labels, the export date) comes every clause in the order of
 * the redline, unchanged ones included for context: a heading in the {@code Heading1} to {@code Heading6} styles of
 * {@link DocxExport} ("5.1  title"), then the clause's Markdown source, one Word paragraph per source line (blank lines
 * are dropped: they only separate Markdown blocks). Inserted text is a {@code w:ins} around its runs, deleted text a
 * {@code w:del} around runs holding {@code w:delText}. An inserted or deleted line break is an inserted or deleted
 * paragraph mark ({@code w:pPr/w:rPr/w:ins} or {@code w:del}), so lines join and split as they did in the source. An
 * added clause is inserted as a whole, heading and paragraph marks included; a deleted clause is deleted as a whole.
 *
 * <p>A clause that moved is shown at its new place only, its text diffed against its old text, with a note after its
 * heading: "（原7.4）" / "(was 7.4)"; renumbered clauses carry the same note. The note is plain text, not a tracked
 * change, and moves are not written as Word move markup ({@code w:moveFrom} / {@code w:moveTo}): Word would expect the
 * old place to be shown too, with the whole old text, which would repeat every moved clause.
 *
 * <p>Every revision has its own {@code w:id}, the author of the new version (else "Draftroom") as {@code w:author} and
 * the export date (midnight UTC) as {@code w:date}. The Markdown is not rendered: the reader sees every change,
 * markup included, as in the HTML redline.
 */
final class RedlineDocx {

    private final RedlineExport export;
    private final Language language;
    private final XWPFDocument doc;
    private final String author;
    /** The revision date as Word writes it: an xsd:dateTime in UTC without fraction of a second. */
    private final String date;
    private int nextId = 1;

    private RedlineDocx(RedlineExport export, XWPFDocument doc) {
        this.export = export;
        this.language = export.language();
        this.doc = doc;
        this.author = export.revisionAuthor();
        this.date = export.exportDate() + "T00:00:00Z";
    }

    /** The DOCX file. */
    static byte[] write(RedlineExport export) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new RedlineDocx(export, doc).build();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the redline DOCX export", e);
        }
    }

    private void build() {
        DocxExport.styles(doc);
        DocxExport.page(doc);
        titleBlock();
        if (export.redline().preambleDiff().stream().anyMatch(d -> d.op() != Op.EQUAL)) {
            body(export.redline().preambleDiff(), null);
        }
        for (ClauseChange change : export.redline().changes()) {
            clause(change);
        }
    }

    private void titleBlock() {
        Project project = export.project();
        centred(DraftExport.nullToEmpty(project.code()), 28, true);
        String title = language == Language.ZH ? DraftExport.nullToEmpty(project.titleZh())
                : DraftExport.nullToEmpty(project.titleEn());
        centred(title, 32, false);
        String from = export.from().label();
        String to = export.to().label();
        centred((language == Language.ZH ? "修订对照：" : "Redline: ") + (from.isEmpty() ? "?" : from) + " → "
                + (to.isEmpty() ? "?" : to), 24, false);
        XWPFParagraph exported = centred((language == Language.ZH ? "导出日期 " : "Exported ")
                + export.exportDate(), DocxExport.TEXT_SIZE, false);
        exported.setSpacingAfter(480);
    }

    private XWPFParagraph centred(String text, int halfPoints, boolean bold) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun run = p.createRun();
        run.setText(StsExport.clean(text));
        run.setFontSize(halfPoints / 2.0);
        run.setBold(bold);
        return p;
    }

    private void clause(ClauseChange change) {
        Op whole = switch (change.status()) {
            case ADDED -> Op.INSERT;
            case DELETED -> Op.DELETE;
            default -> Op.EQUAL;
        };
        NumberedClause shown = change.after() != null ? change.after() : change.before();
        CTP heading = paragraph();
        heading.getPPr().addNewPStyle().setVal(DocxExport.headingStyle(Math.min(shown.clause().level(), 6)));
        String label = shown.label(language);
        if (shown.parentIndex() < 0 && shown.kind() != ClauseKind.CLAUSE) {
            heading.getPPr().addNewJc().setVal(STJc.CENTER);
            if (!label.isEmpty()) {
                run(heading, label, whole).addNewBr();
            }
        } else if (!label.isEmpty()) {
            run(heading, label + DocxExport.NUMBER_SEPARATOR, whole);
        }
        if (change.before() != null && change.after() != null) {
            for (DiffSegment segment : change.titleDiff()) {
                run(heading, segment.text(), segment.op());
            }
        } else {
            run(heading, shown.clause().title(), whole);
        }
        if (change.before() != null && change.after() != null
                && !change.before().label(language).equals(label)) {
            CTR note = heading.addNewR();
            note.addNewRPr().addNewI();
            text(note.addNewT(), language == Language.ZH ? "（原" + change.before().label(language) + "）"
                    : " (was " + change.before().label(language) + ")");
        }
        mark(heading, whole);
        body(change.bodyDiff(), whole == Op.EQUAL ? null : whole);
    }

    /** One source line of a diff: its runs, and what became of the line break after it. */
    private static final class Line {
        final List<DiffSegment> runs = new ArrayList<>();
        /** Whether the new version, the old version has a line break after this line. */
        boolean newBreak;
        boolean oldBreak;

        boolean ended() {
            return newBreak || oldBreak;
        }

        boolean only(Op op) {
            return runs.stream().allMatch(r -> r.op() == op);
        }
    }

    /**
     * Writes a diffed text as paragraphs, one per non-blank line. The mark of a paragraph is inserted when only the new
     * version breaks the line there, deleted when only the old one does; empty lines between two lines count as one
     * break. {@code whole} tracks every paragraph mark as inserted or deleted (an added or deleted clause).
     */
    private void body(List<DiffSegment> diff, Op whole) {
        List<Line> lines = new ArrayList<>();
        Line line = new Line();
        for (DiffSegment segment : diff) {
            String[] pieces = segment.text().split("\n", -1);
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0 && !line.runs.isEmpty()) {
                    line.newBreak |= segment.op() != Op.DELETE;
                    line.oldBreak |= segment.op() != Op.INSERT;
                }
                if (!pieces[i].isEmpty()) {
                    if (line.ended()) {
                        lines.add(line);
                        line = new Line();
                    }
                    line.runs.add(new DiffSegment(segment.op(), pieces[i]));
                }
            }
        }
        if (!line.runs.isEmpty()) {
            lines.add(line);
        }
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            CTP p = paragraph();
            for (DiffSegment run : l.runs) {
                run(p, run.text(), run.op());
            }
            Op mark;
            if (whole != null) {
                mark = whole;
            } else if (i < lines.size() - 1) {
                mark = l.newBreak && l.oldBreak ? Op.EQUAL : l.newBreak ? Op.INSERT : Op.DELETE;
            } else {
                // The last line is followed by a heading in both versions. A line that only one version has needs its
                // mark tracked too, unless the break before it is already missing from that version.
                Line previous = i == 0 ? null : lines.get(i - 1);
                if (l.only(Op.INSERT) && (previous == null || previous.oldBreak)) {
                    mark = Op.INSERT;
                } else if (l.only(Op.DELETE) && (previous == null || previous.newBreak)) {
                    mark = Op.DELETE;
                } else {
                    mark = Op.EQUAL;
                }
            }
            mark(p, mark);
        }
    }

    private CTP paragraph() {
        CTP p = doc.createParagraph().getCTP();
        p.addNewPPr();
        return p;
    }

    /** A run of {@code text} in {@code p}, inside a new {@code w:ins} or {@code w:del} unless {@code op} is EQUAL. */
    private CTR run(CTP p, String text, Op op) {
        CTR r = switch (op) {
            case EQUAL -> p.addNewR();
            case INSERT -> revision(p.addNewIns()).addNewR();
            case DELETE -> revision(p.addNewDel()).addNewR();
        };
        if (!text.isEmpty()) {
            text(op == Op.DELETE ? r.addNewDelText() : r.addNewT(), text);
        }
        return r;
    }

    private static void text(CTText t, String text) {
        t.setStringValue(StsExport.clean(text));
        t.setSpace(SpaceAttribute.Space.PRESERVE);
    }

    /** Tracks the paragraph mark of {@code p} as inserted or deleted. */
    private void mark(CTP p, Op op) {
        if (op == Op.EQUAL) {
            return;
        }
        CTPPr pPr = p.isSetPPr() ? p.getPPr() : p.addNewPPr();
        CTParaRPr rPr = pPr.isSetRPr() ? pPr.getRPr() : pPr.addNewRPr();
        revision(op == Op.INSERT ? rPr.addNewIns() : rPr.addNewDel());
    }

    private <T extends CTTrackChange> T revision(T change) {
        change.setId(BigInteger.valueOf(nextId++));
        change.setAuthor(author);
        STDateTime when = STDateTime.Factory.newInstance();
        when.setStringValue(date);
        change.xsetDate(when);
        return change;
    }
}
