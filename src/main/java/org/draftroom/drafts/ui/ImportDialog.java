package org.draftroom.drafts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.drafts.domain.ClauseMatching;
import org.draftroom.drafts.domain.ImportOptions;
import org.draftroom.drafts.domain.NumberMismatch;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.imports.DocxImporter;
import org.draftroom.drafts.service.DraftService;

/**
 * An editor uploads a Markdown or Word file as the next version of the draft. Before anything is saved the dialog
 * shows how a Markdown file's clauses were matched to the latest version's ("5.2 kept", "6.1 ← old 5.5 moved", "5.3
 * new", "old 5.4 deleted"), lets the editor pair a clause with another old clause or mark it new, and lists typed
 * numbers that differ from GB/T 1.1's. A Word file is previewed (outline, what cannot be taken over, the
 * tracked-changes choice) and matched the same way when saved. A faulty file is refused with every problem.
 */
class ImportDialog extends Dialog {

    private static final String NEW = "";

    private final DraftService drafts;
    private final String projectId;
    private final Div preview = new Div();
    private final Map<Integer, String> corrections = new LinkedHashMap<>();
    private byte[] uploaded;
    private WordPreview word;
    private DraftService.ImportPreview computed;
    private DraftService.ImportPreview current;
    private List<NumberedClause> oldClauses = List.of();
    private boolean numberedIntroduction;

