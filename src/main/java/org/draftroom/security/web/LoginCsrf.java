package org.draftroom.security.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * CSRF protection of the sign-in form's post. Vaadin's security configurer exempts its login page's path from CSRF
 * checks ({@code POST /login} passed without a token), which lets another site sign a visitor in to an account of
 * the attacker's choosing (login CSRF). This second check covers that one request with the same token the chain's
 * own CSRF filter keeps in the session; Vaadin's login form sends it from the page's {@code _csrf} meta tags. A post
 * without the right token is answered 403 and signs nobody in.
 */
final class LoginCsrf {

    private LoginCsrf() {
    }

    static CsrfFilter filter() {
        CsrfFilter filter = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        filter.setRequireCsrfProtectionMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST,
                "/login"));
        filter.setRequestHandler(new XorCsrfTokenRequestAttributeHandler());
        filter.setAccessDeniedHandler(new AccessDeniedHandlerImpl());
        return filter;
    }
}
