package org.draftroom.rounds.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.ZoneId;
import org.draftroom.base.ui.Times;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectFilter;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.domain.VersionNote;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.security.domain.Organisation;
import org.draftroom.security.service.DirectoryService;

/**
 * The secretariat opens (schedules) a round: project, version to freeze, label, number, tag, window (in the
 * committee's time zone), instructions and audience. Refusals are shown beside their field; nothing typed is lost.
 */
class RoundDialog extends Dialog {

    final ComboBox<Project> project = new ComboBox<>();
    final ComboBox<VersionInfo> version = new ComboBox<>();
    final TextField label = new TextField();
    final IntegerField number = new IntegerField();
    final TextField tag = new TextField();
    final DateTimePicker opens = new DateTimePicker();
    final DateTimePicker closes = new DateTimePicker();
    final TextArea instructions = new TextArea();
    final RadioButtonGroup<Audience> audience = new RadioButtonGroup<>();
    final MultiSelectComboBox<Organisation> organisations = new MultiSelectComboBox<>();
    final Checkbox ownOnly = new Checkbox();
    final Button save = new Button();

    RoundDialog(RoundService rounds, RoundLifecycleService lifecycle, ProjectService projects, DraftService drafts,
                DirectoryService directory, String projectId, Consumer<Round> onScheduled) {
        ZoneId zone = rounds.zone();
        setId("round-dialog");
        setHeaderTitle(getTranslation("rounds.new"));
        setWidth("760px");

        project.setLabel(getTranslation("round.project"));
        project.setItems(projects.find(ProjectFilter.all()));
        project.setItemLabelGenerator(p -> p.code() + "  " + p.title(getLocale()));
        project.setId("round-project");
        version.setLabel(getTranslation("round.version"));
        // The versions' messages as the history shows them: the application's own notes (Draftroom-Action trailers)
        // as a localised summary with the clause's number and title in the latest version, never the raw message.
        AtomicReference<DraftService.DraftSnapshot> latest = new AtomicReference<>();
        version.setItemLabelGenerator(v -> v.shortId() + (v.tags().isEmpty() ? "" : " [" + String.join(", ", v.tags())
                + "]") + " · " + (latest.get() == null ? v.subject() : VersionNote.summary(v.message(),
                latest.get().outline(), latest.get().language(), this::getTranslation)));
        version.setId("round-version");
        project.addValueChangeListener(e -> {
            latest.set(e.getValue() == null ? null : drafts.open(e.getValue().id(), null));
            List<VersionInfo> versions = e.getValue() == null ? List.of() : drafts.history(e.getValue().id(), 0, 100);
            version.setItems(versions);
            version.setValue(versions.isEmpty() ? null : versions.get(0));
        });
        label.setLabel(getTranslation("round.label"));
        label.setHelperText(getTranslation("round.label.help"));
        label.setValue("征求意见稿");
        label.setId("round-label");
        number.setLabel(getTranslation("round.number"));
        number.setPlaceholder(getTranslation("rounds.number.next"));
        number.setMin(1);
        number.setId("round-number");
        tag.setLabel(getTranslation("round.tag"));
        tag.setHelperText(getTranslation("round.tag.help"));
        tag.setPlaceholder("round-1");
        tag.setId("round-tag");
        Instant now = rounds.now().truncatedTo(ChronoUnit.MINUTES);
        opens.setLabel(getTranslation("round.opens-at") + " (" + Times.zoneName(zone, getLocale()) + ")");
        Times.styled(opens, getLocale());
        Times.styled(closes, getLocale());
        opens.setValue(RoundsUi.local(now, zone));
        opens.setId("round-opens");
        closes.setLabel(getTranslation("round.closes-at") + " (" + Times.zoneName(zone, getLocale()) + ")");
        closes.setValue(RoundsUi.local(now.plus(rounds.defaultDuration()), zone));
        closes.setHelperText(getTranslation("rounds.default-duration", rounds.defaultDuration().toDays()));
        closes.setId("round-closes");
        opens.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                closes.setValue(e.getValue().plusDays(rounds.defaultDuration().toDays()));
            }
        });
        instructions.setLabel(getTranslation("round.instructions"));
        instructions.setMaxLength(10_000);
        instructions.setId("round-instructions");
        audience.setLabel(getTranslation("round.audience"));
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(a -> getTranslation("round.audience." + a.name().toLowerCase()));
        audience.setValue(Audience.INVITED);
        audience.setId("round-audience");
        organisations.setLabel(getTranslation("round.organisations"));
        organisations.setItems(directory.memberOrganisations());
        organisations.setItemLabelGenerator(o -> o.code() + " " + ("zh".equals(getLocale().getLanguage())
                ? o.nameZh() : o.nameEn()));
        organisations.setId("round-organisations");
        audience.addValueChangeListener(e -> organisations.setEnabled(e.getValue() == Audience.INVITED));
        ownOnly.setLabel(getTranslation("round.own-organisation-only"));
        ownOnly.setValue(true);
        ownOnly.setId("round-own-only");

        FormLayout form = new FormLayout(project, version, label, number, tag, opens, closes, audience, organisations,
                instructions, ownOnly);
        form.setColspan(project, 2);
        form.setColspan(version, 2);
        form.setColspan(instructions, 2);
        form.setColspan(organisations, 2);
        form.setColspan(ownOnly, 2);
        form.setColspan(audience, 2);
        add(form);
        if (projectId != null) {
            project.getListDataView().getItems().filter(p -> p.id().equals(projectId)).findFirst()
                    .ifPresent(project::setValue);
        }

        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("round.project", project,
                "round.label", label, "round.number", number, "round.tag", tag, "round.opens-at", opens,
                "round.closes-at", closes, "round.instructions", instructions, "round.audience", audience,
                "round.organisations", organisations);
        save.setText(getTranslation("rounds.schedule"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("round-save");
        save.addClickListener(e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            if (opens.getValue() == null) {
                Notices.show(this, new FieldProblemException("round.opens-at", "validation.required"), fields);
                return;
            }
            if (closes.getValue() == null) {
                Notices.show(this, new FieldProblemException("round.closes-at", "validation.required"), fields);
                return;
            }
            try {
                Round round = lifecycle.schedule(new RoundForm(project.getValue() == null ? null : project.getValue().id(),
                        number.getValue(), label.getValue(),
                        version.getValue() == null ? null : version.getValue().commitId(), tag.getValue(),
                        RoundsUi.instant(opens.getValue(), zone), RoundsUi.instant(closes.getValue(), zone),
                        instructions.getValue(), audience.getValue(),
                        organisations.getValue().stream().map(Organisation::id).collect(Collectors.toSet()),
                        ownOnly.getValue()));
                Notices.success(getTranslation("rounds.scheduled", round.title()));
                close();
                onScheduled.accept(round);
            } catch (FieldProblemException refusal) {
                Notices.show(this, refusal, fields);
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, Map.of());
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
