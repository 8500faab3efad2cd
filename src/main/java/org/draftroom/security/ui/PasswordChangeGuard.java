package org.draftroom.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.draftroom.security.Access;
import org.draftroom.security.service.UserService;
import org.springframework.stereotype.Component;

/** A person signed in with a one-time password is sent to their profile until they have chosen their own. */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    private final Access access;
    private final UserService users;

    PasswordChangeGuard(Access access, UserService users) {
        this.access = access;
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        if (event.getNavigationTarget() != ProfileView.class && event.getNavigationTarget() != LoginView.class
                && access.isSignedIn() && users.me().passwordChangeRequired()) {
            // Forward, not reroute: the address bar and the navigation then say "profile", not the page refused.
            event.forwardTo(ProfileView.class);
        }
    }
}
