package org.draftroom.rounds.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.DispositionRecord;
import org.draftroom.rounds.domain.DispositionRow;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.service.DispositionService;

/** Records the disposition of one comment: decision, reason (required for all but acceptance), applying version, assignee. */
class DispositionDialog extends Dialog {

    final RadioButtonGroup<Disposition> disposition = new RadioButtonGroup<>();
    final TextArea reason = new TextArea();
    final TextField applied = new TextField();
    final ComboBox<Map.Entry<Long, String>> assignee = new ComboBox<>();
    final Button save = new Button();

    DispositionDialog(DispositionService dispositions, Round round, DispositionRow row, Runnable saved) {
        setId("disposition-dialog");
        setHeaderTitle(getTranslation("dispositions.record", row.comment().readableId()));
        setWidth("680px");
        Paragraph comment = new Paragraph(row.comment().body());
        comment.addClassName("round-instructions");
        Div proposed = new Div();
        if (row.comment().hasProposedChange()) {
            proposed.add(new Paragraph(getTranslation("dispositions.proposed") + ": " + row.comment().proposedChange()));
        }
        DispositionRecord current = row.disposition();
        disposition.setLabel(getTranslation("dispositions.disposition"));
        disposition.setItems(Disposition.values());
        disposition.setItemLabelGenerator(d -> getTranslation(d.labelKey()));
        disposition.setValue(current.disposition());
        disposition.setId("disposition-choice");
        reason.setLabel(getTranslation("dispositions.reason"));
        reason.setHelperText(getTranslation("dispositions.reason.help"));
        reason.setValue(Objects.toString(current.reason(), ""));
        reason.setWidthFull();
        reason.setId("disposition-reason");
        applied.setLabel(getTranslation("dispositions.applied"));
        applied.setHelperText(getTranslation("dispositions.applied.help"));
        applied.setValue(Objects.toString(current.appliedCommitId(), ""));
        applied.setId("disposition-applied");
        List<Map.Entry<Long, String>> editors = dispositions.assignees(round.id());
        assignee.setLabel(getTranslation("dispositions.assignee"));
        assignee.setItems(editors);
        assignee.setItemLabelGenerator(Map.Entry::getValue);
        assignee.setClearButtonVisible(true);
        editors.stream().filter(e -> e.getKey().equals(current.assigneeId())).findFirst().ifPresent(assignee::setValue);
        assignee.setId("disposition-assignee");
        FormLayout form = new FormLayout(disposition, reason, applied, assignee);
        form.setColspan(disposition, 2);
        form.setColspan(reason, 2);
        add(comment, proposed, form);

        Map<String, HasValidation> fields = Map.of("dispositions.disposition", disposition,
                "dispositions.reason", reason, "dispositions.applied", applied, "dispositions.assignee", assignee);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("disposition-save");
        save.addClickListener(e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                Long chosen = assignee.getValue() == null ? null : assignee.getValue().getKey();
                if (!Objects.equals(chosen, current.assigneeId())) {
                    dispositions.assign(row.comment().id(), chosen);
                }
                if (disposition.getValue() != null || current.disposition() != null) {
                    dispositions.record(row.comment().id(), disposition.getValue(), reason.getValue(),
                            applied.getValue());
                }
                Notices.success(getTranslation("dispositions.saved", row.comment().readableId()));
                close();
                saved.run();
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, fields);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
