package org.draftroom.comments.anchoring;

import java.util.List;
import org.draftroom.base.UserFacingException;

/**
 * A comment could not be anchored where the user asked. Carries an i18n message key and its arguments; the keys are
 * listed on {@link Anchor#create(org.draftroom.drafts.domain.NumberedOutline, String, int, int, String, String)}.
 */
public class AnchorException extends UserFacingException {

    public AnchorException(String key, Object... args) {
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
