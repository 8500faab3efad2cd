package org.draftroom.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
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
 */
@Component
class ShellServiceInitListener implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ShellServiceInitListener.class);

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
        UI ui = UI.getCurrent();
        Locale locale = ui != null ? ui.getLocale() : Messages.ENGLISH;
        String text;
        if (error instanceof UserFacingException refusal) {
            text = messages.of(refusal, locale);
        } else if (error instanceof AccessDeniedException) {
            text = messages.getTranslation("error.access-denied", locale);
        } else {
            String id = Long.toString(System.nanoTime(), 36);
            log.error("Unexpected error {}", id, event.getThrowable());
            text = messages.getTranslation("error.unexpected", locale, id);
        }
        if (ui != null) {
            Notification n = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
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
