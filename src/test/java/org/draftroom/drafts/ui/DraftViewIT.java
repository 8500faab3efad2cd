package org.draftroom.drafts.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.treegrid.TreeGrid;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The draft view without a browser: it reads; editors of the project's group are sent to live editing. */
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

    @Test
    void an_editor_of_the_group_is_offered_live_editing_as_the_one_way_to_edit() {
        Project project = newProject();
        signInAs("editor2");
        open(project);

        assertThat(_get(Button.class, spec -> spec.withId("open-live-editing")).getText()).isEqualTo("Edit live");
        assertThat(_get(Span.class, spec -> spec.withId("edit-hint")).getText()).contains("Edit live");
        assertThat(_find(Button.class, spec -> spec.withId("edit-toggle"))).as("no second editing mode").isEmpty();
        assertThat(_find(TextArea.class)).as("no text to type outside live editing").isEmpty();
        assertThat(column(outline(), 0)).contains("1 范围", "8 个人信息主体的权利");
    }

    @Test
    void an_editor_of_another_working_group_gets_no_editing_tools() {
        Project project = newProject();
        signInAs("editor1");
        open(project);
        assertThat(_find(Button.class, spec -> spec.withId("open-live-editing"))).isEmpty();
        assertThat(_find(Span.class, spec -> spec.withId("edit-hint"))).isEmpty();
        assertThat(column(outline(), 0)).contains("8 个人信息主体的权利");
    }
}
