package org.draftroom.security.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;
import org.draftroom.base.ui.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecurityUiConfiguration {

    @Bean
    NavigationEntry usersNavigation() {
        return new NavigationEntry("nav.users", UsersView.PATH, VaadinIcon.USERS, 900, Set.of("ADMIN"));
    }

    @Bean
    NavigationEntry organisationsNavigation() {
        return new NavigationEntry("nav.organisations", OrganisationsView.PATH, VaadinIcon.BUILDING, 910,
                Set.of("ADMIN", "SECRETARIAT"));
    }

    @Bean
    NavigationEntry workingGroupsNavigation() {
        return new NavigationEntry("nav.working-groups", WorkingGroupsView.PATH, VaadinIcon.GROUP, 920,
                Set.of("ADMIN", "SECRETARIAT"));
    }
}
