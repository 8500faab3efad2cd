package org.draftroom.drafts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.drafts.imports.DocxImporter;
import org.draftroom.drafts.service.DraftService;

/**
 * An editor uploads a Markdown or Word file as the next version of the draft; a faulty file is refused with every
 * problem. A Word file is previewed first (outline, what cannot be taken over, the tracked-changes choice).
 */
class ImportDialog extends Dialog {

    private byte[] uploaded;

    ImportDialog(DraftService drafts, long maxBytes, String projectId, Runnable onImported) {
        setId("import-dialog");
        setHeaderTitle(getTranslation("draft.import"));
        setWidth("640px");
        WordPreview preview = new WordPreview();
        Upload upload = DraftsUi.markdownUpload(this, Math.max(maxBytes, DocxImporter.MAX_BYTES), (name, bytes) -> {
            uploaded = bytes;
            preview.clear();
            if (!WordPreview.isWord(name, bytes) && bytes.length > maxBytes) {
                uploaded = null;
                Notices.error(getTranslation("draft.import.limit", Math.max(1, maxBytes / 1024 / 1024)));
            } else if (WordPreview.isWord(name, bytes)) {
                try {
                    preview.show(bytes);
                } catch (UserFacingException refusal) {
                    uploaded = null;
                    DraftsUi.show(this, refusal);
                }
            }
        }, () -> {
            uploaded = null;
            preview.clear();
        });
        wordLabels(this, upload);
        TextField message = new TextField(getTranslation("draft.save.message"));
        message.setWidthFull();
        message.setId("import-message");
        add(new Paragraph(getTranslation("project.import.help")), new Paragraph(getTranslation("draft.word.help")),
                upload, preview, message);
        Button save = new Button(getTranslation("draft.import"), e -> {
            if (uploaded == null) {
                Notices.error(getTranslation("draft.import.choose-file"));
                return;
            }
            try {
                DraftService.SaveResult result = preview.current() != null
                        ? drafts.importWordVersion(projectId, preview.current(), message.getValue())
                        : drafts.importVersion(projectId, uploaded, message.getValue());
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

    /** The upload's drop label and wrong-type message naming both formats. */
    static void wordLabels(Component owner, Upload upload) {
        upload.setDropLabel(new Span(owner.getTranslation("draft.word.drop")));
        var i18n = upload.getI18n();
        if (i18n != null && i18n.getError() != null) {
            i18n.getError().setIncorrectFileType(owner.getTranslation("draft.word.wrong-type"));
            upload.setI18n(i18n);
        }
    }
}
