package org.draftroom.rounds.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.draftroom.base.ui.HomeSection;
import org.draftroom.base.ui.NavigationEntry;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundState;
import org.draftroom.rounds.service.RoundService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rounds' places in the shell: navigation entries and start-page sections per role. */
@Configuration(proxyBeanMethods = false)
class RoundsUiConfiguration {

    @Bean
    NavigationEntry roundsNavigation() {
        return new NavigationEntry("nav.rounds", RoundsView.PATH, VaadinIcon.CALENDAR_USER, 20,
                Set.of("ADMIN", "SECRETARIAT", "EDITOR"));
    }

    @Bean
    NavigationEntry myRoundsNavigation() {
        return new NavigationEntry("nav.my-rounds", MyRoundsView.PATH, VaadinIcon.COMMENTS_O, 15, Set.of("REVIEWER"));
    }

    @Bean
    HomeSection reviewerRounds(RoundService rounds) {
        return section("REVIEWER", rounds, "rounds.home.reviewer.none", true);
    }

    @Bean
    HomeSection secretariatRounds(RoundService rounds) {
        return section("SECRETARIAT", rounds, "rounds.home.secretariat.none", false);
    }

    private static HomeSection section(String role, RoundService rounds, String noneKey, boolean instructions) {
        return new HomeSection() {
            @Override
            public String role() {
                return role;
            }

            @Override
            public Component content() {
                Instant now = rounds.now();
                List<Round> current = rounds.visibleRounds().stream()
                        .filter(r -> r.state(now) == RoundState.OPEN || r.state(now) == RoundState.SCHEDULED
                                || r.state(now) == RoundState.CLOSED
                                // Reviewers: the outcome of their comments, once published, is one click away.
                                || (r.state(now) == RoundState.PUBLISHED && instructions)).toList();
                com.vaadin.flow.component.UI.getCurrent().getPage().addStyleSheet("context://css/rounds.css");
                Div content = new Div();
                content.addClassName("round-cards");
                content.setId("home-rounds-" + role.toLowerCase());
                if (current.isEmpty()) {
                    content.add(new Paragraph(content.getTranslation(noneKey)));
                }
                current.forEach(r -> content.add(RoundCard.of(content, r, now, rounds.zone(), instructions)));
                return content;
            }
        };
    }
}
