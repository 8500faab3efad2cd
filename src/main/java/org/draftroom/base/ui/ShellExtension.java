package org.draftroom.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Something a module puts in the shell's top bar for signed-in people (e.g. the notification bell), contributed as
 * a bean; {@link #create()} is called for every shell, on its UI thread.
 */
public interface ShellExtension {

    Component create();
}
