package org.draftroom.drafts.storage;

import java.util.List;
import org.draftroom.base.UserFacingException;

/**
 * Base class of every error the draft store reports.
 *
 * <p>Each exception carries a message key from the i18n bundles ({@code drafts.error.*}) and the arguments that fill
 * its placeholders, so the UI can tell the user in their language what was wrong. {@link #getMessage()} is an English
 * text for logs only.
 */
public class DraftStoreException extends UserFacingException {

    /**
     * @param messageKey i18n key of the user-facing message, e.g. {@code drafts.error.unknown-ref}
     * @param logMessage English message for logs
     * @param cause underlying failure, may be {@code null}
     * @param arguments values for the placeholders of the message, in order
     */
    public DraftStoreException(String messageKey, String logMessage, Throwable cause, Object... arguments) {
        super(messageKey, logMessage, cause, arguments);
    }

    /** @return the placeholder values of the message, never {@code null} */
    public List<Object> arguments() {
        return List.of(args());
    }
}
