package org.draftroom.security.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Locale;
import org.draftroom.base.ui.KaribuUiTest;
import org.junit.jupiter.api.Test;

/**
 * The main navigation offers the administration screens only to those who may use them. Other modules add their own
 * entries; these tests look at the administration ones.
 */
class MainNavigationViewIT extends KaribuUiTest {

    private static final List<String> ADMINISTRATION = List.of("Users", "Organisations", "Working groups");

    @Test
    void the_administrator_sees_users_organisations_and_working_groups() {
        assertThat(navigationOf("admin")).startsWith("Home")
                .containsSubsequence("Users", "Organisations", "Working groups");
    }

    @Test
    void the_secretariat_sees_organisations_and_working_groups_but_not_users() {
        assertThat(navigationOf("secretariat")).startsWith("Home")
                .containsSubsequence("Organisations", "Working groups").doesNotContain("Users");
    }

    @Test
    void editors_and_reviewers_see_no_administration_screens() {
        assertThat(navigationOf("editor1")).startsWith("Home").doesNotContainAnyElementsOf(ADMINISTRATION);
        assertThat(navigationOf("reviewer1")).startsWith("Home").doesNotContainAnyElementsOf(ADMINISTRATION);
    }

    @Test
    void the_navigation_speaks_chinese_to_a_chinese_administrator() {
        signInAs("admin", Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");

        assertThat(labels()).startsWith("首页").containsSubsequence("用户", "单位", "工作组")
                .doesNotContainAnyElementsOf(ADMINISTRATION);
    }

    @Test
    void choosing_chinese_in_the_top_bar_switches_the_application_and_is_remembered_for_the_next_visit() {
        signInAs("editor2");
        UI.getCurrent().navigate("");
        assertThat(labels()).startsWith("Home");

        _click(_get(Button.class, spec -> spec.withId("lang-zh")));

        // the switch reloads the page: a new UI, whose language comes from the person's choice
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(labels()).startsWith("首页").doesNotContain("Home");
        assertThat(_get(H1.class).getText()).isEqualTo("欢迎，刘洋 Liu Yang");
        assertThat(_get(Button.class, spec -> spec.withId("lang-zh")).getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");

        startNewSession();
        signInAs("editor2", Locale.ENGLISH);
        UI.getCurrent().getPage().reload();
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");
        assertThat(labels()).startsWith("首页").doesNotContain("Home");
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
