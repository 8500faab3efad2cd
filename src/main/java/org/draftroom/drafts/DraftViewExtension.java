package org.draftroom.drafts;

import com.vaadin.flow.component.Component;
import org.draftroom.drafts.service.DraftService;

/**
 * Something another module adds to the toolbar of a draft (e.g. downloads), contributed as a bean, so the drafts
 * module does not depend on the modules that build on it.
 */
public interface DraftViewExtension {

    /** The toolbar item for the version the person is looking at. */
    Component toolbarItem(DraftService.DraftSnapshot snapshot);
}
