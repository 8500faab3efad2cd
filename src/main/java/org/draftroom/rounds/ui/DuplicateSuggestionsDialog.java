package org.draftroom.rounds.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.rounds.domain.DispositionRow;
import org.draftroom.rounds.service.DispositionService;

/**
 * The duplicates the service suggests, one block per group with its similarity: the secretariat confirms a group as
 * it is, or unticks the comments that do not belong (splitting it) and confirms the rest.
 */
class DuplicateSuggestionsDialog extends Dialog {

    DuplicateSuggestionsDialog(DispositionService dispositions, long roundId, Runnable grouped) {
        setId("duplicate-suggestions");
        setHeaderTitle(getTranslation("dispositions.suggest.title"));
        setWidth("900px");
        List<DispositionService.DuplicateSuggestion> suggestions = dispositions.suggestDuplicates(roundId);
        if (suggestions.isEmpty()) {
            add(new Paragraph(getTranslation("dispositions.suggest.none")));
        } else {
            add(new Paragraph(getTranslation("dispositions.suggest.explain", suggestions.size())));
        }
        int n = 0;
        for (DispositionService.DuplicateSuggestion s : suggestions) {
            n++;
            Div block = new Div();
            block.addClassName("duplicate-suggestion");
            block.setId("suggestion-" + n);
            block.add(new Span(getTranslation("dispositions.suggest.similarity",
                    String.format(Locale.ROOT, "%.2f", s.score()))));
            List<Checkbox> boxes = new ArrayList<>();
            for (DispositionRow row : s.comments()) {
                Checkbox box = new Checkbox(row.comment().readableId() + " · "
                        + (row.clauseNumber().isEmpty() ? getTranslation("comment.anchor.general") : row.clauseNumber())
                        + " · " + excerpt(row.comment().body()), true);
                box.getElement().setProperty("dataCommentId", String.valueOf(row.comment().id()));
                box.addClassName("duplicate-member");
                boxes.add(box);
                block.add(box);
            }
            Button confirm = new Button(getTranslation("dispositions.suggest.confirm"));
            confirm.addThemeVariants(ButtonVariant.LUMO_SMALL);
            confirm.setId("confirm-suggestion-" + n);
            confirm.addClickListener(e -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < boxes.size(); i++) {
                    if (boxes.get(i).getValue()) {
                        ids.add(s.comments().get(i).comment().id());
                    }
                }
                try {
                    String name = dispositions.groupDuplicates(roundId, ids);
                    Notices.success(getTranslation("dispositions.grouped", name));
                    block.removeAll();
                    block.add(new Span(getTranslation("dispositions.grouped", name)));
                    grouped.run();
                } catch (UserFacingException refusal) {
                    Notices.show(this, refusal, Map.of());
                }
            });
            block.add(confirm);
            add(block);
        }
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("suggestions-close");
        getFooter().add(close);
    }

    private static String excerpt(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= 90 ? line : line.substring(0, 89) + "…";
    }
}
