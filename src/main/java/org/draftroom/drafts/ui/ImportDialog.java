package org.draftroom.drafts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.drafts.service.DraftService;

/** An editor uploads a Markdown file as the next version of the draft; a faulty file is refused with every problem. */
class ImportDialog extends Dialog {

    private byte[] uploaded;

    ImportDialog(DraftService drafts, long maxBytes, String projectId, Runnable onImported) {
        setId("import-dialog");
        setHeaderTitle(getTranslation("draft.import"));
        setWidth("560px");
        Upload upload = DraftsUi.markdownUpload(this, maxBytes, bytes -> uploaded = bytes, () -> uploaded = null);
        TextField message = new TextField(getTranslation("draft.save.message"));
        message.setWidthFull();
        message.setId("import-message");
        add(new Paragraph(getTranslation("project.import.help")), upload, message);
        Button save = new Button(getTranslation("draft.import"), e -> {
            if (uploaded == null) {
                Notices.error(getTranslation("draft.import.choose-file"));
                return;
            }
            try {
                DraftService.SaveResult result = drafts.importVersion(projectId, uploaded, message.getValue());
                Notices.success(getTranslation("draft.saved", result.version().shortId()));
                close();
                onImported.run();
            } catch (UserFacingException refusal) {
                DraftsUi.show(this, refusal);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("import-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
