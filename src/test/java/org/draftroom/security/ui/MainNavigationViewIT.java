package org.draftroom.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Locale;
import org.draftroom.base.ui.KaribuUiTest;
import org.junit.jupiter.api.Test;

/** The main navigation offers the administration screens only to those who may use them. */
class MainNavigationViewIT extends KaribuUiTest {

    @Test
    void the_administrator_sees_users_organisations_and_working_groups() {
        assertThat(navigationOf("admin")).containsExactly("Home", "Users", "Organisations", "Working groups");
    }

    @Test
    void the_secretariat_sees_organisations_and_working_groups_but_not_users() {
        assertThat(navigationOf("secretariat")).containsExactly("Home", "Organisations", "Working groups");
    }

    @Test
    void editors_and_reviewers_see_no_administration_screens() {
        assertThat(navigationOf("editor1")).containsExactly("Home");
        assertThat(navigationOf("reviewer1")).containsExactly("Home");
    }

    @Test
    void the_navigation_speaks_chinese_to_a_chinese_administrator() {
        signInAs("admin", Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");

        assertThat(labels()).containsExactly("首页", "用户", "单位", "工作组");
    }

    private List<String> navigationOf(String username) {
        signInAs(username);
        UI.getCurrent().navigate("");
        return labels();
    }

    private static List<String> labels() {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getLabel).toList();
    }
}
