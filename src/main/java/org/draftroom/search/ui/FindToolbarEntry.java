package org.draftroom.search.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.draftroom.drafts.DraftViewExtension;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.search.service.SearchService;
import org.draftroom.search.service.TermComparison;

/**
 * The "Find" entry of a draft's toolbar (find, replace, terms shared with other standards); it says how many of the
 * draft's terms other standards define differently, which is a structure warning for the terminology.
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

    private static String open(long differing) {
        return differing == 0 ? com.vaadin.flow.component.UI.getCurrent().getTranslation("find.query")
                : com.vaadin.flow.component.UI.getCurrent().getTranslation("find.toolbar.terms", differing);
    }
}
