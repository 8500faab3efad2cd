package org.draftroom.drafts.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.draftroom.drafts.imports.WordFixtures.docx;
import static org.draftroom.drafts.imports.WordFixtures.para;
import static org.draftroom.drafts.imports.WordFixtures.style;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.ProjectFilter;
import org.draftroom.drafts.imports.DocxImporter;
import org.draftroom.drafts.imports.WordFixtures;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.security.domain.WorkingGroup;
import org.draftroom.security.service.DirectoryService;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A project is created from a Word file, and a new version uploaded as Word, through the dialogs: the preview shows
 * the outline, what could not be taken over and the tracked-changes question before anything is saved; the saved
 * draft holds the chosen text, its figures and the Word comments; a refused file writes nothing.
 */
class WordUploadIT extends KaribuUiTest {

    @Autowired ProjectService projects;
    @Autowired DirectoryService directory;
    @Autowired DraftService drafts;
    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired DraftStore store;

    private static int counter;

    static byte[] standard() {
        byte[] png = WordFixtures.png();
        return docx(doc -> {
            style(doc, "H1", "heading 1", null, 0, null, 0);
            style(doc, "H2", "heading 2", null, 1, null, 0);
            para(doc, "H1", "前言");
            para(doc, null, "本文件按照GB/T 1.1—2020的规定起草。");
            para(doc, "H1", "1 范围");
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
            para(doc, "H1", "2 流程");
            para(doc, "H2", "2.1 总则");
            XWPFComment comment = doc.createComments().createComment(BigInteger.valueOf(3));
            comment.setAuthor("王五");
            comment.createParagraph().createRun().setText("请补充定义。");
            XWPFParagraph c = para(doc, null, "组织");
            c.getCTP().addNewCommentRangeStart().setId(BigInteger.valueOf(3));
            c.createRun().setText("应当告知");
            c.getCTP().addNewCommentRangeEnd().setId(BigInteger.valueOf(3));
            c.createRun().setText("主体。");
            try {
                para(doc, null, null).createRun().addPicture(WordFixtures.stream(png), Document.PICTURE_TYPE_PNG,
                        "flow.png", 100_000, 75_000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            para(doc, null, "图1 处理流程");
            c.getCTP().addNewFldSimple().setInstr(" DATE ");
        });
    }

    private String fillIn() {
        String code = "GB/T 98" + (100 + counter++);
        signInAs("secretariat");
        UI.getCurrent().navigate("projects");
        _click(_get(Button.class, spec -> spec.withId("new-project")));
        _setValue(_get(TextField.class, spec -> spec.withId("project-code")), code);
        _setValue(_get(TextField.class, spec -> spec.withId("project-title-zh")), "Word 导入");
        _setValue(_get(TextField.class, spec -> spec.withId("project-title-en")), "Word import");
        @SuppressWarnings("unchecked")
        ComboBox<WorkingGroup> group = _get(ComboBox.class, spec -> spec.withId("project-working-group"));
        asUser("secretariat", () -> _setValue(group, directory.workingGroups().stream()
                .filter(w -> w.code().equals("WG7")).findFirst().orElseThrow()));
        return code;
    }

    private static List<String> items(String id) {
        return _get(UnorderedList.class, spec -> spec.withId(id)).getChildren()
                .map(c -> c.getElement().getTextRecursively()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_project_made_from_a_word_file_is_previewed_then_saved_with_the_chosen_text_figures_and_comments() {
        String code = fillIn();
        _upload(_get(Upload.class), "standard.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", standard());

        assertThat(items("word-outline")).containsExactly("前言", "1 范围", "2 流程", "2.1 总则");
        assertThat(items("word-unmapped")).anySatisfy(s -> assertThat(s).contains("2.1 总则", "Field DATE"));
        RadioButtonGroup<DocxImporter.TrackedChanges> tracked = _get(RadioButtonGroup.class,
                spec -> spec.withId("word-tracked"));
        assertThat(tracked.isVisible()).isTrue();
        _setValue(tracked, DocxImporter.TrackedChanges.ORIGINAL);
        _click(_get(Button.class, spec -> spec.withId("project-save")));

        String id = projectId(code);
        assertThat(id).isNotNull();
        asUser("secretariat", () -> {
            DraftService.DraftSnapshot draft = drafts.open(id, null);
            String text = draft.document().text();
            assertThat(text).contains("本文件规定了旧的要求。").doesNotContain("新的");
            String figure = text.replaceAll("(?s).*\\]\\((figures/[^)]+)\\).*", "$1");
            assertThat(store.readBytes(id, draft.version().commitId(), figure)).hasValue(WordFixtures.png());
            List<PlacedComment> placed = commentReader.findAll(id, null, CommentFilter.all(), 10);
            assertThat(placed).hasSize(1);
            assertThat(placed.get(0).comment().body()).isEqualTo("王五 (Word): 请补充定义。");
            assertThat(placed.get(0).placement().clauseId()).isEqualTo(draft.document().clauses().get(3).id());
            assertThat(placed.get(0).placement().anchor().quote()).isEqualTo("应当告知");
        });
    }

    @Test
    void a_new_version_uploaded_as_word_is_previewed_and_saved_and_a_password_protected_file_writes_nothing()
            throws Exception {
        String code = fillIn();
        _upload(_get(Upload.class), "draft.md", "text/markdown",
                "# 范围 {#scope}\n\n本文件规定了上传。\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        _click(_get(Button.class, spec -> spec.withId("project-save")));
        String id = projectId(code);
        int before = versions(id);

        signInAs("editor2");
        UI.getCurrent().navigate("projects/" + id);
        _click(_get(Button.class, spec -> spec.withId("import-version")));
        _upload(_get(Upload.class), "locked.docx", "application/octet-stream", encrypted(standard()));
        assertThat(_get(Dialog.class, spec -> spec.withId("import-problems")).getElement().getTextRecursively())
                .contains("protected by a password");
        _click(_get(Button.class, spec -> spec.withId("import-save")));
        assertThat(versions(id)).isEqualTo(before);

        _upload(_get(Upload.class), "standard.docx", "application/octet-stream", standard());
        assertThat(items("word-outline")).contains("2.1 总则");
        _setValue(_get(TextField.class, spec -> spec.withId("import-message")), "Word 版本");
        _click(_get(Button.class, spec -> spec.withId("import-save")));
        assertThat(versions(id)).isEqualTo(before + 1);
        assertThat(_find(Dialog.class, spec -> spec.withId("import-dialog"))).isEmpty();
    }

    static byte[] encrypted(byte[] plain) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            var info = new org.apache.poi.poifs.crypt.EncryptionInfo(
                    org.apache.poi.poifs.crypt.EncryptionMode.agile);
            var enc = info.getEncryptor();
            enc.confirmPassword("secret");
            try (var os = enc.getDataStream(fs)) {
                os.write(plain);
            }
            fs.writeFilesystem(out);
        }
        return out.toByteArray();
    }

    private String projectId(String code) {
        String[] id = new String[1];
        asUser("secretariat", () -> id[0] = projects.find(ProjectFilter.all()).stream()
                .filter(p -> p.code().equals(code)).findFirst().map(p -> p.id()).orElse(null));
        return id[0];
    }

    private int versions(String projectId) {
        int[] n = new int[1];
        asUser("secretariat", () -> n[0] = drafts.history(projectId, 0, 100).size());
        return n[0];
    }
}
