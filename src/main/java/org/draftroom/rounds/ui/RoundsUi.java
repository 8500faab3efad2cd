package org.draftroom.rounds.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.draftroom.base.ui.Times;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundState;

/** Small pieces the round views share: the state badge and times in the committee's zone. */
final class RoundsUi {

    private RoundsUi() {
    }

    static Span stateBadge(Component owner, Round round, Instant now) {
        RoundState state = round.state(now);
        Span badge = new Span(owner.getTranslation(state.labelKey()));
        badge.getElement().getThemeList().add(switch (state) {
            case OPEN -> "badge success";
            case SCHEDULED -> "badge";
            case CLOSED -> "badge contrast";
            case PUBLISHED -> "badge primary";
        });
        badge.addClassName("round-state");
        return badge;
    }

    /** "2026-11-28 18:00 北京时间", "2026-11-28 18:00, China Standard Time (UTC+8)" (the zone named for people). */
    static String time(Instant instant, ZoneId zone) {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        return Times.minutesWithZone(instant, zone, ui == null ? java.util.Locale.ENGLISH : ui.getLocale());
    }

    static LocalDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }

    static Instant instant(LocalDateTime local, ZoneId zone) {
        return local == null ? null : local.atZone(zone).toInstant();
    }
}
