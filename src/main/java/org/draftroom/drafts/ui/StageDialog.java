package org.draftroom.drafts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.Map;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.base.ui.Times;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.domain.StageChange;
import org.draftroom.drafts.domain.VersionNote;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.Access;

/** A project's stage timeline; the secretariat also moves the project to another stage here, with a reason. */
class StageDialog extends Dialog {

    StageDialog(ProjectService projects, Access access, Project project, ZoneId zone, Runnable onChange) {
        setId("stage-dialog");
        setHeaderTitle(getTranslation("project.stage-timeline"));
        setWidth("640px");
        Div timeline = new Div();
        timeline.addClassName("stage-timeline");
        timeline.setId("stage-timeline");
        for (StageChange change : projects.stageHistory(project.id())) {
            Div entry = new Div();
            entry.addClassName("stage-entry");
            Span when = new Span(Times.minutes(change.changedAt(), zone) + " · " + access.nameOf(change.changedBy()));
            when.addClassName("stage-when");
            Span what = new Span((change.fromStage() == null ? ""
                    : getTranslation(change.fromStage().labelKey()) + " " + change.fromCode() + " → ")
                    + getTranslation(change.toStage().labelKey()) + " " + change.toCode());
            what.addClassName("stage-what");
            // A move the application made (a round opened or ended) is said in the reader's language.
            Span why = new Span(VersionNote.of(change.reason()).map(note -> getTranslation(
                    "version.note." + note.action(), note.argument(), "", 0)).orElse(change.reason()));
            why.addClassName("stage-why");
            entry.add(when, what, why);
            timeline.add(entry);
        }
        add(timeline);

        if (access.canManageProjects()) {
            Select<Stage> stage = new Select<>();
            stage.setLabel(getTranslation("project.stage"));
            stage.setItems(Stage.values());
            stage.setItemLabelGenerator(s -> getTranslation(s.labelKey()) + " (" + s.isoStage() + ")");
            stage.setValue(project.stage());
            stage.setId("stage-select");
            TextField code = new TextField(getTranslation("project.stage-code"));
            code.setValue(project.stageCode());
            code.setHelperText(getTranslation("project.stage-code.help"));
            code.setId("stage-code");
            stage.addValueChangeListener(e -> code.setValue(e.getValue().isoStage() + ".00"));
            TextArea reason = new TextArea(getTranslation("project.stage-reason"));
            reason.setWidthFull();
            reason.setId("stage-reason");
            FormLayout form = new FormLayout(stage, code, reason);
            form.setColspan(reason, 2);
            Button move = new Button(getTranslation("project.stage.move"), e -> {
                try {
                    projects.changeStage(project.id(), stage.getValue(), code.getValue(), reason.getValue());
                    Notices.success(getTranslation("project.stage.moved", getTranslation(stage.getValue().labelKey())));
                    close();
                    onChange.run();
                } catch (UserFacingException refusal) {
                    Notices.show(this, refusal, Map.of("project.stage-code", code, "project.stage-reason", reason));
                }
            });
            move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            move.setId("stage-move");
            add(new H3(getTranslation("project.stage.change")), form);
            getFooter().add(move);
        }
        getFooter().addComponentAsFirst(new Button(getTranslation("action.close"), e -> close()));
    }
}
