package io.github.camelokki.okki.internal.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The documented fields of an operation's JSON body ({@code bodies.txt}): every field at the top of the body, and the
 * nested fields that are required, unchecked or update keys.
 *
 * @param fields     in the order of OKKI's schema, nested fields after the array or object holding them
 * @param updateKeys paths of the fields that make an object an existing record (an update, or a row to remove): when
 *                   one of an object's keys is given, its {@link BodyField.Need#REQUIRED_TO_CREATE} fields are not
 *                   required. A key is given unless it is absent, null, {@code ""}, {@code 0} or {@code "0"} (OKKI's
 *                   examples create with the id left out, empty or 0).
 */
public record BodyFields(List<BodyField> fields, List<String> updateKeys) {

    /** No documented field: nothing is checked. */
    public static final BodyFields NONE = new BodyFields(List.of(), List.of());

    public BodyFields {
        fields = List.copyOf(fields);
        updateKeys = List.copyOf(updateKeys);
        Set<String> paths = new HashSet<>();
        for (BodyField field : fields) {
            if (!paths.add(field.path())) {
                throw new IllegalArgumentException(field.path() + " is listed twice");
            }
        }
        for (String key : updateKeys) {
            if (!paths.contains(key)) {
                throw new IllegalArgumentException("the update key " + key + " is not among the fields");
            }
        }
        for (BodyField field : fields) {
            if (field.need() == BodyField.Need.REQUIRED_TO_CREATE && keysOf(updateKeys, field.parent()).isEmpty()) {
                throw new IllegalArgumentException(field.path() + " is required to create, but its object has no"
                        + " update key to tell an update");
            }
        }
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Whether a body can be refused for lacking a field. */
    public boolean checksAnything() {
        return fields.stream().anyMatch(f -> f.need().checked());
    }

    /** The fields at the top of the body (of each row, for a body that is an array), for a reference table. */
    public List<BodyField> topLevel() {
        return fields.stream().filter(BodyField::isTopLevel).toList();
    }

    public Optional<BodyField> field(String path) {
        return fields.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** The update keys of the object at {@code parent} (a {@link BodyField#parent()} path), by name. */
    public List<String> keysOf(String parent) {
        return keysOf(updateKeys, parent);
    }

    private static List<String> keysOf(List<String> updateKeys, String parent) {
        return updateKeys.stream().filter(key -> parentOf(key).equals(parent))
                .map(key -> key.substring(key.lastIndexOf('.') + 1)).toList();
    }

    private static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** Parses the update and fields columns of {@code bodies.txt}. */
    static BodyFields parse(List<String> updateKeys, List<String> fieldTokens) {
        return new BodyFields(fieldTokens.stream().map(BodyField::parse).toList(), updateKeys);
    }
}
