package org.draftroom.drafts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.LimitedUploadBuffer;
import org.draftroom.base.ui.Notices;
import org.draftroom.drafts.domain.DraftImporter;
import org.draftroom.drafts.domain.DraftProblem;
import org.draftroom.drafts.service.ImportRejectedException;

/** Showing the drafts module's refusals and structure warnings in the user's language. */
final class DraftsUi {

    private DraftsUi() {
    }

    /** A refusal as a notification; a refused Markdown file as a dialog listing every problem. */
    static void show(Component owner, UserFacingException refusal) {
        if (refusal instanceof ImportRejectedException rejected) {
            Dialog dialog = new Dialog();
            dialog.setId("import-problems");
            dialog.setHeaderTitle(owner.getTranslation("draft.import.rejected", rejected.problems().size()));
            dialog.add(new Paragraph(owner.getTranslation("draft.import.nothing-written")), problems(owner,
                    rejected.problems()));
            dialog.getFooter().add(new Button(owner.getTranslation("action.close"), e -> dialog.close()));
            dialog.open();
            return;
        }
        Notices.show(owner, refusal, Map.of());
    }

    static void error(String text) {
        Notices.error(text);
    }

    /**
     * An upload field for one Markdown draft of at most {@code maxBytes}, counted on the server too; hands over its
     * bytes, or calls {@code failed} when the file was refused or the upload failed (so that nothing is created
     * from a file that did not arrive whole).
     */
    static Upload markdownUpload(Component owner, long maxBytes, Consumer<byte[]> received, Runnable failed) {
        return markdownUpload(owner, maxBytes, (name, bytes) -> received.accept(bytes), failed);
    }

    /** The same, accepting Word files too and handing over the file's name with its bytes. */
    static Upload markdownUpload(Component owner, long maxBytes, BiConsumer<String, byte[]> received,
                                 Runnable failed) {
        LimitedUploadBuffer buffer = new LimitedUploadBuffer(maxBytes);
        Upload upload = new Upload(buffer);
        long megabytes = Math.max(1, maxBytes / 1024 / 1024);
        upload.setAcceptedFileTypes(".md", "text/markdown", "text/plain", ".docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        upload.setMaxFileSize((int) maxBytes);
        upload.setDropLabel(new Span(owner.getTranslation("project.import.drop")));
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(owner.getTranslation("upload.choose")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(owner.getTranslation("project.import.drop")));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(owner.getTranslation("draft.import.limit", megabytes))
                .setIncorrectFileType(owner.getTranslation("upload.wrong-type"))
                .setTooManyFiles(owner.getTranslation("upload.one-file")));
        upload.setI18n(i18n);
        upload.addStartedListener(e -> failed.run());
        upload.addSucceededListener(e -> {
            if (buffer.tooLarge()) {
                upload.clearFileList();
                Notices.error(owner.getTranslation("draft.import.limit", megabytes));
                return;
            }
            received.accept(e.getFileName(), buffer.bytes());
        });
        upload.addFailedListener(e -> {
            failed.run();
            Notices.error(owner.getTranslation("upload.failed", e.getFileName()));
        });
        upload.addFileRejectedListener(e -> {
            failed.run();
            Notices.error(rejection(owner, e.getFileName(), e.getErrorMessage(), megabytes));
        });
        upload.addFileRemovedListener(e -> failed.run());
        return upload;
    }

    /**
     * Why the browser refused a file, naming it. The upload component says which of its checks failed through the
     * message it reports (one of those set in its {@link UploadI18N}): that reason is given, never the size limit for a
     * file of the wrong type.
     */
    static String rejection(Component owner, String fileName, String clientMessage, long megabytes) {
        String reason = clientMessage == null || clientMessage.isBlank()
                ? owner.getTranslation("upload.wrong-type") : clientMessage;
        if (reason.equals(owner.getTranslation("draft.import.limit", megabytes))) {
            return reason;
        }
        return owner.getTranslation("upload.rejected", fileName == null ? "" : fileName, reason);
    }

    /** The text of one structure problem. */
    static String text(Component owner, DraftProblem problem) {
        return owner.getTranslation(problem.key(), problem.args().toArray());
    }

    static UnorderedList problems(Component owner, List<DraftProblem> problems) {
        UnorderedList list = new UnorderedList();
        list.addClassName("draft-problems");
        problems.forEach(p -> list.add(new ListItem(text(owner, p))));
        return list;
    }
}
