package org.draftroom.base.ui;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts, per Vaadin session, the browser messages Vaadin could not take (see {@link ShellServiceInitListener}); once
 * a session has sent {@link #LIMIT} of them it is refused: it is closed, and its push connection drops what else
 * arrives on it unread.
 */
public final class MalformedMessages {

    /** Messages Vaadin cannot take that one session may send before it is refused. */
    public static final int LIMIT = 5;
    private static final String KEY = MalformedMessages.class.getName();

    private MalformedMessages() {
    }

    /**
     * Counts one more such message from the session; how many it has sent (0 when the session is gone). Kept in the
     * HTTP session, which can be read without Vaadin's session lock.
     */
    static int count(VaadinSession session) {
        try {
            AtomicInteger strikes = strikes(session, true);
            return strikes == null ? 0 : strikes.incrementAndGet();
        } catch (IllegalStateException invalidated) {
            return 0;
        }
    }

    /** Whether the session has sent {@link #LIMIT} messages Vaadin could not take (or is gone). */
    public static boolean refused(VaadinSession session) {
        try {
            AtomicInteger strikes = strikes(session, false);
            return strikes != null && strikes.get() >= LIMIT;
        } catch (IllegalStateException invalidated) {
            return true;
        }
    }

    /**
     * The session's count, created when asked to; null without an HTTP session.
     *
     * @throws IllegalStateException when the HTTP session was invalidated
     */
    private static synchronized AtomicInteger strikes(VaadinSession session, boolean create) {
        WrappedSession http = session == null ? null : session.getSession();
        if (http == null) {
            return null;
        }
        AtomicInteger strikes = (AtomicInteger) http.getAttribute(KEY);
        if (strikes == null && create) {
            strikes = new AtomicInteger();
            http.setAttribute(KEY, strikes);
        }
        return strikes;
    }
}
