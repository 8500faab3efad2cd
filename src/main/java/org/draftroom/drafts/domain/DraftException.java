package org.draftroom.drafts.domain;

import java.util.Arrays;
import java.util.List;

/**
 * A draft operation was refused. Carries an i18n message key (for example {@code draft.outline.no-previous-sibling})
 * and its arguments so the user interface can tell the user, in their language, what was wrong.
 */
public class DraftException extends RuntimeException {

    private final String key;
    private final List<Object> args;

    public DraftException(String key, Object... args) {
        super(key + Arrays.toString(args));
        this.key = key;
        this.args = List.of(args);
    }

    /** The message key, as listed in {@code drafts-messages-for-merge.properties}. */
    public String key() {
        return key;
    }

    /** The message arguments, in the order the message's placeholders use them. */
    public List<Object> args() {
        return args;
    }
}
