package org.draftroom.drafts;

import com.vaadin.flow.component.Component;
import org.draftroom.drafts.service.DraftService;

/** Something another module adds to the redline view (e.g. downloads), contributed as a bean. */
public interface RedlineViewExtension {

    /** The toolbar item for the comparison the person is looking at. */
    Component toolbarItem(DraftService.Comparison comparison, String projectId);
}
