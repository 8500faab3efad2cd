package org.draftroom.search.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.draftroom.drafts.ClauseNote;
import org.draftroom.drafts.DraftViewExtension;
import org.draftroom.drafts.domain.DraftProblem;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.search.index.IndexedItem;
import org.draftroom.search.service.SearchService;
import org.draftroom.search.service.TermComparison;

/**
 * What search adds to a draft's view: the "Find" entry of the toolbar (find, replace, terms shared with other
 * standards), saying how many of the draft's terms other standards define differently, and beside each such term the
 * other standards' definitions, with a structure warning where they differ.
 */
@org.springframework.stereotype.Component
class FindToolbarEntry implements DraftViewExtension {

    private final SearchService search;

    FindToolbarEntry(SearchService search) {
        this.search = search;
    }

    @Override
    public Component toolbarItem(DraftService.DraftSnapshot snapshot) {
        String projectId = snapshot.project().id();
        long differing = search.sharedTerms(projectId).stream().filter(TermComparison.SharedTerm::differs).count();
        Button open = new Button(open(differing), VaadinIcon.SEARCH.create());
        open.setId("open-find");
        String ref = snapshot.editable() ? "" : "?ref=" + snapshot.version().commitId();
        open.addClickListener(e -> open.getUI().ifPresent(ui -> ui.navigate("projects/" + projectId + "/find"
                + ref)));
        return open;
    }

    @Override
    public List<ClauseNote> clauseNotes(DraftService.DraftSnapshot snapshot) {
        UI ui = UI.getCurrent();
        List<ClauseNote> notes = new ArrayList<>();
        for (TermComparison.SharedTerm shared : search.sharedTerms(snapshot.project().id())) {
            IndexedItem term = shared.term();
            List<ClauseNote.Line> lines = shared.elsewhere().stream().map(other -> new ClauseNote.Line(
                    other.projectCode() + " " + other.number(),
                    "projects/" + other.projectId() + "/find?clause=" + other.clauseId(),
                    TermComparison.definitionText(other.text()))).toList();
            String others = shared.elsewhere().stream().map(IndexedItem::projectCode).distinct()
                    .collect(Collectors.joining(", "));
            String title = ui.getTranslation(shared.differs() ? "find.terms.note-differs" : "find.terms.note-same",
                    others);
            DraftProblem warning = shared.differs() ? new DraftProblem(term.clauseId(), 0,
                    "find.terms.check-differs", List.of(term.number(), term.title(), others)) : null;
            notes.add(new ClauseNote(term.clauseId(), title, lines, warning));
        }
        return notes;
    }

    private static String open(long differing) {
        return differing == 0 ? com.vaadin.flow.component.UI.getCurrent().getTranslation("find.query")
                : com.vaadin.flow.component.UI.getCurrent().getTranslation("find.toolbar.terms", differing);
    }
}
