package org.draftroom.security.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * CSRF protection of the sign-in form's post. Vaadin's security configurer exempts its login page's path from CSRF
 * checks ({@code POST /login} passed without a token), which lets another site sign a visitor in to an account of
 * the attacker's choosing (login CSRF). This second check covers that one request with the same token the chain's
 * own CSRF filter keeps in the session; Vaadin's login form sends it from the page's {@code _csrf} meta tags. A post
 * without the right token is answered 403 and signs nobody in.
 *
 * <p>A post the browser itself marks as coming from one of our own pages ({@code Sec-Fetch-Site: same-origin}) needs
 * no token. The token lives in the session, and the session can change under an open sign-in page: a request left
 * over from the page someone just signed out of (its push connection reconnecting) reaches the server after the
 * sign-in page was loaded and is given a new session, whose cookie replaces the one the page's token belongs to.
 * The person then typed their password into a page that could no longer sign them in: they were sent back to an
 * empty sign-in form without a reason. {@code Sec-Fetch-Site} is set by the browser and cannot be set by a page's
 * script, so a post forged by another site still says {@code cross-site} (or {@code same-site} from a neighbouring
 * host, which is refused too) and still needs the token; so does a post from a browser that sends no such header.
 */
final class LoginCsrf {

    private LoginCsrf() {
    }

    static CsrfFilter filter() {
        CsrfFilter filter = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        filter.setRequireCsrfProtectionMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login"),
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("Sec-Fetch-Site", "same-origin"))));
        filter.setRequestHandler(new XorCsrfTokenRequestAttributeHandler());
        filter.setAccessDeniedHandler(new AccessDeniedHandlerImpl());
        return filter;
    }
}
