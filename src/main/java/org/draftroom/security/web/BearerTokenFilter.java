package org.draftroom.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.draftroom.security.data.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.draftroom.security.service.TokenService;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer drt_...} requests as the token's owner, with the owner's current roles.
 * A revoked or unknown token, or a token of a disabled user, is answered with 401 at once and counts as a failure of
 * the client address in the {@link LoginThrottle}; an address with too many failures is answered with 429 before
 * its token is looked at. An accepted token's hash is left in the request attribute {@link #TOKEN_HASH}.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

    /** Request attribute: the SHA-256 hash of the request's accepted token (for per-token rate limits). */
    static final String TOKEN_HASH = BearerTokenFilter.class.getName() + ".tokenHash";

    private final TokenService tokens;
    private final UserRepository users;
    private final LoginThrottle throttle;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(TokenService tokens, UserRepository users, LoginThrottle throttle,
                      AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.users = users;
        this.throttle = throttle;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            throttle.checkAddress(request.getRemoteAddr());
        } catch (LoginThrottledException e) {
            entryPoint.commence(request, response, e);
            return;
        }
        String secret = header.substring(7).trim();
        Optional<DraftroomUserDetails> principal = tokens.ownerOf(secret)
                .flatMap(users::findById)
                .filter(u -> u.enabled())
                .map(u -> new DraftroomUserDetails(u.id(), u.username(), null, true, u.roles()));
        if (principal.isEmpty()) {
            throttle.failedFrom(request.getRemoteAddr());
            log.info("Wrong API token from {}", request.getRemoteAddr());
            entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
            return;
        }
        request.setAttribute(TOKEN_HASH, TokenService.hash(secret));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
                principal.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
