package org.draftroom.drafts.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.draftroom.drafts.imports.WordFixtures.docx;
import static org.draftroom.drafts.imports.WordFixtures.numbered;
import static org.draftroom.drafts.imports.WordFixtures.numbering;
import static org.draftroom.drafts.imports.WordFixtures.para;
import static org.draftroom.drafts.imports.WordFixtures.style;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftProblem;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTMarkupRange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

class DocxImporterTest {

    private static WordImport accepted(byte[] docx) {
        return accepted(docx, DocxImporter.TrackedChanges.ACCEPTED);
    }

    private static WordImport accepted(byte[] docx, DocxImporter.TrackedChanges mode) {
        WordImportResult result = DocxImporter.read(docx, mode);
        assertThat(result).as("%s", result).isInstanceOf(WordImportResult.Accepted.class);
        return ((WordImportResult.Accepted) result).result();
    }

    private static String refused(byte[] bytes) {
        WordImportResult result = DocxImporter.read(bytes, DocxImporter.TrackedChanges.ACCEPTED);
        assertThat(result).isInstanceOf(WordImportResult.Rejected.class);
        List<DraftProblem> problems = ((WordImportResult.Rejected) result).problems();
        return problems.get(0).key();
    }

    private static List<String> outline(WordImport w) {
        return w.outline().stream().map(e -> (e.number() + " " + e.title()).strip()).toList();
    }

    @Test
    void heading_styles_by_name_outline_level_and_inheritance_become_clauses() {
        WordImport w = accepted(docx(doc -> {
            style(doc, "Heading1", "heading 1", null, 0, null, 0);
            style(doc, "a2", "标题 2", null, null, null, 0);
            style(doc, "Mine", "My clause title", "a2", null, null, 0);
            style(doc, "Outlined", "Custom", null, 2, null, 0);
            para(doc, "Heading1", "前言");
            para(doc, null, "本文件按照GB/T 1.1—2020的规定起草。");
            para(doc, "Heading1", "范围");
            para(doc, null, "本文件规定了个人信息的处理。");
            para(doc, "Heading1", "收集");
            para(doc, "Mine", "合法性");
            para(doc, "Outlined", "细则");
            para(doc, null, "不应欺诈。");
        }));
        assertThat(outline(w)).containsExactly("前言", "1 范围", "2 收集", "2.1 合法性", "2.1.1 细则");
        assertThat(w.document().find("foreword").orElseThrow().body()).contains("本文件按照GB/T 1.1—2020的规定起草。");
        assertThat(w.document().clauses().get(4).body()).contains("不应欺诈。");
    }

    @Test
    void gbt_template_styles_give_front_matter_clauses_and_annexes_with_their_marks() {
        WordImport w = accepted(docx(doc -> {
            style(doc, "q1", "标准文件_前言、引言标题", null, null, null, 0);
            style(doc, "q2", "标准文件_章标题", null, null, null, 0);
            style(doc, "q3", "标准文件_一级条标题", null, null, null, 0);
            style(doc, "q4", "标准文件_附录标识", null, null, null, 0);
            style(doc, "q5", "标准文件_附录章标题", null, null, null, 0);
            para(doc, "q1", "引言");
            para(doc, null, "引言的文字。");
            para(doc, "q2", "1 范围");
            para(doc, "q3", "1.1 总则");
            para(doc, null, "文字。");
            para(doc, "q4", "附录A");
            para(doc, null, "（规范性）");
            para(doc, null, "个人信息示例");
            para(doc, "q5", "A.1 一般");
            para(doc, null, "附录的文字。");
        }));
        assertThat(outline(w)).containsExactly("引言", "1 范围", "1.1 总则", "A 个人信息示例", "A.1 一般");
        Clause annex = w.document().clauses().get(3);
        assertThat(annex.classes()).contains("annex", "normative");
        assertThat(w.document().clauses().get(0).classes()).contains("unnumbered");
        assertThat(w.outline().get(1).wordNumber()).isEqualTo("1");
        assertThat(w.outline().get(3).wordNumber()).isEqualTo("A");
    }

