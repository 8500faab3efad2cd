package org.draftroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.draftroom.comments.CommentCreated;
import org.draftroom.comments.CommentReplied;
import org.draftroom.drafts.DraftVersionCommitted;
import org.draftroom.rounds.DispositionsPublished;
import org.draftroom.rounds.RoundClosingSoon;
import org.draftroom.rounds.RoundOpened;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every event a module publishes is stored as JSON by the event publication registry and read back when it is
 * delivered after a restart: each must survive the round trip through the application's Jackson mapper unchanged.
 * The list holds every event class the modules publish ({@code publishEvent(new ...)} in the main code).
 */
class StoredEventsTest {

    static final List<Object> EVENTS = List.of(
            new DraftVersionCommitted("gbt-35273", "a".repeat(40), null),
            new DraftVersionCommitted("gbt-35273", "b".repeat(40), "a".repeat(40)),
            new CommentCreated("gbt-35273", 7, null),
            new CommentCreated("gbt-35273", 8, 3L),
            new CommentReplied(7, 12, 4, 5),
            new RoundOpened(3),
            new RoundClosingSoon(3),
            new DispositionsPublished(3));

    @Test
    void every_event_survives_the_round_trip_through_json() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> {
                    ObjectMapper json = context.getBean(ObjectMapper.class);
                    for (Object event : EVENTS) {
                        String stored = json.writeValueAsString(event);
                        assertThat(json.readValue(stored, event.getClass())).as(stored).isEqualTo(event);
                    }
                });
    }
}
