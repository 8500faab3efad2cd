package org.draftroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.draftroom.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springdoc.api.AbstractOpenApiResource;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code docs/openapi.yaml} is what springdoc-openapi generates from the controllers of {@code org.draftroom.api}
 * (with {@link ApiDocumentRules}): a change to an endpoint, a parameter or a JSON record that was not regenerated
 * fails here. Regenerate with
 * {@code ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OpenApiDocumentIT
 * -Dfailsafe.failIfNoSpecifiedTests=false -Ddocs.update=true} and commit the file.
 *
 * <p>It runs in the shared {@link WebIntegrationTest} application; springdoc, a test dependency, is configured in
 * {@code application-test.yml} and asked directly, not over HTTP (production has no springdoc).
 */
@WebIntegrationTest
class OpenApiDocumentIT {

    private static final Path DOCUMENT = Path.of("docs/openapi.yaml");

    @Autowired OpenApiWebMvcResource springdoc;

    /**
     * The document as springdoc builds it, with {@link ApiDocumentRules} applied and written as springdoc writes
     * {@code /v3/api-docs.yaml} ({@code springdoc.writer-with-order-by-keys}: paths, schemas, properties and answers
     * sorted, so the text is stable). springdoc's own steps are protected: called by reflection, so that the rules
     * need no bean of their own (which would give this test an application of its own).
     */
    private String generate() throws Exception {
        Method build = AbstractOpenApiResource.class.getDeclaredMethod("getOpenApi", String.class, Locale.class);
        Method write = AbstractOpenApiResource.class.getDeclaredMethod("writeYamlValue", OpenAPI.class);
        build.setAccessible(true);
        write.setAccessible(true);
        OpenAPI api = (OpenAPI) build.invoke(springdoc, "http://localhost:8080", Locale.ROOT);
        new ApiDocumentRules().customise(api);
        return new String((byte[]) write.invoke(springdoc, api), StandardCharsets.UTF_8);
    }

    @Test
    void the_checked_in_document_is_the_one_the_controllers_generate() throws Exception {
        String generated = generate();
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOCUMENT, generated);
        }
        assertThat(Files.readString(DOCUMENT))
                .as("docs/openapi.yaml is out of date: regenerate it with -Ddocs.update=true (see the Javadoc)")
                .isEqualTo(generated);
    }

    @Test
    void generating_twice_gives_the_same_text() throws Exception {
        assertThat(generate()).isEqualTo(generate());
    }
}
