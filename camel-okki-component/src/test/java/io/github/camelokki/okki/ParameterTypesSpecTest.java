package io.github.camelokki.okki;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelokki.okki.catalog.Operation;
import io.github.camelokki.okki.catalog.OperationCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The parameter types of the catalog ({@code :integer}, {@code :number}, none for a string) checked against OKKI's
 * published OpenAPI file, operation by operation: a parameter's type is that of its query parameter or, failing
 * that, of the request body's property; a parameter the spec does not list is a string.
 */
class ParameterTypesSpecTest {

    private static Map<String, Object> paths;

    @BeforeAll
    static void readSpec() throws IOException {
        paths = SharedApiFiles.openApiPaths();
    }

    static Stream<Arguments> operationsWithParameters() {
        return OperationCatalog.standard().operations().stream().filter(op -> op.parameters().findAny().isPresent())
                .map(op -> Arguments.of(Named.of(op.uri(), op)));
    }

    @ParameterizedTest
    @MethodSource("operationsWithParameters")
    void typesAreThoseOfTheSpec(Operation op) {
        Map<String, String> documented = documentedTypes(op);
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        op.parameters().forEach(p -> {
            String type = documented.get(p.name());
            expected.put(p.name(), "integer".equals(type) || "number".equals(type) ? type : "string");
            actual.put(p.name(), p.type().specName());
        });
        assertEquals(expected, actual);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> documentedTypes(Operation op) {
        Map<String, Object> path = (Map<String, Object>) paths.get(op.path());
        Map<String, Object> call = (Map<String, Object>) path.get(op.method().name().toLowerCase(Locale.ROOT));
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) call.getOrDefault("parameters", List.of())) {
            types.put((String) p.get("name"), (String) ((Map<String, Object>) p.getOrDefault("schema", Map.of()))
                    .get("type"));
        }
        Map<String, Object> body = (Map<String, Object>) call.getOrDefault("requestBody", Map.of());
        ((Map<String, Object>) body.getOrDefault("content", Map.of())).values().forEach(content -> {
            Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) content)
                    .getOrDefault("schema", Map.of());
            Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
            if (properties != null) {
                properties.forEach((name, property) -> types.putIfAbsent(name,
                        (String) ((Map<String, Object>) property).get("type")));
            }
        });
        return types;
    }
}
