package org.draftroom.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;

/**
 * The start page. Each role sees a section about its own work: a sentence saying what the role can do here and links
 * to where to start (the navigation entries of that role), then what the modules' {@link HomeSection}s contribute; a
 * section no module fills yet says what will appear there. So no role lands on an empty page.
 */
@Route("")
@PermitAll
class HomeView extends VerticalLayout implements HasDynamicTitle {

    private static final List<String> ROLES = List.of("ADMIN", "SECRETARIAT", "EDITOR", "REVIEWER");

    HomeView(AuthenticationContext authentication, ShellUserSupport users, List<HomeSection> contributions,
             List<NavigationEntry> entries) {
        setId("home");
        setMaxWidth("960px");
        String name = users.current().map(ShellUserSupport.ShellUser::displayName).orElse("");
        add(new H1(getTranslation("home.welcome", name)));
        for (String role : ROLES) {
            if (authentication.hasRole(role)) {
                String key = "home." + role.toLowerCase();
                Div section = new Div(new H2(getTranslation(key + ".title")));
                Paragraph intro = new Paragraph(getTranslation("usable.home." + role.toLowerCase() + ".intro"));
                intro.addClassName("home-intro");
                section.add(intro, startLinks(role, entries));
                List<HomeSection> own = contributions.stream().filter(c -> c.role().equals(role)).toList();
                if (own.isEmpty()) {
                    section.add(new Paragraph(getTranslation(key + ".empty")));
                } else {
                    own.forEach(c -> section.add(c.content()));
                }
                section.addClassNames("home-section", "home-" + role.toLowerCase());
                add(section);
            }
        }
    }

    /** "Start here:" and a link to each screen of the role's navigation (home itself excluded). */
    private Div startLinks(String role, List<NavigationEntry> entries) {
        Div links = new Div(new Span(getTranslation("usable.home.start")));
        links.addClassName("home-start");
        entries.stream().filter(e -> e.roles().contains(role))
                .sorted(Comparator.comparingInt(NavigationEntry::order))
                .forEach(e -> {
                    Anchor link = new Anchor(e.path(), getTranslation(e.labelKey()));
                    link.addClassName("home-start-link");
                    links.add(link);
                });
        return links;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title") + " · " + getTranslation("app.name");
    }
}
