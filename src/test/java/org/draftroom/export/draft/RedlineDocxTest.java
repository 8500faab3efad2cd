package org.draftroom.export.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.draftroom.drafts.domain.ClauseChange;
import org.draftroom.drafts.domain.DiffSegment;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.DraftText;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.Redline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTParaRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrackChange;

class RedlineDocxTest {

    private static final String W = "declare namespace w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' ";

    private static Redline redline;
    private static XWPFDocument doc;
    /** The paragraphs of each clause, heading first, in the order of {@link Redline#changes()}. */
    private static List<List<CTP>> sections;

    @BeforeAll
    static void export() throws IOException {
        redline = Redline.compare(seed("v2017.md"), seed("v2020.md"));
        doc = read(redlineExport(Language.ZH, "李明"));
        sections = sections(doc);
    }

    private static DraftDocument seed(String file) {
        try {
            return DraftFormat.parse(Files.readAllBytes(Path.of("drafts-repo/seed/gbt-35273/" + file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RedlineExport redlineExport(Language language, String author) {
        return new RedlineExport(Samples.project(), RedlineExport.Version.of("a1b2c3d wd-1"),
                new RedlineExport.Version("3f2a9c1 cd-1", author), redline, language, Samples.EXPORTED);
    }

    private static XWPFDocument read(RedlineExport export) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(DraftExports.redlineDocx(export)));
    }

    private static List<List<CTP>> sections(XWPFDocument document) {
        List<List<CTP>> result = new ArrayList<>();
        for (XWPFParagraph p : document.getParagraphs()) {
            if (p.getStyle() != null && p.getStyle().startsWith("Heading")) {
                result.add(new ArrayList<>());
            }
            if (!result.isEmpty()) {
                result.get(result.size() - 1).add(p.getCTP());
            }
        }
        return result;
    }

    private static XmlObject[] select(XmlObject root, String path) {
        return root.selectPath(W + path);
    }

    private static List<CTTrackChange> revisions(String element) {
        return Arrays.stream(select(doc.getDocument(), ".//w:" + element)).map(CTTrackChange.class::cast).toList();
    }

    /** The text of a paragraph with every change accepted (or rejected), and whether its mark goes away. */
    private static String text(CTP p, boolean accept) {
        StringBuilder sb = new StringBuilder();
        try (XmlCursor cursor = p.newCursor()) {
            for (boolean more = cursor.toFirstChild(); more; more = cursor.toNextSibling()) {
                XmlObject child = cursor.getObject();
                if (child instanceof CTR r) {
                    sb.append(runText(r, false));
                } else if (child instanceof CTRunTrackChange change) {
                    boolean inserted = cursor.getName().getLocalPart().equals("ins");
                    if (inserted == accept) {
                        for (CTR r : change.getRList()) {
                            sb.append(runText(r, !inserted));
                        }
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String runText(CTR r, boolean deleted) {
        StringBuilder sb = new StringBuilder();
        for (CTText t : deleted ? r.getDelTextList() : r.getTList()) {
            sb.append(t.getStringValue());
        }
        return sb.append("\n".repeat(r.sizeOfBrArray())).toString();
    }

    /** Whether accepting (or rejecting) all changes removes the paragraph mark, joining the paragraph to the next. */
    private static boolean markRemoved(CTP p, boolean accept) {
        CTParaRPr rPr = p.isSetPPr() && p.getPPr().isSetRPr() ? p.getPPr().getRPr() : null;
        return rPr != null && (accept ? rPr.isSetDel() : rPr.isSetIns());
    }

    /** The non-empty lines of a clause body once every change is accepted (or rejected). */
    private static List<String> bodyLines(List<CTP> section, boolean accept) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (CTP p : section.subList(1, section.size())) {
            line.append(text(p, accept));
            if (!markRemoved(p, accept)) {
                lines.add(line.toString());
                line.setLength(0);
            }
        }
        lines.add(line.toString());
        return lines.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** The reading text of a clause body in the 2020 version: what the redline compares. */
    private static String newBody(NumberedClause clause) {
        return DraftText.bodies(seed("v2020.md"), Language.ZH).get(clause.index());
    }

    private static String oldBody(NumberedClause clause) {
        return DraftText.bodies(seed("v2017.md"), Language.ZH).get(clause.index());
    }

    @Test
    void cross_references_read_as_numbers_and_no_draft_syntax_shows() {
        String visible = doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + "\n" + b);
        String all = doc.getDocument().xmlText();

        assertThat(all).doesNotContain("](#").doesNotContain("{#").doesNotContain("**");
        assertThat(visible).contains("（见5.3）");
    }

    private static List<String> sourceLines(String body) {
        return Arrays.stream(body.split("\n")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean has(List<DiffSegment> diff, DiffSegment.Op op) {
        return diff.stream().anyMatch(d -> d.op() == op);
    }

    private static int indexOf(ClauseChange change) {
        return redline.changes().indexOf(change);
    }

    @Test
    void every_clause_of_the_redline_is_a_heading_in_the_heading_styles_of_the_docx_export() {
        assertThat(sections).hasSize(redline.changes().size());
        for (int level = 1; level <= 6; level++) {
            assertThat(doc.getStyles().getStyle("Heading" + level).getCTStyle().getPPr().getOutlineLvl().getVal())
                    .hasToString(String.valueOf(level - 1));
        }
        XWPFParagraph scope = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("1  "))
                .findFirst().orElseThrow();
        assertThat(scope.getStyle()).isEqualTo("Heading1");
    }

    @Test
    void insertions_and_deletions_are_tracked_changes_with_the_new_versions_author_and_the_export_date() {
        List<CTTrackChange> ins = revisions("ins");
        List<CTTrackChange> del = revisions("del");

        assertThat(ins).isNotEmpty();
        assertThat(del).isNotEmpty();
        assertThat(select(doc.getDocument(), ".//w:p/w:ins/w:r")).isNotEmpty();
        assertThat(select(doc.getDocument(), ".//w:p/w:del/w:r")).isNotEmpty();
        for (CTTrackChange change : concat(ins, del)) {
            assertThat(change.getAuthor()).isEqualTo("李明");
            assertThat(change.xgetDate().getStringValue()).isEqualTo("2024-08-02T00:00:00Z");
        }
    }

    @Test
    void every_revision_has_its_own_id() {
        List<CTTrackChange> all = concat(revisions("ins"), revisions("del"));
        Set<String> ids = new HashSet<>();
        all.forEach(c -> ids.add(c.getId().toString()));

        assertThat(ids).hasSize(all.size());
    }

    @Test
    void without_the_new_versions_author_the_revisions_are_by_draftroom() throws IOException {
        XWPFDocument anonymous = read(redlineExport(Language.ZH, ""));

        assertThat(select(anonymous.getDocument(), ".//w:ins")).isNotEmpty().allSatisfy(
                c -> assertThat(((CTTrackChange) c).getAuthor()).isEqualTo("Draftroom"));
    }

    @Test
    void deleted_text_is_in_del_text_inside_deletions_and_never_in_normal_text() {
        assertThat(select(doc.getDocument(), ".//w:del/w:r/w:delText")).isNotEmpty();
        assertThat(select(doc.getDocument(), ".//w:del/w:r/w:t")).isEmpty();
        assertThat(select(doc.getDocument(), ".//w:ins/w:r/w:delText")).isEmpty();
        assertThat(select(doc.getDocument(), ".//w:p/w:r/w:delText")).isEmpty();

        ClauseChange deleted = redline.changes().stream().filter(c -> c.status() == ClauseChange.Status.DELETED)
                .findFirst().orElseThrow();
        String firstLine = sourceLines(oldBody(deleted.before())).get(0);
        String visible = doc.getParagraphs().stream().map(XWPFParagraph::getText)
                .reduce("", (a, b) -> a + "\n" + b);
        assertThat(visible).doesNotContain(firstLine);
        assertThat(bodyLines(sections.get(indexOf(deleted)), false)).contains(firstLine);
    }

    @Test
    void accepting_all_changes_gives_the_2020_text_of_a_modified_clause() {
        ClauseChange modified = modifiedClause();
        List<CTP> section = sections.get(indexOf(modified));

        assertThat(bodyLines(section, true)).isEqualTo(sourceLines(newBody(modified.after())));
        assertThat(text(section.get(0), true))
                .isEqualTo(modified.newNumber() + "  " + modified.newTitle());
    }

    @Test
    void rejecting_all_changes_gives_the_2017_text_of_that_clause() {
        ClauseChange modified = modifiedClause();
        List<CTP> section = sections.get(indexOf(modified));

        assertThat(bodyLines(section, false)).isEqualTo(sourceLines(oldBody(modified.before())));
        assertThat(text(section.get(0), false))
                .isEqualTo(modified.newNumber() + "  " + modified.oldTitle());
    }

    /** A clause modified in place whose body has both insertions and deletions. */
    private static ClauseChange modifiedClause() {
        ClauseChange modified = redline.changes().stream()
                .filter(c -> c.status() == ClauseChange.Status.MODIFIED && has(c.bodyDiff(), DiffSegment.Op.INSERT)
                        && has(c.bodyDiff(), DiffSegment.Op.DELETE))
                .findFirst().orElseThrow();
        assertThat(sourceLines(newBody(modified.after())))
                .isNotEqualTo(sourceLines(oldBody(modified.before())));
        return modified;
    }

    @Test
    void accepting_all_gives_the_2020_text_and_rejecting_all_the_2017_text_of_every_clause() {
        for (ClauseChange change : redline.changes()) {
            List<CTP> section = sections.get(indexOf(change));
            if (change.after() != null) {
                assertThat(bodyLines(section, true)).as("accepted %s", change.id())
                        .isEqualTo(sourceLines(newBody(change.after())));
            } else {
                assertThat(bodyLines(section, true)).as("accepted %s", change.id()).isEmpty();
            }
            if (change.before() != null) {
                assertThat(bodyLines(section, false)).as("rejected %s", change.id())
                        .isEqualTo(sourceLines(oldBody(change.before())));
            } else {
                assertThat(bodyLines(section, false)).as("rejected %s", change.id()).isEmpty();
            }
        }
    }

    @Test
    void a_clause_added_in_2020_is_entirely_inside_insertions_paragraph_marks_included() {
        ClauseChange added = redline.changes().stream().filter(c -> c.status() == ClauseChange.Status.ADDED
                && c.after().clause().hasText()).findFirst().orElseThrow();
        List<CTP> section = sections.get(indexOf(added));

        assertThat(section).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(p.getRList()).isEmpty();
            assertThat(p.getDelList()).isEmpty();
            assertThat(p.getInsList()).isNotEmpty();
            assertThat(p.getPPr().getRPr().isSetIns()).isTrue();
        });
        assertThat(text(section.get(0), false)).isEmpty();
        assertThat(text(section.get(0), true)).isEqualTo(added.newNumber() + "  " + added.newTitle());
    }

    @Test
    void a_clause_deleted_in_2020_is_entirely_inside_deletions_paragraph_marks_included() {
        ClauseChange deleted = redline.changes().stream().filter(c -> c.status() == ClauseChange.Status.DELETED
                && c.before().clause().hasText()).findFirst().orElseThrow();
        List<CTP> section = sections.get(indexOf(deleted));

        assertThat(section).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(p.getRList()).isEmpty();
            assertThat(p.getInsList()).isEmpty();
            assertThat(p.getDelList()).isNotEmpty();
            assertThat(p.getPPr().getRPr().isSetDel()).isTrue();
        });
        assertThat(text(section.get(0), true)).isEmpty();
    }

    @Test
    void moved_rights_clauses_carry_their_old_number_as_a_note_after_the_heading() throws IOException {
        List<ClauseChange> moved = redline.changes().stream().filter(c -> c.status() == ClauseChange.Status.MOVED
                && c.oldNumber().startsWith("7.") && c.newNumber().startsWith("8.")).toList();
        assertThat(moved).hasSizeGreaterThanOrEqualTo(5);
        List<List<CTP>> english = sections(read(redlineExport(Language.EN, "李明")));

        for (ClauseChange change : moved) {
            assertThat(text(sections.get(indexOf(change)).get(0), true))
                    .startsWith(change.newNumber() + "  ").endsWith("（原" + change.oldNumber() + "）");
            assertThat(text(english.get(indexOf(change)).get(0), true))
                    .endsWith(" (was " + change.oldNumber() + ")");
        }
    }

    private static List<CTTrackChange> concat(List<CTTrackChange> a, List<CTTrackChange> b) {
        List<CTTrackChange> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
