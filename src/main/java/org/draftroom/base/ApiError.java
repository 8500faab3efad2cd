package org.draftroom.base;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The body of every REST API error: the HTTP status, a stable machine-readable code, and a message in the caller's
 * language (from {@code Accept-Language}).
 */
public record ApiError(int status, String error, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes this error as the JSON response. */
    public void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("application/json");
        JSON.writeValue(response.getOutputStream(), this);
    }
}
