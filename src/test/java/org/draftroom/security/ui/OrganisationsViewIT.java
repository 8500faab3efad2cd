package org.draftroom.security.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNoDialogs;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.InternalServerError;
import java.util.List;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.security.service.DirectoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The directory of organisations: administrators change it, the secretariat reads it, nobody else sees it. */
class OrganisationsViewIT extends KaribuUiTest {

    @Autowired
    private DirectoryService directory;

    @Test
    void the_administrator_creates_an_organisation_and_it_appears_in_the_list() {
        openAs("admin");

        Dialog dialog = openNewOrganisation();
        fillIn(dialog, "cn-nsl", "南山安全实验室", "Nanshan Security Laboratory");
        _click(_get(dialog, Button.class, spec -> spec.withId("directory-save")));

        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("CN-NSL saved.");
        assertThat(rows(grid()).get(rowIndex(grid(), "CN-NSL")))
                .containsExactly("CN-NSL", "南山安全实验室", "Nanshan Security Laboratory");
    }

    @Test
    void a_code_already_used_in_another_case_is_refused_beside_the_code() {
        openAs("admin");
        int before = rows(grid()).size();

        Dialog dialog = openNewOrganisation();
        fillIn(dialog, "cn-abc", "另一家安博", "Another Anbo");
        _click(_get(dialog, Button.class, spec -> spec.withId("directory-save")));

        _expectInvalid(code(dialog), "the code CN-ABC is already used");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(rows(grid())).hasSize(before);
    }

    @Test
    void a_code_with_a_space_is_refused_with_the_code_rule() {
        openAs("admin");

        Dialog dialog = openNewOrganisation();
        fillIn(dialog, "abc def", "某单位", "Some organisation");
        _click(_get(dialog, Button.class, spec -> spec.withId("directory-save")));

        _expectInvalid(code(dialog), "use capital letters and digits in parts joined by dashes, for example CN-ABC");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(column(grid(), 0)).doesNotContain("ABC DEF");
    }

    @Test
    void deleting_an_organisation_that_still_has_members_is_refused_with_the_reason() {
        openAs("admin");

        _clickItem(grid(), rowIndex(grid(), "CN-CESI"));
        Dialog dialog = _get(Dialog.class, spec -> spec.withId("organisations-dialog"));
        _click(_get(dialog, Button.class, spec -> spec.withId("directory-delete")));
        _fireConfirm(_get(ConfirmDialog.class));

        assertThat(notificationTexts()).contains("It still has 2 member(s). Move them elsewhere first.");
        assertThat(column(grid(), 0)).contains("CN-CESI");
    }

    @Test
    void deleting_an_organisation_nobody_belongs_to_removes_it_from_the_list() {
        signInAs("admin");
        directory.saveOrganisation(null, "CN-OLD", "旧单位", "Former organisation");
        navigateTo(OrganisationsView.class);

        _clickItem(grid(), rowIndex(grid(), "CN-OLD"));
        Dialog dialog = _get(Dialog.class, spec -> spec.withId("organisations-dialog"));
        _click(_get(dialog, Button.class, spec -> spec.withId("directory-delete")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getText(confirm)).isEqualTo("Delete CN-OLD? This cannot be undone.");
        _fireConfirm(confirm);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(column(grid(), 0)).doesNotContain("CN-OLD").contains("CN-ABC");
    }

    @Test
    void the_secretariat_sees_the_organisations_but_cannot_add_or_edit_them() {
        openAs("secretariat");

        assertThat(column(grid(), 0)).contains("CN-CESI", "CN-BCL", "CN-ABC", "CN-XYZ");
        _assertNone(Button.class, spec -> spec.withId("new-organisations"));
        _clickItem(grid(), rowIndex(grid(), "CN-ABC"));
        _assertNoDialogs();
    }

    @Test
    void a_reviewer_who_opens_the_organisations_address_is_refused_by_the_access_control() {
        signInAs("reviewer1");

        UI.getCurrent().navigate(OrganisationsView.class);

        // Vaadin's access control reroutes to its "access denied" error; Karibu's stand-in for that error view
        // fails loudly, so the UI shows the internal error that names the refusal instead of the view.
        List<HasElement> shown = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        assertThat(shown).noneMatch(OrganisationsView.class::isInstance);
        assertThat(shown.get(0)).isInstanceOf(InternalServerError.class);
        assertThat(BasicUtilsKt.get_errorMessage((InternalServerError) shown.get(0)))
                .contains("AccessDeniedException");
    }

    private void openAs(String username) {
        signInAs(username);
        navigateTo(OrganisationsView.class);
    }

    private static Dialog openNewOrganisation() {
        _click(_get(Button.class, spec -> spec.withId("new-organisations")));
        return _get(Dialog.class, spec -> spec.withId("organisations-dialog"));
    }

    private static void fillIn(Dialog dialog, String code, String nameZh, String nameEn) {
        _setValue(code(dialog), code);
        _setValue(_get(dialog, TextField.class, spec -> spec.withId("directory-name-zh")), nameZh);
        _setValue(_get(dialog, TextField.class, spec -> spec.withId("directory-name-en")), nameEn);
    }

    private static TextField code(Dialog dialog) {
        return _get(dialog, TextField.class, spec -> spec.withId("directory-code"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid() {
        return _get(Grid.class, spec -> spec.withId("organisations-grid"));
    }
}
