package org.draftroom.base.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Set;

/**
 * An item of the main navigation, contributed by a module as a bean. Shown to signed-in users who hold one of the
 * roles (all signed-in users when the set is empty), in ascending order.
 *
 * @param labelKey message key of the label
 * @param path     route path, without leading slash
 * @param roles    role names ({@code ADMIN}, {@code SECRETARIAT}, ...)
 */
public record NavigationEntry(String labelKey, String path, VaadinIcon icon, int order, Set<String> roles) {
}
