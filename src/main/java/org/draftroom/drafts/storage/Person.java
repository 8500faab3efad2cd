package org.draftroom.drafts.storage;

import java.util.Objects;

/**
 * A person as Git records them: display name and e-mail address.
 *
 * @param name display name, not blank, without angle brackets or line breaks
 * @param email e-mail address, not blank, without angle brackets or line breaks
 */
public record Person(String name, String email) {

    public Person {
        requireClean(name, "name");
        requireClean(email, "email");
    }

    private static void requireClean(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.chars().anyMatch(c -> c == '<' || c == '>' || c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("Person " + what + " must be non-blank and free of '<', '>' and line"
                    + " breaks: '" + value + "'");
        }
    }

    /** @return {@code Name <email>}, as in a Git trailer */
    @Override
    public String toString() {
        return name + " <" + email + ">";
    }
}
