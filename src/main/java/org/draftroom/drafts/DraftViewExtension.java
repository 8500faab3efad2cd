package org.draftroom.drafts;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.draftroom.drafts.service.DraftService;

/**
 * Something another module adds to the view of a draft (a toolbar item such as downloads, notes beside clauses),
 * contributed as a bean, so the drafts module does not depend on the modules that build on it.
 */
public interface DraftViewExtension {

    /** The toolbar item for the version the person is looking at. */
    Component toolbarItem(DraftService.DraftSnapshot snapshot);

    /** Notes beside clauses of that version, and the structure warnings they raise; none by default. */
    default List<ClauseNote> clauseNotes(DraftService.DraftSnapshot snapshot) {
        return List.of();
    }
}
