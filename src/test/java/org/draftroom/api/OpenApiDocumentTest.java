package org.draftroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.Yaml;

/** {@code docs/openapi.yaml} describes every {@code /api/v1} endpoint of the controllers, so it cannot drift. */
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("docs/openapi.yaml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() throws Exception {
        try (InputStream in = Files.newInputStream(DOCUMENT)) {
            return new Yaml().load(in);
        }
    }

    /** "GET /api/v1/rounds/{id}" for every handler method of the controllers in {@code org.draftroom.api}. */
    private static Set<String> endpoints() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<String> out = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("org.draftroom.api")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            String[] prefixes = onType == null || onType.path().length == 0 ? new String[]{""} : onType.path();
            for (Method m : type.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(m, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                String[] paths = mapping.path().length == 0 ? new String[]{""} : mapping.path();
                for (String prefix : prefixes) {
                    for (String path : paths) {
                        String full = prefix + path;
                        if (!full.startsWith("/api/v1") || full.contains("**")) {
                            continue; // the catch-all 404 for unknown API paths
                        }
                        for (RequestMethod method : mapping.method()) {
                            out.add(method.name() + " " + full);
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void the_document_is_openapi_3_with_the_bearer_and_basic_schemes_and_the_error_body() throws Exception {
        Map<String, Object> doc = document();
        assertThat(doc.get("openapi").toString()).startsWith("3.0");
        @SuppressWarnings("unchecked")
        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        assertThat((Map<String, Object>) components.get("securitySchemes")).containsKeys("bearerToken", "basic");
        assertThat((Map<String, Object>) components.get("schemas")).containsKey("ApiError");
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_endpoint_of_the_controllers_is_in_the_document_and_nothing_else() throws Exception {
        Set<String> code = endpoints();
        assertThat(code).contains("POST /api/v1/rounds/{id}/comments", "GET /api/v1/me", "POST /api/v1/tokens");

        Set<String> documented = new TreeSet<>();
        Map<String, Object> paths = (Map<String, Object>) document().get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                .filter(k -> Set.of("get", "post", "put", "patch", "delete").contains(k))
                .forEach(k -> documented.add(k.toUpperCase() + " " + path)));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(code);
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_endpoint_documents_the_rate_limit_answer_with_retry_after() throws Exception {
        Map<String, Object> doc = document();
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) operation).get("responses");
                assertThat(responses).as(method + " " + path).containsKey("429");
            }
        }));
        Map<String, Object> tooMany = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                doc.get("components")).get("responses")).get("TooManyRequests");
        assertThat((Map<String, Object>) tooMany.get("headers")).containsKey("Retry-After");
    }
}
