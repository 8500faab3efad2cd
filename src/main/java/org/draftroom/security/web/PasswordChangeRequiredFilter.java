package org.draftroom.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.draftroom.base.ApiError;
import org.draftroom.base.Messages;
import org.draftroom.security.data.UserRepository;
import org.draftroom.security.domain.User;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API requests (token or HTTP Basic) of a person who must still replace a one-time password, with 403 and a
 * JSON message saying so: the API must not be a way around the web's "choose your own password first". Runs after
 * authentication; reads the flag fresh, so the person's first own password frees the API at once.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    private final UserRepository users;
    private final Messages messages;

    PasswordChangeRequiredFilter(UserRepository users, Messages messages) {
        this.users = users;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof DraftroomUserDetails principal
                && users.findById(principal.id()).map(User::passwordChangeRequired).orElse(false)) {
            new ApiError(403, "password_change_required", messages.getTranslation(
                    "api.error.password-change-required", SecurityConfiguration.locale(request))).writeTo(response);
            return;
        }
        chain.doFilter(request, response);
    }
}
