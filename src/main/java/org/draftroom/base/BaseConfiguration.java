package org.draftroom.base;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Clock;
import java.util.Set;
import org.draftroom.base.ui.NavigationEntry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BaseConfiguration {

    /** The one source of "now"; tests replace it to make deadlines and timestamps deterministic. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NavigationEntry homeNavigation() {
        return new NavigationEntry("nav.home", "", VaadinIcon.HOME, 0, Set.of());
    }
}
