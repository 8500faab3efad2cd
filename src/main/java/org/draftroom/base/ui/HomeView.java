package org.draftroom.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The start page. Each role sees a section about its own work, filled by the modules' {@link HomeSection}s; a
 * section no module fills yet says what will appear there.
 */
@Route("")
@PermitAll
class HomeView extends VerticalLayout implements HasDynamicTitle {

    private static final List<String> ROLES = List.of("ADMIN", "SECRETARIAT", "EDITOR", "REVIEWER");

    HomeView(AuthenticationContext authentication, ShellUserSupport users, List<HomeSection> contributions) {
        setId("home");
        setMaxWidth("960px");
        String name = users.current().map(ShellUserSupport.ShellUser::displayName).orElse("");
        add(new H1(getTranslation("home.welcome", name)));
        for (String role : ROLES) {
            if (authentication.hasRole(role)) {
                String key = "home." + role.toLowerCase();
                Div section = new Div(new H2(getTranslation(key + ".title")));
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

    @Override
    public String getPageTitle() {
        return getTranslation("home.title") + " · " + getTranslation("app.name");
    }
}
