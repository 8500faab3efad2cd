package org.draftroom.security.ui;

import java.util.Locale;
import java.util.Optional;
import org.draftroom.base.Messages;
import org.draftroom.base.ui.ShellUserSupport;
import org.draftroom.security.Access;
import org.draftroom.security.service.UserService;
import org.springframework.stereotype.Component;

/** Tells the application shell who is signed in and remembers their language. */
@Component
class ShellUserAdapter implements ShellUserSupport {

    private final Access access;
    private final UserService users;

    ShellUserAdapter(Access access, UserService users) {
        this.access = access;
        this.users = users;
    }

    @Override
    public Optional<ShellUser> current() {
        if (!access.isSignedIn()) {
            return Optional.empty();
        }
        var me = users.me();
        return Optional.of(new ShellUser(me.username(), me.displayName(), Messages.parse(me.locale())));
    }

    @Override
    public void rememberLocale(Locale locale) {
        users.rememberLocale(locale);
    }
}
