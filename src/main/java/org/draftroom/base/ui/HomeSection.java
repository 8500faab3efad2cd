package org.draftroom.base.ui;

import com.vaadin.flow.component.Component;

/**
 * What a module shows on the start page of a role, contributed as a bean (prototype-like: {@link #content()} is
 * called for every visit, on the UI thread of the signed-in person). A role without a contribution shows a sentence
 * saying what will appear there.
 */
public interface HomeSection {

    /** The role whose start page shows this ({@code EDITOR}, {@code SECRETARIAT}, ...). */
    String role();

    /** The section's content for the signed-in person. */
    Component content();
}
