package org.draftroom.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.draftroom.base.ApiError;
import org.draftroom.base.DatabaseUnavailable;
import org.draftroom.base.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of the API chains: a request that fails because the database cannot be reached (token lookup,
 * sign-in, the controller) is answered 503 with a JSON message in the caller's language; any other failure that
 * escapes the chain is answered 500 as JSON. Neither reaches the servlet container's error page, which would
 * redirect to the HTML sign-in page.
 */
class ApiFailureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiFailureFilter.class);
    private final Messages messages;

    ApiFailureFilter(Messages messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            if (DatabaseUnavailable.causedBy(e)) {
                log.warn("API request failed, the database is unavailable: {}", e.toString());
                DatabaseUnavailable.writeTo(response, messages.getTranslation("api.error.database-unavailable",
                        SecurityConfiguration.locale(request)));
                return;
            }
            String id = Long.toString(System.nanoTime(), 36);
            log.error("Unexpected API error {}", id, e);
            new ApiError(500, "internal_error", messages.getTranslation("error.unexpected",
                    SecurityConfiguration.locale(request), id)).writeTo(response);
        }
    }
}
