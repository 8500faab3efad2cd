package org.draftroom.security.web;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because of too many recent failures for the account or the client address. */
public class LoginThrottledException extends AuthenticationException {

    public LoginThrottledException() {
        super("Too many failed sign-ins; try again later");
    }
}
