package org.draftroom.rounds.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundState;

/** A round as a card: title with link, state, window, and (optionally) the instructions. */
final class RoundCard {

    private RoundCard() {
    }

    static Div of(Component owner, Round round, Instant now, ZoneId zone, boolean instructions) {
        RouterLink link = new RouterLink(RoundView.class, new RouteParameters("roundId", String.valueOf(round.id())));
        link.setText(round.title());
        link.addClassName("round-card-title");
        Div head = new Div(link, RoundsUi.stateBadge(owner, round, now));
        head.addClassName("round-card-head");
        Div card = new Div(head);
        card.addClassName("round-card");
        card.setId("round-card-" + round.id());
        RoundState state = round.state(now);
        String when = state == RoundState.OPEN
                ? owner.getTranslation("rounds.closes-in", RoundsUi.time(round.closesAt(), zone),
                Math.max(0, Duration.between(now, round.closesAt()).toDays()))
                : state == RoundState.SCHEDULED ? owner.getTranslation("rounds.opens-on", RoundsUi.time(round.opensAt(), zone))
                : owner.getTranslation("rounds.closed-on", RoundsUi.time(round.closesAt(), zone));
        Span window = new Span(when);
        window.addClassName("round-card-window");
        card.add(window);
        if (state == RoundState.PUBLISHED) {
            // After publication the card leads to what became of the comments (the round page opens on them).
            RouterLink outcome = new RouterLink(RoundView.class, new RouteParameters("roundId",
                    String.valueOf(round.id())));
            outcome.setText(owner.getTranslation("rounds.card.outcome"));
            outcome.addClassName("round-card-outcome");
            outcome.setId("round-outcome-" + round.id());
            card.add(outcome);
        } else if (state == RoundState.CLOSED) {
            Span waiting = new Span(owner.getTranslation("rounds.card.awaiting"));
            waiting.addClassName("round-card-window");
            card.add(waiting);
        }
        if (instructions && !round.instructions().isBlank()) {
            Paragraph text = new Paragraph(round.instructions());
            text.addClassName("round-instructions");
            card.add(text);
        }
        return card;
    }
}
