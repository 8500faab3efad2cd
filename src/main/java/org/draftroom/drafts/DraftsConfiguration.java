package org.draftroom.drafts;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Clock;
import java.util.Set;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.ui.NavigationEntry;
import org.draftroom.drafts.storage.GitDraftStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DraftsConfiguration {

    /** One bare repository per project under {@code draftroom.drafts-repo}. */
    @Bean(destroyMethod = "close")
    GitDraftStore draftStore(DraftroomProperties properties, Clock clock) {
        return new GitDraftStore(properties.draftsRepo().toAbsolutePath().normalize(), clock);
    }

    @Bean
    NavigationEntry projectsNavigation() {
        return new NavigationEntry("nav.projects", "projects", VaadinIcon.FILE_TEXT_O, 10,
                Set.of("ADMIN", "SECRETARIAT", "EDITOR"));
    }
}
