package io.github.camelokki.okki;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The parameter types of the catalog ({@code :integer}, {@code :number}, none for a string) checked against OKKI's
 * published OpenAPI file, operation by operation: a parameter's type is that of its query or path parameter or,
 * failing that, of the request body's property ({@link ParameterDescriptionsSpecTest#documentedParameters}); a
 * parameter the spec does not list is a string.
 */
class ParameterTypesSpecTest {

    /**
     * Where the spec's type contradicts its own description and example, the catalog takes the type the values have,
     * so that the documented values pass the type check: operation and parameter, then the catalog's type.
     */
    private static final Map<String, String> SPEC_TYPE_CONTRADICTED = Map.of(
            // typed integer, but described and exemplified by names: sales_flow, stage_list, fail_reason
            "opportunity/selector field", "string");

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
            String type = SPEC_TYPE_CONTRADICTED.getOrDefault(op.uri() + " " + p.name(), documented.get(p.name()));
            expected.put(p.name(), "integer".equals(type) || "number".equals(type) ? type : "string");
            actual.put(p.name(), p.type().specName());
        });
        assertEquals(expected, actual);
    }

    private static Map<String, String> documentedTypes(Operation op) {
        Map<String, String> types = new LinkedHashMap<>();
        ParameterDescriptionsSpecTest.documentedParameters(paths, op).forEach((name, p) -> types.put(name, p.type()));
        return types;
    }
}
