package org.draftroom.drafts;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.draftroom.base.ui.NavigationEntry;
import org.draftroom.drafts.storage.GitDraftStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DraftsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DraftsConfiguration.class);

    /**
     * One bare repository per project under {@code draftroom.drafts-repo}. Before anything uses it, what a crash left
     * of a repository being built or removed is deleted (stale lock files are removed when a repository is first
     * opened).
     */
    @Bean(destroyMethod = "close")
    GitDraftStore draftStore(DraftsRepoProperties properties, DraftsProperties drafts, Clock clock) {
        GitDraftStore store = new GitDraftStore(properties.draftsRepo().toAbsolutePath().normalize(), clock,
                drafts.staleLockAfter());
        for (Path leftover : store.removeAbandonedBuilds()) {
            log.warn("Removed {}: a repository being built or removed when the application stopped unexpectedly",
                    leftover);
        }
        return store;
    }

    @Bean
    NavigationEntry projectsNavigation() {
        return new NavigationEntry("nav.projects", "projects", VaadinIcon.FILE_TEXT_O, 10,
                Set.of("ADMIN", "SECRETARIAT", "EDITOR"));
    }
}
