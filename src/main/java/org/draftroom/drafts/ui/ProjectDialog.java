package org.draftroom.drafts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.util.function.Consumer;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.imports.DocxImporter;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.domain.Organisation;
import org.draftroom.security.domain.WorkingGroup;
import org.draftroom.security.service.DirectoryService;

/** The secretariat creates a project, optionally from an uploaded Markdown or Word draft (previewed first). */
class ProjectDialog extends Dialog {

    private final TextField code = new TextField();
    private final TextField titleZh = new TextField();
    private final TextField titleEn = new TextField();
    private final Select<DocumentType> type = new Select<>();
    private final ComboBox<WorkingGroup> workingGroup = new ComboBox<>();
    private final ComboBox<Organisation> lead = new ComboBox<>();
    private final Select<Stage> stage = new Select<>();
    private final TextField stageCode = new TextField();
    private byte[] uploaded;
    private final WordPreview preview = new WordPreview();
    /** Whether a file was chosen and did not arrive whole: then nothing is created. */
    private boolean uploadIncomplete;

    ProjectDialog(ProjectService projects, DirectoryService directory, Consumer<Project> onCreated) {
        setId("project-dialog");
        setHeaderTitle(getTranslation("projects.new"));
        setWidth("720px");
        code.setLabel(getTranslation("project.code"));
        code.setHelperText(getTranslation("project.code.help"));
        code.setId("project-code");
        titleZh.setLabel(getTranslation("project.title-zh"));
        titleZh.setId("project-title-zh");
        titleEn.setLabel(getTranslation("project.title-en"));
        titleEn.setId("project-title-en");
        type.setLabel(getTranslation("project.type"));
        type.setItems(DocumentType.values());
        type.setItemLabelGenerator(t -> getTranslation("doctype." + t.name()));
        type.setValue(DocumentType.GB_T);
        workingGroup.setLabel(getTranslation("project.working-group"));
        workingGroup.setItems(directory.workingGroups());
        workingGroup.setItemLabelGenerator(w -> w.code() + " · " + w.name(getLocale()));
        workingGroup.setId("project-working-group");
        lead.setLabel(getTranslation("project.lead-organisation"));
        lead.setItems(directory.memberOrganisations());
        lead.setItemLabelGenerator(o -> o.code() + " · " + o.name(getLocale()));
        lead.setClearButtonVisible(true);
        stage.setLabel(getTranslation("project.stage"));
        stage.setItems(Stage.values());
        stage.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        stage.setValue(Stage.DRAFTING);
        stageCode.setLabel(getTranslation("project.stage-code"));
        stageCode.setValue("20.00");
        stageCode.setHelperText(getTranslation("project.stage-code.help"));
        stage.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                stageCode.setValue(e.getValue().isoStage() + ".00");
            }
        });

        Upload upload = DraftsUi.markdownUpload(this, Math.max(projects.maxMarkdownBytes(), DocxImporter.MAX_BYTES),
                (name, bytes) -> {
                    uploaded = bytes;
                    uploadIncomplete = false;
                    preview.clear();
                    if (!WordPreview.isWord(name, bytes) && bytes.length > projects.maxMarkdownBytes()) {
                        uploaded = null;
                        uploadIncomplete = true;
                        DraftsUi.error(getTranslation("draft.import.limit",
                                Math.max(1, projects.maxMarkdownBytes() / 1024 / 1024)));
                    } else if (WordPreview.isWord(name, bytes)) {
                        try {
                            preview.show(bytes);
                        } catch (UserFacingException refusal) {
                            uploaded = null;
                            uploadIncomplete = true;
                            DraftsUi.show(this, refusal);
                        }
                    }
                }, () -> {
                    uploaded = null;
                    uploadIncomplete = true;
                    preview.clear();
                });
        ImportDialog.wordLabels(this, upload);

        FormLayout form = new FormLayout(code, type, titleZh, titleEn, workingGroup, lead, stage, stageCode);
        form.setColspan(titleZh, 2);
        form.setColspan(titleEn, 2);
        add(form, new Paragraph(getTranslation("project.import.help")),
                new Paragraph(getTranslation("draft.word.help")), upload, preview);

        Button save = new Button(getTranslation("projects.create"), e -> {
            try {
                if (uploadIncomplete) {
                    // a project without the draft that was meant for it is not what was asked for
                    throw new UserFacingException("project.import.incomplete");
                }
                ProjectForm projectForm = new ProjectForm(code.getValue(), titleZh.getValue(),
                        titleEn.getValue(), type.getValue(),
                        workingGroup.getValue() == null ? null : workingGroup.getValue().code(), stage.getValue(),
                        stageCode.getValue(), lead.getValue() == null ? null : lead.getValue().code());
                Project created;
                if (preview.current() != null) {
                    created = projects.createFromWord(projectForm, preview.current());
                } else {
                    DraftDocument draft = uploaded == null ? null : DraftService.accepted(uploaded);
                    created = projects.create(projectForm, draft);
                }
                close();
                onCreated.accept(created);
            } catch (UserFacingException refusal) {
                DraftsUi.show(this, refusal);
            }
        });
        save.setId("project-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
