package org.draftroom.security.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Asks the {@link LoginThrottle} before handing a username and password to the real provider, so a throttled attempt
 * is refused before any password is checked, and tells it the outcome. Failed sign-ins are logged as security events,
 * and so is an account or address reaching its limit; refused attempts are not, so a flood writes at most a limit's
 * worth of lines per account and address and window. Names are logged with control characters escaped.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottlingAuthenticationProvider.class);

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        LoginThrottle.Attempt attempt = throttle.begin(authentication.getName(), address);
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException e) {
            List<String> throttled = attempt.failed();
            log.info("Failed sign-in for \"{}\" from {}", printable(authentication.getName()), address);
            if (!throttled.isEmpty()) {
                log.warn("Sign-in now refused for {} (too many failures)", printable(String.join(", ", throttled)));
            }
            throw e;
        } catch (RuntimeException e) {
            attempt.released();
            throw e;
        }
        attempt.succeeded();
        return result;
    }

    /** The name with line breaks and other control characters escaped, so it cannot forge a log line. */
    static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), 200));
        name.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
