package org.draftroom.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.draftroom.base.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * What a page shows when opening it fails (e.g. {@code /rounds/999999}): the refusal in the person's language, in
 * the application's shell, never Vaadin's default page with an exception's internal text such as a message key.
 * An unexpected failure is logged with an id that the page shows, as in {@code ShellServiceInitListener}.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NavigationErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(NavigationErrorView.class);

    public NavigationErrorView() {
        setId("navigation-error");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Throwable error = parameter.getCaughtException();
        while (error.getCause() != null && !(error instanceof UserFacingException)
                && !(error instanceof AccessDeniedException)) {
            error = error.getCause();
        }
        String text;
        int status;
        if (error instanceof UserFacingException refusal) {
            text = getTranslation(refusal.messageKey(), refusal.args());
            status = refusal.messageKey().endsWith("not-found") ? HttpServletResponse.SC_NOT_FOUND
                    : HttpServletResponse.SC_BAD_REQUEST;
        } else if (error instanceof AccessDeniedException) {
            text = getTranslation("error.access-denied");
            status = HttpServletResponse.SC_FORBIDDEN;
        } else {
            String id = Long.toString(System.nanoTime(), 36);
            log.error("Unexpected error {} while opening {}", id, event.getLocation().getPath(),
                    parameter.getCaughtException());
            text = getTranslation("error.unexpected", id);
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        removeAll();
        Paragraph message = new Paragraph(text);
        message.setId("navigation-error-message");
        add(new H1(getTranslation("error.page.title")), message, new Anchor("", getTranslation("error.page.home")));
        return status;
    }
}
