package org.draftroom.security.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.draftroom.base.ui.KaribuUiTest;
import org.junit.jupiter.api.Test;

/** The committee's working groups. */
class WorkingGroupsViewIT extends KaribuUiTest {

    @Test
    void the_seven_seeded_working_groups_are_listed_with_both_names() {
        signInAs("secretariat");
        navigateTo(WorkingGroupsView.class);

        assertThat(column(grid(), 0)).contains("WG1", "WG2", "WG3", "WG4", "WG5", "WG6", "WG7");
        assertThat(rows(grid()).get(rowIndex(grid(), "WG7")))
                .containsExactly("WG7", "信息安全管理标准工作组", "Information security management");
    }

    @Test
    void the_administrator_adds_a_working_group_and_it_appears_in_the_list() {
        signInAs("admin", Locale.ENGLISH);
        navigateTo(WorkingGroupsView.class);

        _click(_get(Button.class, spec -> spec.withId("new-working-groups")));
        Dialog dialog = _get(Dialog.class, spec -> spec.withId("working-groups-dialog"));
        _setValue(_get(dialog, TextField.class, spec -> spec.withId("directory-code")), "wg8");
        _setValue(_get(dialog, TextField.class, spec -> spec.withId("directory-name-zh")), "数据安全标准工作组");
        _setValue(_get(dialog, TextField.class, spec -> spec.withId("directory-name-en")), "Data security");
        _click(_get(dialog, Button.class, spec -> spec.withId("directory-save")));

        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("WG8 saved.");
        assertThat(rows(grid()).get(rowIndex(grid(), "WG8")))
                .containsExactly("WG8", "数据安全标准工作组", "Data security");
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid() {
        return _get(Grid.class, spec -> spec.withId("working-groups-grid"));
    }
}
