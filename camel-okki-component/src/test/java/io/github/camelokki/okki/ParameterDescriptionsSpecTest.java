package io.github.camelokki.okki;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.camelokki.okki.api.BodyType;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The parameters the catalog describes ({@code parameters.txt} describes each parameter of {@code operations.txt},
 * or the catalog does not load) checked against OKKI's published OpenAPI file, operation by operation: every
 * described parameter is one the spec documents for that operation, in the same place (query, path or body field),
 * and every parameter the spec documents is in the catalog, so none goes undescribed.
 */
class ParameterDescriptionsSpecTest {

    private static Map<String, Object> paths;

    /** A parameter as OKKI's OpenAPI file documents it: where it travels ({@code in}) and its type. */
    record Documented(String in, String type) {
    }

    @BeforeAll
    static void readSpec() throws IOException {
        paths = SharedApiFiles.openApiPaths();
    }

    static Stream<Arguments> operations() {
        return OperationCatalog.standard().operations().stream().map(op -> Arguments.of(Named.of(op.uri(), op)));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void describedParametersAreThoseOfTheSpec(Operation op) {
        Map<String, String> documented = new TreeMap<>();
        documentedParameters(paths, op).forEach((name, p) -> documented.put(name, switch (p.in()) {
            case "path", "query" -> p.in();
            // GET operations never send a body: parameters the spec puts in one travel in the query string
            default -> op.bodyType().carriesFields() ? "body field" : "query";
        }));
        Map<String, String> described = new TreeMap<>();
        op.parameters().forEach(p -> described.put(p.name(), op.pathParameters().contains(p.name()) ? "path"
                : op.fields().contains(p) ? "body field" : "query"));

        assertEquals(documented, described);
    }

    /**
     * The parameters OKKI's OpenAPI file documents for an operation, by name: its query and path parameters (the
     * headers carry the token), then the properties of its request body, unless the catalog sends the message body
     * as JSON: those are the body's fields, not parameters. Names are trimmed (one in the file ends with a tab).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Documented> documentedParameters(Map<String, Object> paths, Operation op) {
        Map<String, Object> path = (Map<String, Object>) paths.get(op.path());
        Map<String, Object> call = (Map<String, Object>) path.get(op.method().name().toLowerCase(Locale.ROOT));
        Map<String, Documented> documented = new TreeMap<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) call.getOrDefault("parameters", List.of())) {
            String in = (String) p.get("in");
            if (!"header".equals(in)) {
                documented.putIfAbsent(((String) p.get("name")).strip(), new Documented(in, type(p.get("schema"))));
            }
        }
        if (op.bodyType() == BodyType.JSON) {
            return documented;
        }
        Map<String, Object> body = (Map<String, Object>) call.getOrDefault("requestBody", Map.of());
        ((Map<String, Object>) body.getOrDefault("content", Map.of())).forEach((mediaType, content) -> {
            Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) content)
                    .getOrDefault("schema", Map.of());
            ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).forEach((name, property) ->
                    documented.putIfAbsent(name.strip(), new Documented("body", type(property))));
        });
        return documented;
    }

    @SuppressWarnings("unchecked")
    private static String type(Object schema) {
        return schema == null ? null : (String) ((Map<String, Object>) schema).get("type");
    }
}
