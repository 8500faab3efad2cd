package org.draftroom.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.ServerRpcHandler;
import java.time.Clock;
import java.util.Locale;
import org.draftroom.base.Messages;
import org.draftroom.base.RefusedRequest;
import org.draftroom.base.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Sets every new UI's language (see {@link Languages}), also as the page's {@code lang}, and installs the error
 * handler that turns a refused or failed action into a message in the user's language instead of a stack trace.
 * Unexpected errors are logged with an id that the message shows, so support can find them. A client that went away
 * while its answer was being written (broken pipe, connection reset) is not an error: logged at DEBUG in one line.
 *
 * <p>What a browser sends is not trusted: a message Vaadin cannot take (not its structure, an unknown node or event, an
 * out-of-turn message id) fails inside Vaadin's message handling before any code of ours runs. That is the sender's
 * fault, not ours: one warning line without a stack trace, and after {@value MalformedMessages#LIMIT} such messages the
 * session is closed and what else arrives on its push connection is dropped unread (before, each 6-byte message "{}"
 * wrote a 40-line stack trace, and a visitor of the sign-in page could fill the disk). Full stack traces of unexpected
 * errors are kept to {@value #TRACES_PER_MINUTE} a minute; beyond that each is one line with its id.
 */
@Component
class ShellServiceInitListener implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ShellServiceInitListener.class);
    /** Unexpected errors logged with their stack trace in one minute. */
    static final int TRACES_PER_MINUTE = 20;

    private final Clock clock = Clock.systemUTC();
    private long traceMinute;
    private int tracesThisMinute;

    private final ShellUserSupport users;
    private final Messages messages;

    ShellServiceInitListener(ShellUserSupport users, Messages messages) {
        this.users = users;
        this.messages = messages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            Locale locale = Languages.initialLocale(ui.getSession(), VaadinRequest.getCurrent(), users);
            ui.setLocale(locale);
            // The page's lang attribute is written before the UI knows its language (Vaadin takes the first provided
            // locale, Chinese); screen readers and the browser's choice of fonts follow it.
            ui.getPage().executeJs("document.documentElement.lang = $0", locale.toLanguageTag());
        });
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    void handle(ErrorEvent event) {
        if (DisconnectedClientHelper.isClientDisconnectedException(event.getThrowable())) {
            // The browser went away (closed, reloaded, network gone) while its answer was being written: a broken
            // pipe or reset connection, nothing went wrong here and nobody is left to tell.
            log.debug("Client gone before its answer was written: {}", event.getThrowable().toString());
            return;
        }
        Throwable error = rootCause(event.getThrowable());
        if (error instanceof RefusedRequest) {
            // someone sent a message far larger than any page of ours does, or not in their form; reading it stopped
            log.warn("Refused a message: {}", error.getMessage());
            return;
        }
        if (error instanceof ServerRpcHandler.ClientResentPayloadException) {
            // the browser sent its last message again (it did not get the answer); Vaadin's to deal with
            log.debug("A browser sent its last message again");
            return;
        }
        if (sentMalformed(error)) {
            refuseMalformed(error);
            return;
        }
        UI ui = UI.getCurrent();
        Locale locale = ui != null ? ui.getLocale() : Messages.ENGLISH;
        String text;
        if (error instanceof UserFacingException refusal) {
            text = messages.of(refusal, locale);
        } else if (error instanceof AccessDeniedException) {
            text = messages.getTranslation("error.access-denied", locale);
        } else {
            String id = Long.toString(System.nanoTime(), 36);
            if (traceAllowed()) {
                log.error("Unexpected error {}", id, event.getThrowable());
            } else {
                log.error("Unexpected error {} (stack trace left out: more than {} this minute): {}", id,
                        TRACES_PER_MINUTE, oneLine(event.getThrowable()));
            }
            text = messages.getTranslation("error.unexpected", locale, id);
        }
        if (ui != null) {
            Notification n = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /**
     * Whether the error arose in Vaadin's handling of a browser's message, before any code of ours: the first frame
     * that is not the JDK's or the JSON library's is in Vaadin's communication package.
     */
    static boolean sentMalformed(Throwable error) {
        for (StackTraceElement frame : error.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                    || type.startsWith("elemental.")) {
                continue;
            }
            return type.startsWith("com.vaadin.flow.server.communication.");
        }
        return false;
    }

    private void refuseMalformed(Throwable error) {
        VaadinSession session = VaadinSession.getCurrent();
        int count = session == null ? 0 : MalformedMessages.count(session);
        if (count > MalformedMessages.LIMIT) {
            return; // said already; the session is refused
        }
        log.warn("Refused a message Vaadin cannot take from a browser: {}", oneLine(error));
        if (count == MalformedMessages.LIMIT) {
            log.warn("Closing a session after {} such messages", MalformedMessages.LIMIT);
            session.close();
        }
    }

    private synchronized boolean traceAllowed() {
        long minute = clock.millis() / 60_000;
        if (minute != traceMinute) {
            traceMinute = minute;
            tracesThisMinute = 0;
        }
        return ++tracesThisMinute <= TRACES_PER_MINUTE;
    }

    /** The error's type and the first 200 characters of its message, on one line. */
    private static String oneLine(Throwable error) {
        String message = String.valueOf(error.getMessage()).replaceAll("\\s+", " ");
        return error.getClass().getName() + ": "
                + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && !(current instanceof UserFacingException)
                && !(current instanceof AccessDeniedException)) {
            current = current.getCause();
        }
        return current;
    }
}
