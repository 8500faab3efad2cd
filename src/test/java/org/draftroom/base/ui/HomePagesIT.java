package org.draftroom.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The start page of every role says what the person can do and links to where to start; nobody lands on an empty
 * page, also an editor whose working groups have no project yet (editor1, WG1).
 */
class HomePagesIT extends KaribuUiTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private HomeView home(String username, Locale locale) {
        signInAs(username, locale);
        UI.getCurrent().navigate("");
        return _get(HomeView.class);
    }

    private static String text(HomeView home) {
        return home.getElement().getTextRecursively();
    }

    private static List<String> startLinks(HomeView home) {
        return _find(home, Anchor.class, spec -> spec.withClasses("home-start-link")).stream()
                .map(Anchor::getText).toList();
    }

    @Test
    void an_administrator_is_told_they_manage_people_and_is_pointed_to_users_organisations_and_groups() {
        HomeView home = home("admin", Locale.ENGLISH);
        assertThat(text(home)).contains("You manage who uses Draftroom");
        assertThat(startLinks(home)).contains("Users", "Organisations", "Working groups");
    }

    @Test
    void the_secretariat_is_told_what_it_runs_and_is_pointed_to_projects_and_rounds() {
        HomeView home = home("secretariat", Locale.ENGLISH);
        assertThat(text(home)).contains("You create standard projects").contains("GB/T 35273");
        assertThat(startLinks(home)).contains("Projects");
    }

    @Test
    void an_editor_of_the_projects_group_sees_the_drafts_and_how_to_edit_them() {
        HomeView home = home("editor2", Locale.ENGLISH);
        assertThat(text(home)).contains("choose \"Edit live\"").contains("GB/T 35273");
        assertThat(startLinks(home)).contains("Projects");
    }

    @Test
    void an_editor_of_a_group_without_projects_is_told_why_the_list_is_empty_and_where_to_read() {
        HomeView home = home("editor1", CHINESE);
        assertThat(text(home)).contains("您与其他编辑协同编辑").contains("您所在的工作组尚无项目")
                .contains("“标准项目”中阅读所有项目");
        assertThat(startLinks(home)).contains("标准项目");
    }

    @Test
    void a_reviewer_is_told_how_to_comment_and_is_pointed_to_their_consultations() {
        HomeView home = home("reviewer1", Locale.ENGLISH);
        assertThat(text(home)).contains("You read the drafts of consultation rounds open to your organisation");
        assertThat(startLinks(home)).hasSize(1);
        assertThat(_find(home, Anchor.class, spec -> spec.withClasses("home-start-link")).get(0).getHref())
                .isEqualTo("my-rounds");
    }
}
