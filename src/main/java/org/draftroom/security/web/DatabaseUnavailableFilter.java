package org.draftroom.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.draftroom.base.DatabaseUnavailable;
import org.draftroom.base.Messages;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of the API chains: a request that fails because the database cannot be reached (token lookup,
 * sign-in, the controller) is answered 503 with a JSON message in the caller's language, never 500 nor the HTML
 * sign-in page.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private final Messages messages;

    DatabaseUnavailableFilter(Messages messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            DatabaseUnavailable.writeTo(response, messages.getTranslation("api.error.database-unavailable",
                    SecurityConfiguration.locale(request)));
        }
    }
}
