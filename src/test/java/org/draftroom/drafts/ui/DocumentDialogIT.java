package org.draftroom.drafts.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The secretariat sets the document language and the cover details in the draft view's document settings. */
class DocumentDialogIT extends KaribuUiTest {

    @Autowired ProjectService projects;

    private static int counter;

    @Test
    void the_secretariat_sets_the_document_language_and_cover_codes_and_a_wrong_code_is_named() {
        String[] id = new String[1];
        asUser("secretariat", () -> id[0] = projects.create(new ProjectForm("GB/T 93" + (100 + counter++),
                "文件设置测试", "Document settings test", DocumentType.GB_T, "WG7", Stage.DRAFTING, "", "CESI"),
                null).id());
        signInAs("secretariat");
        UI.getCurrent().navigate("projects/" + id[0]);
        _click(_get(Button.class, spec -> spec.withId("open-document-settings")));
        _setValue(_get(TextField.class, spec -> spec.withId("document-ccs")), "L 80");
        _click(_get(Button.class, spec -> spec.withId("document-save")));
        assertThat(_get(TextField.class, spec -> spec.withId("document-ccs")).getErrorMessage())
                .isEqualTo("is not a CCS code such as L80");

        @SuppressWarnings("unchecked")
        Select<Language> language = _get(Select.class, spec -> spec.withId("document-language"));
        _setValue(language, Language.EN);
        _setValue(_get(TextField.class, spec -> spec.withId("document-ccs")), "L80");
        _setValue(_get(TextField.class, spec -> spec.withId("document-ics")), "35.030");
        _click(_get(Button.class, spec -> spec.withId("document-save")));
        expectNotifications("The document settings were saved as a new version.");

        DocumentInfo[] info = new DocumentInfo[1];
        asUser("secretariat", () -> info[0] = projects.documentInfo(id[0]));
        assertThat(info[0].language()).isEqualTo(Language.EN);
        assertThat(info[0].ccs()).isEqualTo("L80");
        assertThat(info[0].ics()).isEqualTo("35.030");
    }
}
