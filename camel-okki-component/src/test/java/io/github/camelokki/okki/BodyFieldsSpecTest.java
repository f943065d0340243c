package io.github.camelokki.okki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelokki.okki.api.BodyType;
import io.github.camelokki.okki.internal.catalog.BodyField;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The body fields of the catalog ({@code bodies.txt}) checked against the request schemas of OKKI's published OpenAPI
 * file, operation by operation, so the data cannot drift from the spec: every listed field exists there with the
 * listed type, every field at the top of the body is listed in the schema's order, every field the schema marks
 * required (at any depth) is listed with a mark, and {@code ?} only marks such a field. Custom fields (numeric names,
 * one account's field ids) are not the operation's own and are left out on both sides.
 */
class BodyFieldsSpecTest {

    private static Map<String, Object> paths;

    @BeforeAll
    static void readSpec() throws IOException {
        paths = SharedApiFiles.openApiPaths();
    }

    static Stream<Arguments> jsonOperations() {
        return OperationCatalog.standard().operations().stream().filter(op -> op.bodyType() == BodyType.JSON)
                .map(op -> Arguments.of(Named.of(op.uri(), op)));
    }

    @ParameterizedTest
    @MethodSource("jsonOperations")
    void fieldsAreThoseOfTheSchema(Operation op) {
        Documented spec = Documented.of(bodySchema(op));
        List<BodyField> listed = op.bodyFields().fields();

        Map<String, String> listedTypes = new LinkedHashMap<>();
        Map<String, String> specTypes = new LinkedHashMap<>();
        listed.forEach(f -> {
            listedTypes.put(f.path(), f.type().specName());
            specTypes.put(f.path(), spec.types().getOrDefault(f.path(), "(not in the schema)"));
        });
        assertEquals(specTypes, listedTypes, op.uri() + ": listed fields and their types");

        assertEquals(spec.topLevel(), op.bodyFields().topLevel().stream().map(BodyField::path).toList(),
                op.uri() + ": the fields at the top of the body, in the schema's order");

        Set<String> marked = listed.stream().filter(f -> f.need() != BodyField.Need.OPTIONAL).map(BodyField::path)
                .collect(Collectors.toSet());
        Set<String> unmarked = new TreeSet<>(spec.required());
        unmarked.removeAll(marked);
        assertEquals(Set.of(), unmarked, op.uri() + ": fields the schema requires, listed without *, + or ?");

        Set<String> uncheckedButOptional = listed.stream().filter(f -> f.need() == BodyField.Need.UNCHECKED)
                .map(BodyField::path).filter(path -> !spec.required().contains(path))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), uncheckedButOptional, op.uri() + ": ? marks a field the schema does not require");

        op.bodyFields().updateKeys().forEach(key -> assertTrue(spec.types().containsKey(key),
                op.uri() + ": the update key " + key + " is not in the schema"));
    }

    /** The request body schema of the operation (the first content type: they share one schema). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> bodySchema(Operation op) {
        Map<String, Object> call = (Map<String, Object>) ((Map<String, Object>) paths.get(op.path()))
                .get(op.method().name().toLowerCase(Locale.ROOT));
        Map<String, Object> body = (Map<String, Object>) call.getOrDefault("requestBody", Map.of());
        return ((Map<String, Object>) body.getOrDefault("content", Map.of())).values().stream()
                .map(content -> (Map<String, Object>) ((Map<String, Object>) content).getOrDefault("schema", Map.of()))
                .findFirst().orElse(Map.of());
    }

    /**
     * What a schema documents, by path as {@code bodies.txt} writes it.
     *
     * @param types    every field, at any depth, with its type
     * @param required the fields the schema marks required, at any depth
     * @param topLevel the fields at the top of the body (of each row, for an array body), in the schema's order
     */
    private record Documented(Map<String, String> types, Set<String> required, List<String> topLevel) {

        @SuppressWarnings("unchecked")
        static Documented of(Map<String, Object> schema) {
            Documented doc = new Documented(new LinkedHashMap<>(), new TreeSet<>(), new ArrayList<>());
            boolean arrayBody = "array".equals(schema.get("type"));
            String top = arrayBody ? "[]." : "";
            doc.collect(arrayBody ? (Map<String, Object>) schema.getOrDefault("items", Map.of()) : schema, top);
            doc.types().keySet().stream().filter(path -> path.startsWith(top) && path.indexOf('.', top.length()) < 0)
                    .forEach(doc.topLevel()::add);
            return doc;
        }

        @SuppressWarnings("unchecked")
        private void collect(Map<String, Object> object, String prefix) {
            List<String> requiredNames = (List<String>) object.getOrDefault("required", List.of());
            Map<String, Object> properties = (Map<String, Object>) object.getOrDefault("properties", Map.of());
            properties.forEach((name, value) -> {
                if (name.isEmpty() || name.chars().allMatch(Character::isDigit)) {
                    return; // a custom field of one account
                }
                Map<String, Object> property = (Map<String, Object>) value;
                String path = prefix + name;
                String type = (String) property.getOrDefault("type", "string");
                types.put(path, type);
                if (requiredNames.contains(name)) {
                    required.add(path);
                }
                if ("object".equals(type)) {
                    collect(property, path + ".");
                } else if ("array".equals(type)) {
                    collect((Map<String, Object>) property.getOrDefault("items", Map.of()), path + "[].");
                }
            });
        }
    }
}
