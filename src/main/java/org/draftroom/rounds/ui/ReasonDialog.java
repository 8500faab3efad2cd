package org.draftroom.rounds.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.time.ZoneId;
import org.draftroom.base.ui.Times;
import java.util.HashMap;
import java.util.Map;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;

/**
 * A change of a round that needs a reason (extend, close early, open now, reopen a submission, allow late
 * comments), optionally with a time in the committee's zone. The action runs in the service; its refusal is shown
 * beside the field it is about, and what was typed stays.
 */
class ReasonDialog extends Dialog {

    /** The change to make with the reason and the time (null when the dialog asks for none). */
    interface Action {
        void run(String reason, Instant time);
    }

    final TextArea reason = new TextArea();
    final DateTimePicker time = new DateTimePicker();
    final Button confirm = new Button();

    ReasonDialog(String id, String title, String explanation, String confirmText, String timeLabelKey,
                 Instant initialTime, ZoneId zone, Action action, Runnable done) {
        setId(id);
        setHeaderTitle(title);
        setWidth("520px");
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        if (explanation != null) {
            content.add(new Paragraph(explanation));
        }
        Map<String, HasValidation> fields = new HashMap<>();
        if (timeLabelKey != null) {
            time.setLabel(getTranslation(timeLabelKey) + " (" + Times.zoneName(zone, getLocale()) + ")");
            Times.styled(time, getLocale());
            time.setValue(RoundsUi.local(initialTime, zone));
            time.setId(id + "-time");
            time.setWidthFull();
            content.add(time);
            fields.put(timeLabelKey, time);
            fields.put("round.closes-at", time);
            fields.put("round.late-until", time);
        }
        reason.setLabel(getTranslation("round.reason"));
        reason.setWidthFull();
        reason.setMaxLength(2000);
        reason.setId(id + "-reason");
        content.add(reason);
        fields.put("round.reason", reason);
        add(content);
        confirm.setText(confirmText);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId(id + "-confirm");
        confirm.addClickListener(e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            if (timeLabelKey != null && time.getValue() == null) {
                Notices.show(this, new FieldProblemException(timeLabelKey, "validation.required"), fields);
                return;
            }
            try {
                action.run(reason.getValue(), timeLabelKey == null ? null : RoundsUi.instant(time.getValue(), zone));
                close();
                done.run();
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, fields);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }
}