    @Test
    void typed_numbers_make_clauses_when_the_document_has_no_styles_and_typed_references_resolve() {
        WordImport w = accepted(docx(doc -> {
            para(doc, null, "目次");
            para(doc, null, "1 范围\t1");
            para(doc, null, "前言");
            para(doc, null, "本文件由全国网络安全标准化技术委员会提出。");
            para(doc, null, "1 范围");
            para(doc, null, "本文件规定了要求，见4.2。");
            para(doc, null, "2　规范性引用文件");
            para(doc, null, "2 items are listed below.");
            para(doc, null, "3 术语和定义");
            para(doc, null, "3.1 个人信息 personal information");
            para(doc, null, "以电子方式记录的信息。");
            para(doc, null, "4 收集");
            para(doc, null, "4.1 总则");
            para(doc, null, "文字。");
            para(doc, null, "4.2. 最小必要");
            para(doc, null, "文字。");
            para(doc, null, "附录A");
            para(doc, null, "（资料性）");
            para(doc, null, "示例");
            para(doc, null, "A.1 一般");
            para(doc, null, "见附录A。");
        }));
        assertThat(outline(w)).containsExactly("前言", "1 范围", "2 规范性引用文件", "3 术语和定义", "3.1 个人信息 personal information",
                "4 收集", "4.1 总则", "4.2 最小必要", "A 示例", "A.1 一般");
        String text = w.document().text();
        assertThat(text).contains("本文件规定了要求，见[](#" + w.outline().get(7).id() + ")。");
        assertThat(text).contains("2 items are listed below.");
        assertThat(text).contains("见[](#annex-a)。");
        assertThat(text).doesNotContain("目次");
        assertThat(w.document().clauses().get(4).classes()).contains("term");
        assertThat(w.document().clauses().get(8).classes()).contains("annex", "informative");
    }

    @Test
    void automatic_numbering_is_replayed_to_the_numbers_the_reader_saw_and_lists_keep_their_markers() {
        WordImport w = accepted(docx(doc -> {
            BigInteger headings = numbering(doc, 1, new String[] {"decimal", "%1"},
                    new String[] {"decimal", "%1.%2"});
            BigInteger letters = numbering(doc, 2, new String[] {"lowerLetter", "%1)"},
                    new String[] {"decimal", "%2)"});
            BigInteger dashes = numbering(doc, 3, new String[] {"bullet", "——"});
            style(doc, "H1", "heading 1", null, 0, headings, 0);
            style(doc, "H2", "heading 2", null, 1, headings, 1);
            para(doc, "H1", "范围");
            para(doc, null, "文字。");
            para(doc, "H1", "要求");
            para(doc, "H2", "总则");
            para(doc, null, "应满足以下要求：");
            numbered(doc, letters, 0, "第一项；");
            numbered(doc, letters, 1, "细项；");
            numbered(doc, letters, 0, "第二项。");
            numbered(doc, dashes, 0, "甲；");
            numbered(doc, dashes, 0, "乙。");
            para(doc, "H2", "细则");
            para(doc, null, "见2.1的要求。");
        }));
        assertThat(outline(w)).containsExactly("1 范围", "2 要求", "2.1 总则", "2.2 细则");
        assertThat(w.outline().stream().map(WordImport.OutlineEntry::wordNumber))
                .containsExactly("1", "2", "2.1", "2.2");
        String body = w.document().clauses().get(2).body();
        assertThat(body).contains("a) 第一项；", "1\\) 细项；", "b) 第二项。", "- 甲；\n- 乙。");
        assertThat(w.document().clauses().get(3).body()).contains("见[](#" + w.outline().get(2).id() + ")的要求。");
        assertThat(w.document().clauses().get(1).title()).isEqualTo("要求");
    }

