package org.draftroom.rounds.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.stream.Collectors;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.LimitedUploadBuffer;
import org.draftroom.base.ui.Notices;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.SheetImportOffer;
import org.draftroom.rounds.domain.SheetPreview;
import org.draftroom.rounds.service.SheetService;

/**
 * Uploads a filled comment sheet into a round: every row is shown with the clause it resolves to in the frozen
 * version and its problems. What can be imported is the service's answer ({@link SheetService#offer}): a sheet without
 * problems all at once, a sheet with problems its valid rows, the rows with problems downloadable as a sheet to
 * correct and upload again. Nothing is written until the import button is pressed.
 */
class SheetUploadDialog extends Dialog {

    final Grid<SheetPreview.Row> preview = new Grid<>();
    final Div fileProblems = new Div();
    final Span summary = new Span();
    final Button importButton = new Button();
    final Anchor problemRows = new Anchor();
    SheetPreview current;
    SheetImportOffer offer;
    private final SheetService sheets;
    private final Round round;

    SheetUploadDialog(SheetService sheets, Round round, Runnable imported) {
        this.sheets = sheets;
        this.round = round;
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
        preview.addColumn(r -> getTranslation(r.ok() ? "rounds.sheet.change." + r.change().name()
                        : "rounds.sheet.change.left-out"))
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
                int n = sheets.importSheet(round.id(), current, offer.partial());
                Notices.success(offer.partial() ? getTranslation("rounds.sheet.imported.partial", n,
                        offer.withProblems()) : getTranslation("rounds.sheet.imported", n));
                close();
                imported.run();
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, Map.of());
            }
        });
        problemRows.setId("sheet-problem-rows");
        problemRows.getElement().setAttribute("download", true);
        problemRows.setVisible(false);
        Div summaryLine = new Div(summary, problemRows);
        summaryLine.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)")
                .set("align-items", "baseline");
        add(help, upload, fileProblems, summaryLine, preview);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), importButton);
    }

    void show(SheetPreview sheet) {
        current = sheet;
        offer = sheets.offer(sheet);
        fileProblems.removeAll();
        sheet.fileProblems().forEach(p -> fileProblems.add(new Paragraph(getTranslation(p.key(), p.args().toArray()))));
        if (sheet.alreadyImported()) {
            fileProblems.add(new Paragraph(getTranslation("rounds.sheet.already-imported", sheet.fileName())));
        }
        // The counts of the valid rows only, so that the summary adds up to what the button imports.
        long added = sheet.validChanges().stream().filter(r -> r.change() == SheetPreview.Change.NEW).count();
        String changes = getTranslation("rounds.sheet.changes", added, offer.toImport() - added, offer.unchanged());
        String text;
        if (sheet.rows().isEmpty()) {
            text = "";
        } else if (!offer.partial()) {
            text = getTranslation("rounds.sheet.summary.ok", sheet.rows().size()) + " " + changes;
        } else if (offer.toImport() > 0) {
            text = getTranslation("rounds.sheet.summary.partial", offer.toImport(), offer.withProblems()) + " "
                    + changes;
        } else {
            text = getTranslation("rounds.sheet.summary", sheet.rows().size(), offer.withProblems());
        }
        summary.setText(text);
        preview.setItems(sheet.rows());
        preview.setVisible(!sheet.rows().isEmpty());
        importButton.setEnabled(offer.possible());
        importButton.setText(offer.partial() && offer.possible()
                ? getTranslation("rounds.sheet.import-valid", offer.toImport())
                : getTranslation("rounds.sheet.import-n", offer.toImport()));
        problemRows.setVisible(offer.partial());
        if (offer.partial()) {
            problemRows.setText(getTranslation("rounds.sheet.problem-rows", offer.withProblems()));
            java.util.Locale locale = getLocale();
            problemRows.setHref(new StreamResource(SheetService.problemRowsFileName(sheet),
                    () -> new ByteArrayInputStream(sheets.problemRowsSheet(round.id(), sheet, locale))));
        }
    }
}
