package org.draftroom.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.draftroom.base.ApiError;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What holds for the whole REST API, added to the document springdoc generates from the controllers (whose
 * {@code io.swagger.v3.oas.annotations} say what is particular to each operation): the description, the two ways to
 * authenticate, the JSON error body and the error answers every operation shares, each added by a rule so that a new
 * endpoint gets them without being annotated:
 * <ul>
 *   <li>every operation: 401 (no or a bad token) and 429 (rate limit, with {@code Retry-After});</li>
 *   <li>an operation with parameters or a body: 400 (unless it describes its own);</li>
 *   <li>an operation on one resource (a path parameter): 403;</li>
 *   <li>an operation with a JSON body: 415;</li>
 *   <li>a body with a file ({@code MultipartFile}) is {@code multipart/form-data}.</li>
 * </ul>
 * It lives with the tests because springdoc is a test dependency only; {@link OpenApiDocumentIT} applies it.
 */
class ApiDocumentRules implements OpenApiCustomizer {

    private static final String ERROR = "#/components/schemas/ApiError";

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("Draftroom REST API").version("1").description("""
                The REST API of Draftroom under `/api/v1`. Every call authenticates with a personal access token \
                (`Authorization: Bearer drt_...`), created on the profile page or with `POST /api/v1/tokens` and HTTP \
                Basic. The API applies the same rules as the UI. Errors are JSON (`ApiError`) with a message in the \
                caller's `Accept-Language` (English or Simplified Chinese).
                Requests are rate-limited per token and per client address (`draftroom.security.api-*`, defaults 600 \
                per token and 1,200 per address a minute); HTTP Basic and bearer tokens are also throttled after \
                failed attempts (5 per account, 20 per address in 15 minutes). Either answers `429` with \
                `Retry-After` (seconds).
                Any call answers 503 (`error: database_unavailable`, with `Retry-After`) while the database cannot \
                be reached, e.g. for the few seconds the application needs to start its embedded PostgreSQL again \
                after a crash.
                Generated from the controllers of `org.draftroom.api` by `OpenApiDocumentIT` (springdoc-openapi); \
                do not edit by hand, see CONTRIBUTING.md.
                """));
        api.servers(List.of(new Server().url("http://localhost:8080")));
        api.security(List.of(new SecurityRequirement().addList("bearerToken")));
        if (api.getTags() != null) {
            api.getTags().sort(Comparator.comparing(Tag::getName));
        }

        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSecuritySchemes("bearerToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("drt_... personal access token"));
        components.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("username and password; only for POST /api/v1/tokens"));
        components.addSchemas("ApiError", apiError());
        components.addResponses("BadRequest", error(
                "refused (invalid input or a rule of the application), with a message in the caller's language"));
        components.addResponses("Unauthorized", error("no or an invalid token"));
        components.addResponses("Forbidden", error(
                "the caller may not do this; nothing is revealed about the resource"));
        components.addResponses("UnsupportedMediaType", error(
                "the request body is not sent as JSON (Content-Type application/json)"));
        components.addResponses("PayloadTooLarge", error(
                "the upload is larger than the limit of its kind, named in the message"));
        components.addResponses("TooManyRequests", error("""
                the token or the client address made too many requests within the window (`error` is \
                `rate_limited`), or too many failed sign-ins or wrong tokens came for the account or from the address \
                (`too_many_attempts`); wait the seconds of `Retry-After`""")
                .addHeaderObject("Retry-After", new Header().description("seconds to wait before trying again")
                        .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE))));
        components.addResponses("File", new ApiResponse()
                .description("a file to download (Content-Disposition attachment)")
                .content(new Content().addMediaType("application/octet-stream",
                        new MediaType().schema(new StringSchema().format("binary")))));

        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> item.readOperations().forEach(this::addErrorAnswers));
        }
    }

    /**
     * A file sent with {@code @RequestParam MultipartFile} is a {@code multipart/form-data} body (springdoc takes the
     * default JSON when the mapping names no {@code consumes}, which the controllers leave out so that a wrong body
     * gets their own 400, not a 415).
     */
    private static void fileUploadsAreMultipart(Operation operation) {
        Content content = operation.getRequestBody() == null ? null : operation.getRequestBody().getContent();
        MediaType json = content == null ? null : content.get("application/json");
        if (json != null && json.getSchema() != null && json.getSchema().getProperties() != null
                && json.getSchema().getProperties().values().stream()
                .anyMatch(p -> "binary".equals(((Schema<?>) p).getFormat()))) {
            content.remove("application/json");
            content.addMediaType("multipart/form-data", json);
        }
    }

    private void addErrorAnswers(Operation operation) {
        fileUploadsAreMultipart(operation);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        boolean hasInput = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null;
        boolean oneResource = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
        boolean jsonBody = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey("application/json");
        if (hasInput) {
            responses.putIfAbsent("400", ref("BadRequest"));
        }
        responses.putIfAbsent("401", ref("Unauthorized"));
        if (oneResource) {
            responses.putIfAbsent("403", ref("Forbidden"));
        }
        if (jsonBody) {
            responses.putIfAbsent("415", ref("UnsupportedMediaType"));
        }
        responses.putIfAbsent("429", ref("TooManyRequests"));
    }

    private static ApiResponse ref(String name) {
        return new ApiResponse().$ref("#/components/responses/" + name);
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref(ERROR))));
    }

    /** {@link ApiError} as its record makes it, with the codes it carries. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> apiError() {
        Schema schema = ModelConverters.getInstance().readAll(ApiError.class).get("ApiError");
        Map<String, Schema> properties = schema.getProperties();
        properties.get("status").example(400);
        properties.get("error").description("a stable code for scripts").setEnum(List.of("invalid_request",
                "invalid_sheet", "unauthorized", "rate_limited", "too_many_attempts", "forbidden",
                "password_change_required", "not_found",
                "payload_too_large", "busy", "unsupported_media_type", "database_unavailable", "internal_error"));
        properties.get("message").description("in the caller's Accept-Language");
        schema.required(List.of("error", "message", "status"));
        return schema;
    }
}
