package org.draftroom.base;

import java.util.Arrays;

/**
 * A refusal or validation failure that the user can act on. It carries a message key of the i18n bundles and its
 * arguments, so every edge (view, REST API) can tell the user what was wrong in their language. Nothing was changed
 * when a service throws it.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public UserFacingException(String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    /** For refusals that wrap a lower-level failure; {@code logMessage} is for logs, not for users. */
    protected UserFacingException(String messageKey, String logMessage, Throwable cause, Object... args) {
        super(logMessage, cause);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