    ImportDialog(DraftService drafts, long maxBytes, String projectId, Runnable onImported) {
        this.drafts = drafts;
        this.projectId = projectId;
        setId("import-dialog");
        setHeaderTitle(getTranslation("draft.import"));
        setWidth("min(1200px, 96vw)");
        WordPreview word = new WordPreview();
        this.word = word;
        Upload upload = DraftsUi.markdownUpload(this, Math.max(maxBytes, DocxImporter.MAX_BYTES), (name, bytes) -> {
            uploaded = bytes;
            numberedIntroduction = false;
            word.clear();
            computed = null;
            current = null;
            preview.removeAll();
            if (WordPreview.isWord(name, bytes)) {
                try {
                    word.show(bytes);
                } catch (UserFacingException refusal) {
                    uploaded = null;
                    DraftsUi.show(this, refusal);
                }
            } else if (bytes.length > maxBytes) {
                uploaded = null;
                Notices.error(getTranslation("draft.import.limit", Math.max(1, maxBytes / 1024 / 1024)));
            } else {
                check();
            }
        }, () -> {
            uploaded = null;
            computed = null;
            current = null;
            word.clear();
            preview.removeAll();
        });
        wordLabels(this, upload);
        TextField message = new TextField(getTranslation("draft.save.message"));
        message.setWidthFull();
        message.setId("import-message");
        preview.setId("import-preview");
        preview.setWidthFull();
        add(new Paragraph(getTranslation("project.import.help")), new Paragraph(getTranslation("draft.word.help")),
                upload, word, message, preview);
        Button save = new Button(getTranslation("draft.import"), e -> {
            if (uploaded == null || (current == null && word.current() == null)) {
                Notices.error(getTranslation("draft.import.choose-file"));
                return;
            }
            try {
                DraftService.SaveResult result = word.current() != null
                        ? drafts.importWordVersion(projectId, word.current(), message.getValue())
                        : drafts.importVersion(current, message.getValue());
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

    /** Reads the file and matches it against the latest version; shows the result. Writes nothing. */
    private void check() {
        try {
            computed = drafts.previewVersion(projectId, uploaded, new ImportOptions(numberedIntroduction));
            corrections.clear();
            current = computed;
            oldClauses = drafts.open(projectId, computed.baseCommitId()).outline().clauses();
            show();
        } catch (UserFacingException refusal) {
            computed = null;
            current = null;
            preview.removeAll();
            DraftsUi.show(this, refusal);
        }
    }

    private void show() {
        preview.removeAll();
        ClauseMatching matching = current.matching();
        Paragraph summary = new Paragraph(getTranslation("draft.match.summary",
                matching.count(ClauseMatching.Status.KEPT), matching.count(ClauseMatching.Status.MOVED),
                matching.count(ClauseMatching.Status.NEW), matching.count(ClauseMatching.Status.DELETED)));
        summary.setId("match-summary");
        preview.add(new Span(getTranslation("draft.match.title")), summary);
        if (current.upload().typedIntroduction()) {
            RadioButtonGroup<Boolean> introduction = new RadioButtonGroup<>(getTranslation("draft.match.introduction"));
            introduction.setId("match-introduction");
            introduction.setItems(false, true);
            introduction.setItemLabelGenerator(numbered -> getTranslation(numbered
                    ? "draft.match.introduction.numbered" : "draft.match.introduction.unnumbered"));
            introduction.setValue(numberedIntroduction);
            introduction.addValueChangeListener(e -> {
                numberedIntroduction = e.getValue();
                check();
            });
            preview.add(introduction);
        }
        List<NumberMismatch> mismatches = current.upload().numberMismatches();
        if (!mismatches.isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.setId("match-numbers");
            mismatches.forEach(m -> list.add(new ListItem(getTranslation("draft.match.number", m.typed(), m.title(),
                    m.computed().isEmpty() ? getTranslation("draft.match.unnumbered") : m.computed()))));
            preview.add(new Paragraph(getTranslation("draft.match.numbers-differ", mismatches.size())), list);
        }
        Grid<ClauseMatching.Match> grid = new Grid<>();
        grid.setId("match-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(matching.matches().size() <= 12);
        if (matching.matches().size() > 12) {
            grid.setHeight("420px");
        }
        grid.addColumn(m -> m.newIndex() < 0 ? "" : label(m.newNumber(), m.newTitle()))
                .setHeader(getTranslation("draft.match.column.new")).setFlexGrow(3);
        grid.addComponentColumn(this::statusOf).setHeader(getTranslation("draft.match.column.status"))
                .setFlexGrow(2);
        grid.addComponentColumn(this::choiceOf).setHeader(getTranslation("draft.match.column.old")).setFlexGrow(3);
        grid.setItems(matching.matches());
        preview.add(grid);
    }

    private Span statusOf(ClauseMatching.Match m) {
        String text = switch (m.status()) {
            case KEPT -> getTranslation("draft.match.kept", m.newNumber(), m.oldNumber());
            case MOVED -> getTranslation("draft.match.moved", m.newNumber(), m.oldNumber());
            case NEW -> getTranslation("draft.match.new", m.newNumber());
            case DELETED -> getTranslation("draft.match.deleted", m.oldNumber(), m.oldTitle());
        };
        if (m.retitled()) {
            text += " · " + getTranslation("draft.match.retitled", m.oldTitle());
        }
        if (m.corrected()) {
            text += " · " + getTranslation("draft.match.corrected");
        }
        Span status = new Span(text);
        status.getElement().getThemeList().add("badge " + switch (m.status()) {
            case KEPT -> "contrast";
            case MOVED -> "";
            case NEW -> "success";
            case DELETED -> "error";
        });
        status.addClassName("match-" + m.status().name().toLowerCase(java.util.Locale.ROOT));
        return status;
    }

    /** For a clause of the new version: which old clause it is, or "new clause". Deleted rows have no choice. */
    private com.vaadin.flow.component.Component choiceOf(ClauseMatching.Match m) {
        if (m.newIndex() < 0) {
            return new Span();
        }
        Select<String> select = new Select<>();
        List<String> items = new ArrayList<>();
        items.add(NEW);
        oldClauses.forEach(c -> items.add(c.id()));
        select.setItems(items);
        Map<String, String> labels = new LinkedHashMap<>();
        oldClauses.forEach(c -> labels.put(c.id(), label(c.number(), c.clause().title())));
        select.setItemLabelGenerator(id -> id.isEmpty() ? getTranslation("draft.match.option.new")
                : labels.getOrDefault(id, id));
        select.setValue(m.status() == ClauseMatching.Status.NEW ? NEW : m.id());
        select.setWidthFull();
        select.getElement().setAttribute("aria-label", getTranslation("draft.match.column.old"));
        select.addClassName("match-choice");
        select.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            String choice = e.getValue() == null ? NEW : e.getValue();
            if (!choice.isEmpty()) {
                corrections.values().removeIf(choice::equals); // a later choice of the same old clause wins
            }
            corrections.put(m.newIndex(), choice);
            try {
                current = drafts.correct(computed, corrections);
                show();
            } catch (UserFacingException refusal) {
                corrections.remove(m.newIndex());
                select.setValue(e.getOldValue());
                DraftsUi.show(this, refusal);
            }
        });
        return select;
    }

    private String label(String number, String title) {
        return number.isEmpty() ? title : number + " " + title;
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
