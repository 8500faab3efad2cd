package org.draftroom.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.draftroom.base.Messages;

/**
 * Chooses the language of a UI: the signed-in person's remembered choice, else the choice made in this browser
 * session (e.g. on the login page), else the browser's language. Switching reloads the page so every text,
 * including the components' own, is rendered anew.
 */
public final class Languages {

    private static final String SESSION_CHOICE = Languages.class.getName() + ".choice";

    private Languages() {
    }

    static Locale initialLocale(VaadinSession session, VaadinRequest request, ShellUserSupport users) {
        Locale remembered = users.current().map(ShellUserSupport.ShellUser::preferredLocale).orElse(null);
        if (remembered != null) {
            return remembered;
        }
        Object chosen = session.getAttribute(SESSION_CHOICE);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        return Messages.supported(request == null ? null : request.getLocale());
    }

    /** Switches this browser session (and, when signed in, the person's remembered choice) to the language. */
    public static void switchTo(Locale locale, ShellUserSupport users) {
        Locale supported = Messages.supported(locale);
        VaadinSession.getCurrent().setAttribute(SESSION_CHOICE, supported);
        if (users.current().isPresent()) {
            users.rememberLocale(supported);
        }
        UI ui = UI.getCurrent();
        ui.setLocale(supported);
        ui.getPage().reload();
    }
}
