package org.draftroom.base.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * What the application shell needs to know about the signed-in person, provided by the security module (which the
 * shared kernel must not depend on).
 */
public interface ShellUserSupport {

    /** The signed-in person, if any. */
    Optional<ShellUser> current();

    /** Remembers the person's language for their next sign-in. */
    void rememberLocale(Locale locale);

    /** @param preferredLocale the language the person chose, or null when they never chose one */
    record ShellUser(String username, String displayName, Locale preferredLocale) {
    }
}
