package org.draftroom.drafts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.function.Predicate;
import org.draftroom.base.ui.HomeSection;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectFilter;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.Access;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projects on the start pages: editors see their working groups' drafts, the secretariat every project with its
 * stage.
 */
@Configuration(proxyBeanMethods = false)
class ProjectsHomeSections {

    @Bean
    HomeSection editorsDrafts(ProjectService projects, Access access) {
        return section("EDITOR", projects, p -> access.current().isMemberOf(p.workingGroup()), "home.editor.none");
    }

    @Bean
    HomeSection secretariatProjects(ProjectService projects) {
        return section("SECRETARIAT", projects, p -> true, "home.secretariat.none");
    }

    private static HomeSection section(String role, ProjectService projects, Predicate<Project> shown, String noneKey) {
        return new HomeSection() {
            @Override
            public String role() {
                return role;
            }

            @Override
            public Component content() {
                List<Project> list = projects.find(ProjectFilter.all()).stream().filter(shown).toList();
                Div content = new Div();
                content.addClassName("home-projects");
                if (list.isEmpty()) {
                    content.add(new Paragraph(content.getTranslation(noneKey)));
                }
                for (Project p : list) {
                    RouterLink link = new RouterLink(DraftView.class, new RouteParameters("projectId", p.id()));
                    link.setText(p.code() + "  " + p.title(UI.getCurrent().getLocale()));
                    Span stage = new Span(content.getTranslation(p.stage().labelKey()) + " · " + p.stageCode()
                            + " · " + p.workingGroup());
                    stage.getElement().getThemeList().add("badge contrast small");
                    Div row = new Div(link, stage);
                    row.addClassName("home-project");
                    content.add(row);
                }
                return content;
            }
        };
    }
}
