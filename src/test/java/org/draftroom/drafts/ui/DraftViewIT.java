package org.draftroom.drafts.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The draft view without a browser: outline operations renumber at once, warnings follow, saves and conflicts. */
class DraftViewIT extends KaribuUiTest {

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;

    private static int counter;

    private Project newProject() {
        Project[] created = new Project[1];
        asUser("secretariat", () -> created[0] = projects.create(new ProjectForm("GB/T 91" + (100 + counter++),
                "界面测试", "View test", DocumentType.GB_T, "WG7", Stage.DRAFTING, "", null),
                drafts.open("gbt-35273", "cd-1").document()));
        return created[0];
    }

    private DraftView open(Project project) {
        UI.getCurrent().navigate("projects/" + project.id());
        return _get(DraftView.class);
    }

    @SuppressWarnings("unchecked")
    private static TreeGrid<Object> outline() {
        return _get(TreeGrid.class, spec -> spec.withId("outline"));
    }

    private static void select(String row) {
        _clickItem(outline(), rowIndex(outline(), row));
    }

    @Test
    void adding_a_subclause_numbers_it_at_once_and_warns_of_the_hanging_paragraph_it_creates() {
        Project project = newProject();
        signInAs("editor2");
        open(project);
        _click(_get(Button.class, spec -> spec.withId("edit-toggle")));

        select("1 范围");
        _click(_get(Button.class, spec -> spec.withId("op-add-child")));

        assertThat(column(outline(), 0)).containsSubsequence("1 范围", "1.1 New clause", "2 规范性引用文件");
        Details problems = _get(Details.class, spec -> spec.withId("problems"));
        assertThat(problems.getSummaryText()).startsWith("Structure warnings (");
        assertThat(problems.getElement().getTextRecursively()).contains("hanging paragraph");

        _setValue(_get(TextField.class, spec -> spec.withId("clause-title")), "总则 General");
        assertThat(column(outline(), 0)).contains("1.1 总则 General");
    }

    @Test
    void a_saved_edit_becomes_the_latest_version_authored_by_the_editor() {
        Project project = newProject();
        signInAs("editor2");
        open(project);
        _click(_get(Button.class, spec -> spec.withId("edit-toggle")));
        select("1 范围");
        _setValue(_get(TextArea.class, spec -> spec.withId("clause-body")), "\n本文件规定了新的范围。\n\n");

        _click(_get(Button.class, spec -> spec.withId("save-version")));
        _setValue(_get(TextArea.class, spec -> spec.withId("save-message")), "Rewrite the scope");
        _click(_get(Button.class, spec -> spec.withId("save-confirm")));

        assertThat(notificationTexts()).anySatisfy(t -> assertThat(t).startsWith("Saved as version"));
        asUser("editor2", () -> assertThat(drafts.history(project.id(), 0, 1).get(0))
                .satisfies(v -> {
                    assertThat(v.subject()).isEqualTo("Rewrite the scope");
                    assertThat(v.authorName()).isEqualTo("刘洋 Liu Yang");
                }));
    }

    @Test
    void a_conflicting_save_shows_both_texts_and_keeps_the_editors_text() {
        Project project = newProject();
        signInAs("editor2");
        open(project);
        _click(_get(Button.class, spec -> spec.withId("edit-toggle")));
        select("1 范围");
        _setValue(_get(TextArea.class, spec -> spec.withId("clause-body")), "\n我的范围文字。\n\n");
        asUser("secretariat", () -> {
            DraftService.DraftSnapshot base = drafts.open(project.id(), null);
            drafts.save(project.id(), base.version().commitId(),
                    Outline.replaceBody(base.document(), "scope", "\n秘书处的范围文字。\n\n").text(), "Meanwhile");
        });

        _click(_get(Button.class, spec -> spec.withId("save-version")));
        _setValue(_get(TextArea.class, spec -> spec.withId("save-message")), "Mine");
        _click(_get(Button.class, spec -> spec.withId("save-confirm")));

        Dialog conflict = _get(Dialog.class, spec -> spec.withId("conflict-dialog"));
        assertThat(_find(conflict, Pre.class)).extracting(Pre::getText)
                .anySatisfy(t -> assertThat(t).contains("我的范围文字"))
                .anySatisfy(t -> assertThat(t).contains("秘书处的范围文字"));
        _click(_get(conflict, Button.class, spec -> spec.withId("conflict-keep")));
        assertThat(_get(TextArea.class, spec -> spec.withId("clause-body")).getValue()).contains("我的范围文字");
    }

    @Test
    void an_editor_of_another_working_group_gets_no_editing_tools() {
        Project project = newProject();
        signInAs("editor1");
        open(project);
        assertThat(_find(Button.class, spec -> spec.withId("edit-toggle"))).isEmpty();
        assertThat(column(outline(), 0)).contains("8 个人信息主体的权利");
    }
}
