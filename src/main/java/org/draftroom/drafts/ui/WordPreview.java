package org.draftroom.drafts.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.Locale;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.imports.DocxImporter;
import org.draftroom.drafts.imports.WordImport;
import org.draftroom.drafts.service.DraftService;

/**
 * The preview of an uploaded Word file before anything is saved: the tracked-changes question (when the file has
 * any), the clause outline with the numbers Word showed, and everything that could not be taken over, with its
 * place. A refused file shows its reasons instead (the dialog's refusal).
 */
class WordPreview extends Div {

    private final RadioButtonGroup<DocxImporter.TrackedChanges> tracked = new RadioButtonGroup<>();
    private final Div content = new Div();
    private byte[] docx;
    private WordImport current;

    WordPreview() {
        setId("word-preview");
        setWidthFull();
        tracked.setId("word-tracked");
        tracked.setLabel(getTranslation("draft.word.tracked"));
        tracked.setItems(DocxImporter.TrackedChanges.values());
        tracked.setItemLabelGenerator(m -> getTranslation("draft.word.tracked."
                + m.name().toLowerCase(Locale.ROOT)));
        tracked.setValue(DocxImporter.TrackedChanges.ACCEPTED);
        tracked.addValueChangeListener(e -> {
            if (e.isFromClient() && docx != null && e.getValue() != null) {
                read(e.getValue());
            }
        });
        setVisible(false);
        add(new H4(getTranslation("draft.word.preview")), tracked, content);
    }

    /** Reads the file for the preview; a refused file throws (nothing is shown, nothing saved). */
    void show(byte[] bytes) {
        docx = bytes;
        current = null;
        tracked.setValue(DocxImporter.TrackedChanges.ACCEPTED);
        try {
            read(DocxImporter.TrackedChanges.ACCEPTED);
        } catch (UserFacingException refused) {
            clear();
            throw refused;
        }
    }

    void clear() {
        docx = null;
        current = null;
        content.removeAll();
        setVisible(false);
    }

    /** The import as previewed (in the tracked-changes state chosen), or null when no Word file is shown. */
    WordImport current() {
        return current;
    }

    private void read(DocxImporter.TrackedChanges mode) {
        WordImport word = DraftService.readWord(docx, mode);
        current = word;
        content.removeAll();
        tracked.setVisible(word.trackedChanges());

        content.add(new Span(getTranslation("draft.word.preview.outline", word.outline().size())));
        UnorderedList outline = new UnorderedList();
        outline.setId("word-outline");
        outline.getStyle().set("max-height", "16em").set("overflow", "auto").set("margin", "0.25em 0");
        for (WordImport.OutlineEntry e : word.outline()) {
            String text = (e.number().isEmpty() ? "" : e.kind().equals("annex")
                    ? (getLocale().getLanguage().equals("zh") ? "附录" : "Annex ") + e.number() + " "
                    : e.number() + " ") + e.title();
            ListItem item = new ListItem(text);
            item.getStyle().set("margin-left", (e.level() - 1) * 1.2 + "em");
            if (!e.wordNumber().isEmpty() && !e.wordNumber().equals(e.number())) {
                Span was = new Span(" (" + getTranslation("draft.word.preview.word-number", e.wordNumber()) + ")");
                was.getStyle().set("color", "var(--lumo-error-text-color)");
                item.add(was);
            }
            outline.add(item);
        }
        content.add(outline);

        if (word.unmapped().isEmpty()) {
            content.add(new Paragraph(getTranslation("draft.word.preview.all-mapped")));
        } else {
            content.add(new Span(getTranslation("draft.word.preview.unmapped", word.unmapped().size())));
            UnorderedList unmapped = new UnorderedList();
            unmapped.setId("word-unmapped");
            unmapped.getStyle().set("max-height", "10em").set("overflow", "auto").set("margin", "0.25em 0");
            for (WordImport.Unmapped u : word.unmapped()) {
                String place = u.place().isEmpty() ? getTranslation("draft.word.preview.before-first-heading")
                        : u.place();
                unmapped.add(new ListItem(place + " — " + getTranslation("draft.word.unmapped." + u.kind(),
                        u.detail())));
            }
            content.add(unmapped);
        }
        if (!word.figures().isEmpty()) {
            content.add(new Paragraph(getTranslation("draft.word.preview.figures", word.figures().size())));
        }
        if (!word.comments().isEmpty()) {
            content.add(new Paragraph(getTranslation("draft.word.preview.comments", word.comments().size())));
        }
        if (!word.warnings().isEmpty()) {
            content.add(new Paragraph(getTranslation("draft.word.preview.warnings", word.warnings().size())));
        }
        setVisible(true);
    }

    /** Whether these bytes (or this file name) are a Word file rather than Markdown. */
    static boolean isWord(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".docx") || name.endsWith(".doc")) {
            return true;
        }
        return bytes.length >= 4 && (bytes[0] == 'P' && bytes[1] == 'K'
                || (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF);
    }
}
