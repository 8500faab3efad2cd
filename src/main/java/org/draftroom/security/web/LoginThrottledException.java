package org.draftroom.security.web;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because of too many recent failures for the account or the client address. */
public class LoginThrottledException extends AuthenticationException {

    private final transient Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins; try again later");
        this.retryAfter = retryAfter;
    }

    /** How long until an attempt is counted again (the value of {@code Retry-After}). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
