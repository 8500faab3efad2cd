package org.draftroom.rounds.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.Map;
import java.util.stream.Collectors;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.LimitedUploadBuffer;
import org.draftroom.base.ui.Notices;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.SheetPreview;
import org.draftroom.rounds.service.SheetService;

/**
 * Uploads a filled comment sheet into a round: every row is shown with the clause it resolves to in the frozen
 * version and its problems; only a sheet without problems can be imported, all rows at once.
 */
class SheetUploadDialog extends Dialog {

    final Grid<SheetPreview.Row> preview = new Grid<>();
    final Div fileProblems = new Div();
    final Span summary = new Span();
    final Button importButton = new Button();
    SheetPreview current;

    SheetUploadDialog(SheetService sheets, Round round, Runnable imported) {
        setId("sheet-dialog");
        setHeaderTitle(getTranslation("rounds.sheet.title"));
        setWidth("1100px");
        long maxBytes = sheets.maxBytes();
        LimitedUploadBuffer buffer = new LimitedUploadBuffer(maxBytes);
        Upload upload = new Upload(buffer);
        upload.setAcceptedFileTypes(".docx", ".xlsx", ".xls");
        upload.setMaxFileSize((int) maxBytes);
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("upload.choose")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("rounds.sheet.drop")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(getTranslation("sheet.too-large", "",
                maxBytes / 1024 / 1024)).setIncorrectFileType(getTranslation("rounds.sheet.wrong-type"))
                .setTooManyFiles(getTranslation("upload.one-file")));
        upload.setI18n(i18n);
        upload.setId("sheet-upload");
        upload.addSucceededListener(e -> {
            try {
                if (buffer.tooLarge()) {
                    throw new UserFacingException("sheet.too-large", e.getFileName(), maxBytes / 1024 / 1024);
                }
                show(sheets.preview(round.id(), e.getFileName(), buffer.bytes()));
            } catch (UserFacingException refusal) {
                upload.clearFileList();
                Notices.show(this, refusal, Map.of());
            }
        });
        Paragraph help = new Paragraph(getTranslation("rounds.sheet.help"));
        help.addClassName("version-line");

        preview.addColumn(SheetPreview.Row::rowNumber).setHeader(getTranslation("rounds.sheet.row")).setWidth("70px")
                .setFlexGrow(0);
        preview.addColumn(r -> r.clause() + (r.clauseNumber().isEmpty() || r.clauseNumber().equals(r.clause())
                ? "" : " → " + r.clauseNumber())).setHeader(getTranslation("dispositions.clause")).setWidth("120px")
                .setFlexGrow(0);
        preview.addColumn(r -> getTranslation("rounds.sheet.change." + r.change().name()))
                .setHeader(getTranslation("rounds.sheet.change")).setWidth("90px").setFlexGrow(0);
        preview.addColumn(r -> r.type() == null ? "" : r.type().code()).setHeader(getTranslation("dispositions.type"))
                .setWidth("70px").setFlexGrow(0);
        preview.addColumn(SheetPreview.Row::comment).setHeader(getTranslation("dispositions.comment")).setFlexGrow(3);
        preview.addColumn(SheetPreview.Row::proposedChange).setHeader(getTranslation("dispositions.proposed"))
                .setFlexGrow(2);
        preview.addComponentColumn(r -> {
            Span problems = new Span(r.problems().stream().map(p -> getTranslation(p.key(), p.args().toArray()))
                    .collect(Collectors.joining(" ")));
            problems.getStyle().set("color", "var(--lumo-error-text-color)");
            return problems;
        }).setHeader(getTranslation("rounds.sheet.problems")).setFlexGrow(2);
        preview.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        preview.setHeight("380px");
        preview.setId("sheet-preview");
        preview.setVisible(false);
        fileProblems.setId("sheet-file-problems");
        fileProblems.getStyle().set("color", "var(--lumo-error-text-color)");
        summary.setId("sheet-summary");

        importButton.setText(getTranslation("rounds.sheet.import"));
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.setId("sheet-import");
        importButton.addClickListener(e -> {
            try {
                int n = sheets.importSheet(round.id(), current);
                Notices.success(getTranslation("rounds.sheet.imported", n));
                close();
                imported.run();
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, Map.of());
            }
        });
        add(help, upload, fileProblems, summary, preview);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), importButton);
    }

    void show(SheetPreview sheet) {
        current = sheet;
        fileProblems.removeAll();
        sheet.fileProblems().forEach(p -> fileProblems.add(new Paragraph(getTranslation(p.key(), p.args().toArray()))));
        if (sheet.alreadyImported()) {
            fileProblems.add(new Paragraph(getTranslation("rounds.sheet.already-imported", sheet.fileName())));
        }
        long bad = sheet.rows().stream().filter(r -> !r.ok()).count();
        summary.setText(sheet.rows().isEmpty() ? "" : getTranslation(bad == 0 ? "rounds.sheet.summary.ok"
                : "rounds.sheet.summary", sheet.rows().size(), bad) + " " + getTranslation("rounds.sheet.changes",
                sheet.count(SheetPreview.Change.NEW), sheet.count(SheetPreview.Change.CHANGED),
                sheet.count(SheetPreview.Change.UNCHANGED)));
        preview.setItems(sheet.rows());
        preview.setVisible(!sheet.rows().isEmpty());
        importButton.setEnabled(sheet.importable());
        importButton.setText(getTranslation("rounds.sheet.import-n", sheet.count(SheetPreview.Change.NEW)
                + sheet.count(SheetPreview.Change.CHANGED)));
    }
}
