package org.draftroom.drafts.domain;

import java.util.List;
import org.draftroom.base.UserFacingException;

/**
 * A draft operation was refused. Carries an i18n message key (for example {@code draft.outline.no-previous-sibling})
 * and its arguments so the user interface can tell the user, in their language, what was wrong.
 */
public class DraftException extends UserFacingException {

    public DraftException(String key, Object... args) {
        super(key, args);
    }

    /** The message key. */
    public String key() {
        return messageKey();
    }

    /** The message arguments, in the order the message's placeholders use them. */
    public List<Object> argList() {
        return List.of(args());
    }
}