    @Test
    void tables_with_merged_cells_are_split_into_a_grid_and_listed_in_the_preview() {
        WordImport w = accepted(docx(doc -> {
            style(doc, "H1", "heading 1", null, 0, null, 0);
            para(doc, "H1", "范围");
            para(doc, null, "表1 个人信息类别");
            XWPFTable table = doc.createTable(3, 3);
            table.getRow(0).getCell(0).setText("类别");
            table.getRow(0).getCell(1).setText("示例");
            table.getRow(0).removeCell(2);
            table.getRow(0).getCell(1).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.TWO);
            table.getRow(1).getCell(0).setText("身份");
            table.getRow(1).getCell(0).getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
            table.getRow(1).getCell(1).setText("姓名");
            table.getRow(1).getCell(2).setText("a|b");
            table.getRow(2).getCell(0).getCTTc().addNewTcPr().addNewVMerge();
            table.getRow(2).getCell(1).setText("证件");
            table.getRow(2).getCell(2).setText("号码");
        }));
        String body = w.document().clauses().get(0).body();
        assertThat(body).contains("表：个人信息类别\n\n| 类别 | 示例 |   |\n|---|---|---|\n| 身份 | 姓名 | a\\|b |\n"
                + "|   | 证件 | 号码 |");
        assertThat(w.unmapped()).extracting(WordImport.Unmapped::kind, WordImport.Unmapped::place)
                .contains(org.assertj.core.groups.Tuple.tuple("merged-cells", "1 范围"));
    }

    private static byte[] trackedChanges() {
        return docx(doc -> {
            style(doc, "H1", "heading 1", null, 0, null, 0);
            para(doc, "H1", "范围");
            XWPFParagraph p = para(doc, null, "本文件规定了");
            CTRunTrackChange del = p.getCTP().addNewDel();
            del.setId(BigInteger.ONE);
            del.setAuthor("Li");
            del.addNewR().addNewDelText().setStringValue("旧的");
            CTRunTrackChange ins = p.getCTP().addNewIns();
            ins.setId(BigInteger.TWO);
            ins.setAuthor("Li");
            ins.addNewR().addNewT().setStringValue("新的");
            p.createRun().setText("要求。");
        });
    }

    @Test
    void tracked_changes_are_taken_all_accepted_or_all_as_before_never_mixed() {
        WordImport accepted = accepted(trackedChanges(), DocxImporter.TrackedChanges.ACCEPTED);
        WordImport original = accepted(trackedChanges(), DocxImporter.TrackedChanges.ORIGINAL);
        assertThat(accepted.trackedChanges()).isTrue();
        assertThat(accepted.document().clauses().get(0).body()).contains("本文件规定了新的要求。")
                .doesNotContain("旧的");
        assertThat(original.document().clauses().get(0).body()).contains("本文件规定了旧的要求。")
                .doesNotContain("新的");
    }

    @Test
    void comments_keep_their_words_clause_and_word_author() {
        WordImport w = accepted(docx(doc -> {
            style(doc, "H1", "heading 1", null, 0, null, 0);
            para(doc, "H1", "范围");
            para(doc, "H1", "收集");
            XWPFComments comments = doc.createComments();
            XWPFComment comment = comments.createComment(BigInteger.valueOf(7));
            comment.setAuthor("王五");
            comment.createParagraph().createRun().setText("应改为“必须”。");
            XWPFParagraph p = para(doc, null, "组织");
            CTMarkupRange start = p.getCTP().addNewCommentRangeStart();
            start.setId(BigInteger.valueOf(7));
            p.createRun().setText("应当告知");
            p.getCTP().addNewCommentRangeEnd().setId(BigInteger.valueOf(7));
            p.createRun().getCTR().addNewCommentReference().setId(BigInteger.valueOf(7));
            p.createRun().setText("个人信息主体。");
        }));
        assertThat(w.comments()).containsExactly(new WordImport.WordComment(w.outline().get(1).id(), "应当告知", "王五",
                "", "应改为“必须”。"));
        assertThat(w.document().clauses().get(1).body()).contains("组织应当告知个人信息主体。");
    }

    @Test
    void images_are_kept_as_figures_with_their_caption_as_title() {
        byte[] png = WordFixtures.png();
        WordImport w = accepted(docx(doc -> {
            style(doc, "H1", "heading 1", null, 0, null, 0);
            para(doc, "H1", "流程");
            try {
                para(doc, null, null).createRun().addPicture(WordFixtures.stream(png), Document.PICTURE_TYPE_PNG,
                        "flow.png", 100_000, 75_000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            para(doc, null, "图1 处理流程");
        }));
        assertThat(w.figures()).hasSize(1);
        String path = w.figures().keySet().iterator().next();
        assertThat(path).startsWith("figures/").endsWith(".png");
        assertThat(w.figures().get(path)).isEqualTo(png);
        assertThat(w.document().clauses().get(0).body()).contains("![处理流程](" + path + ")")
                .doesNotContain("图1");
    }

    @Test
    void ref_fields_become_cross_references_and_other_fields_and_footnotes_are_listed_with_their_place() {
        WordImport w = accepted(docx(doc -> {
            style(doc, "H1", "heading 1", null, 0, null, 0);
            XWPFParagraph h = para(doc, "H1", "范围");
            var bm = h.getCTP().addNewBookmarkStart();
            bm.setName("_Ref4711");
            bm.setId(BigInteger.ONE);
            h.getCTP().addNewBookmarkEnd().setId(BigInteger.ONE);
            para(doc, "H1", "收集");
            XWPFParagraph p = para(doc, null, "按照");
            var ref = p.getCTP().addNewFldSimple();
            ref.setInstr(" REF _Ref4711 \\h ");
            ref.addNewR().addNewT().setStringValue("1");
            p.createRun().setText("的规定，日期");
            var date = p.getCTP().addNewFldSimple();
            date.setInstr(" DATE ");
            date.addNewR().addNewT().setStringValue("2026-12-06");
            var footnote = doc.createFootnote();
            footnote.createParagraph().createRun().setText("脚注的文字。");
            p.addFootnoteReference(footnote);
        }));
        String body = w.document().clauses().get(1).body();
        assertThat(body).contains("按照[](#" + w.outline().get(0).id() + ")的规定，日期2026-12-06¹)");
        assertThat(body).contains("¹) 脚注的文字。");
        assertThat(w.unmapped()).extracting(WordImport.Unmapped::kind, WordImport.Unmapped::place,
                        WordImport.Unmapped::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("field", "2 收集", "DATE"),
                        org.assertj.core.groups.Tuple.tuple("footnote", "2 收集", "脚注的文字。"));
    }

    // --- bad input: each refused with its own message; the importer returns nothing to write ---

    @Test
    void a_png_renamed_to_docx_is_not_a_word_document() {
        assertThat(refused(WordFixtures.png())).isEqualTo("draft.word.not-word");
    }

    @Test
    void a_corrupted_zip_is_damaged() {
        byte[] good = docx(doc -> para(doc, null, "文字"));
        byte[] broken = Arrays.copyOf(good, good.length / 2);
        for (int i = 200; i < broken.length; i += 7) {
            broken[i] ^= 0x5a;
        }
        assertThat(refused(broken)).isEqualTo("draft.word.damaged");
    }

    @Test
    void a_zip_bomb_is_refused_while_it_unpacks() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(1_000_000);
        assertThat(refused(out.toByteArray())).isEqualTo("draft.word.unpacks-too-large");
    }

    @Test
    void a_password_protected_document_says_so() throws Exception {
        byte[] plain = docx(doc -> para(doc, null, "机密"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(plain);
            }
            fs.writeFilesystem(out);
        }
        assertThat(refused(out.toByteArray())).isEqualTo("draft.word.encrypted");
    }

    @Test
    void a_thousand_page_document_is_refused_as_more_than_a_draft_may_hold() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body>").getBytes(StandardCharsets.UTF_8));
            byte[] page = ("<w:p><w:r><w:t>" + "个人信息控制者应遵守本文件的要求。".repeat(50) + "</w:t></w:r></w:p>")
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 1000 * 2; i++) {
                zip.write(page);
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(refused(out.toByteArray())).isIn("draft.word.draft-too-large", "draft.word.too-much-text");
    }

    @Test
    void a_document_with_a_doctype_is_refused_without_reading_entities() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        WordImportResult result = DocxImporter.read(out.toByteArray(), DocxImporter.TrackedChanges.ACCEPTED);
        if (result instanceof WordImportResult.Accepted a) {
            assertThat(a.result().document().text()).doesNotContain("root:");
        } else {
            assertThat(((WordImportResult.Rejected) result).problems().get(0).key()).isEqualTo("draft.word.damaged");
        }
    }
}
