package org.draftroom.drafts.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static com.github.mvysny.kaributesting.v10.UploadKt._uploadFail;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.drafts.domain.ProjectFilter;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.domain.WorkingGroup;
import org.draftroom.security.service.DirectoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Creating a project from an uploaded Markdown draft is all or nothing: a file over the limit (counted by the server,
 * whatever the browser said) or an upload that failed creates no project, with a message naming the reason.
 */
class ProjectUploadIT extends KaribuUiTest {

    @Autowired ProjectService projects;
    @Autowired DirectoryService directory;
    @Autowired DraftService drafts;

    private static final String INCOMPLETE = "The draft file did not arrive whole (too large or the upload failed), "
            + "so no project was created. Upload the file again, or remove it to create the project without a draft.";

    private static int counter;

    private String fillIn() {
        String code = "GB/T 97" + (100 + counter++);
        signInAs("secretariat");
        UI.getCurrent().navigate("projects");
        _click(_get(Button.class, spec -> spec.withId("new-project")));
        _setValue(_get(TextField.class, spec -> spec.withId("project-code")), code);
        _setValue(_get(TextField.class, spec -> spec.withId("project-title-zh")), "上传测试");
        _setValue(_get(TextField.class, spec -> spec.withId("project-title-en")), "Upload test");
        @SuppressWarnings("unchecked")
        ComboBox<WorkingGroup> group = _get(ComboBox.class, spec -> spec.withId("project-working-group"));
        asUser("secretariat", () -> _setValue(group, directory.workingGroups().stream()
                .filter(w -> w.code().equals("WG7")).findFirst().orElseThrow()));
        return code;
    }

    private boolean exists(String code) {
        return projectId(code) != null;
    }

    @Test
    void a_markdown_file_over_the_limit_creates_no_project_and_says_why() {
        String code = fillIn();
        byte[] big = ("# 范围 {#scope}\n\n" + "文字".repeat(1_200_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan(2 * 1024 * 1024);
        _upload(_get(Upload.class), "big.md", "text/markdown", big);
        expectNotifications("The file is too large: a draft may be at most 2 MiB.");

        _click(_get(Button.class, spec -> spec.withId("project-save")));

        expectNotifications(INCOMPLETE);
        assertThat(exists(code)).isFalse();
        assertThat(_get(Dialog.class, spec -> spec.withId("project-dialog")).isOpened()).isTrue();
    }

    @Test
    void a_failed_upload_creates_no_project() {
        String code = fillIn();
        _uploadFail(_get(Upload.class), "draft.md", "text/markdown");
        expectNotifications("The upload of \"draft.md\" failed; nothing was kept. Try again.");

        _click(_get(Button.class, spec -> spec.withId("project-save")));

        expectNotifications(INCOMPLETE);
        assertThat(exists(code)).isFalse();
    }

    @Test
    void a_whole_markdown_file_creates_the_project_with_its_draft() {
        assertThat(exists(createdFromUpload())).isTrue();
    }

    /** Creates a project from a small Markdown file through the dialog; its code. */
    private String createdFromUpload() {
        String code = fillIn();
        _upload(_get(Upload.class), "draft.md", "text/markdown",
                "# 范围 {#scope}\n\n本文件规定了上传。\n".getBytes(StandardCharsets.UTF_8));
        _click(_get(Button.class, spec -> spec.withId("project-save")));
        return code;
    }

    @Test
    void a_new_version_over_the_limit_is_not_imported() {
        String id = projectId(createdFromUpload());
        int versions = versions(id);

        signInAs("editor2");
        UI.getCurrent().navigate("projects/" + id);
        _click(_get(Button.class, spec -> spec.withId("import-version")));
        byte[] big = ("# 范围 {#scope}\n\n" + "文字".repeat(1_200_000)).getBytes(StandardCharsets.UTF_8);
        _upload(_get(Upload.class), "big.md", "text/markdown", big);
        expectNotifications("The file is too large: a draft may be at most 2 MiB.");
        _click(_get(Button.class, spec -> spec.withId("import-save")));

        expectNotifications("Choose a Markdown file first.");
        assertThat(versions(id)).isEqualTo(versions);
    }

    @Test
    void a_small_file_of_another_type_is_refused_for_its_type_not_for_its_size() {
        String id = projectId(createdFromUpload());
        signInAs("editor2");
        UI.getCurrent().navigate("projects/" + id);
        _click(_get(Button.class, spec -> spec.withId("import-version")));
        Upload upload = _get(Upload.class);
        // What the browser's upload element reports when a 19 KB .pdf does not match the accepted types.
        ComponentUtil.fireEvent(upload, new FileRejectedEvent(upload,
                upload.getI18n().getError().getIncorrectFileType(), "GB_T_35273.pdf"));

        expectNotifications("\"GB_T_35273.pdf\" was not accepted: Upload a Markdown (.md) or Word (.docx) file.");
    }

    /** The id of the project with that code, null if there is none. */
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
