package org.draftroom.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.draftroom.base.ApiError;
import org.draftroom.base.Messages;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the API rate limits ({@link ApiRateLimiter}) to every API request: per token when {@link BearerTokenFilter}
 * authenticated one, and per client address. A refused request gets {@code 429 Too Many Requests} with
 * {@code Retry-After} (seconds) and a JSON message in the caller's language.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

    private final ApiRateLimiter limiter;
    private final Messages messages;

    ApiRateLimitFilter(ApiRateLimiter limiter, Messages messages) {
        this.limiter = limiter;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = limiter.admit((String) request.getAttribute(BearerTokenFilter.TOKEN_HASH),
                request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = SecurityConfiguration.retryAfterSeconds(wait.get());
        response.setHeader("Retry-After", Long.toString(seconds));
        new ApiError(429, "rate_limited", messages.getTranslation("api.error.rate-limited",
                SecurityConfiguration.locale(request), Long.toString(seconds))).writeTo(response);
    }
}
