package org.draftroom.search.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;
import org.draftroom.base.ui.NavigationEntry;
import org.draftroom.base.ui.ShellExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the search field in the shell's top bar and the term index in the navigation. */
@Configuration(proxyBeanMethods = false)
class SearchUiConfiguration {

    @Bean
    ShellExtension searchField() {
        return SearchField::new;
    }

    @Bean
    NavigationEntry termsNavigation() {
        return new NavigationEntry("terms.nav", TermsView.PATH, VaadinIcon.BOOK, 40,
                Set.of("ADMIN", "SECRETARIAT", "EDITOR"));
    }
}
