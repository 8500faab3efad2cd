package org.draftroom.api;

import jakarta.servlet.http.HttpServletRequest;
import org.draftroom.base.ApiError;
import org.draftroom.base.DatabaseUnavailable;
import org.draftroom.base.Messages;
import org.draftroom.base.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every API failure as JSON with a message in the caller's language ({@code Accept-Language}). */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final Messages messages;
    private final MultipartProperties multipart;

    ApiExceptionHandler(Messages messages, MultipartProperties multipart) {
        this.messages = messages;
        this.multipart = multipart;
    }

    @ExceptionHandler(UserFacingException.class)
    ResponseEntity<ApiError> refused(UserFacingException e, HttpServletRequest request) {
        return error(400, "invalid_request", messages.of(e, Messages.supported(request.getLocale())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(HttpServletRequest request) {
        return error(403, "forbidden", text("api.error.forbidden", request));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpServletRequest request) {
        return error(400, "invalid_request", text("api.error.unreadable", request));
    }

    /** A path or query parameter of the wrong type ({@code /rounds/abc}, {@code ?limit=many}) or missing. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return error(400, "invalid_request", messages.getTranslation("api.error.bad-parameter",
                Messages.supported(request.getLocale()), e.getName(), String.valueOf(e.getValue())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return error(400, "invalid_request", messages.getTranslation("api.error.missing-parameter",
                Messages.supported(request.getLocale()), e.getParameterName()));
    }

    /** A body that is not JSON ({@code Content-Type: text/plain}, ...). */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedMediaType(HttpServletRequest request) {
        return error(415, "unsupported_media_type", text("api.error.media-type", request));
    }

    /** A multipart upload over the container's limit ({@code spring.servlet.multipart.max-file-size}). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> uploadTooLarge(HttpServletRequest request) {
        long max = multipart.getMaxFileSize() == null ? 0 : multipart.getMaxFileSize().toMegabytes();
        return error(413, "payload_too_large", messages.getTranslation("api.error.upload-too-large",
                Messages.supported(request.getLocale()), max));
    }

    /** A request that should have been a multipart upload and is not, or lacks its file. */
    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    ResponseEntity<ApiError> notMultipart(HttpServletRequest request) {
        return error(400, "invalid_request", text("api.error.multipart", request));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(HttpServletRequest request) {
        return error(404, "not_found", text("api.error.not-found", request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("API request failed, the database is unavailable: {}", e.toString());
            return ResponseEntity.status(503).header("Retry-After", "5").body(new ApiError(503,
                    "database_unavailable", text("api.error.database-unavailable", request)));
        }
        String id = Long.toString(System.nanoTime(), 36);
        log.error("Unexpected API error {}", id, e);
        return error(500, "internal_error", messages.getTranslation("error.unexpected",
                Messages.supported(request.getLocale()), id));
    }

    private String text(String key, HttpServletRequest request) {
        return messages.getTranslation(key, Messages.supported(request.getLocale()));
    }

    private static ResponseEntity<ApiError> error(int status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(status, code, message));
    }
}
