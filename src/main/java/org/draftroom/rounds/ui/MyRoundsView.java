package org.draftroom.rounds.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.service.RoundService;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A reviewer's rounds: the rounds open to them (and past ones), with instructions and the closing time. */
@Route(MyRoundsView.PATH)
@RolesAllowed({"REVIEWER"})
@StyleSheet("context://css/rounds.css")
class MyRoundsView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "my-rounds";

    MyRoundsView(RoundService rounds) {
        setId("my-rounds-view");
        add(new H1(getTranslation("rounds.mine.title")));
        List<Round> mine = rounds.visibleRounds();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("rounds.mine.none")));
        }
        Div cards = new Div();
        cards.addClassName("round-cards");
        mine.forEach(r -> cards.add(RoundCard.of(this, r, rounds.now(), rounds.zone(), true)));
        add(cards);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rounds.mine.title") + " · " + getTranslation("app.name");
    }
}
