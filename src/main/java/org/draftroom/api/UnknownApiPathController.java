package org.draftroom.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.draftroom.base.ApiError;
import org.draftroom.base.Messages;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers any API address that no endpoint serves with a JSON 404, so that such a request never falls through to
 * the Vaadin UI and gets an HTML page.
 */
@RestController
@Hidden
class UnknownApiPathController {

    private final Messages messages;

    UnknownApiPathController(Messages messages) {
        this.messages = messages;
    }

    @RequestMapping("/api/**")
    ResponseEntity<ApiError> unknown(HttpServletRequest request) {
        return ResponseEntity.status(404).body(new ApiError(404, "not_found",
                messages.getTranslation("api.error.not-found", Messages.supported(request.getLocale()))));
    }
}
