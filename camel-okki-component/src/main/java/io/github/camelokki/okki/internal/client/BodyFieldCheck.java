package io.github.camelokki.okki.internal.client;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelokki.okki.api.OkkiInvalidRequestException;
import io.github.camelokki.okki.internal.catalog.BodyField;
import io.github.camelokki.okki.internal.catalog.BodyFields;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.json.OkkiJson;

/**
 * Refuses a JSON body that lacks a field OKKI requires ({@code bodies.txt}: {@code *} always, {@code +} unless the
 * object gives an update key), naming each missing field by its path in the body, e.g. {@code product_list[2].sku_id}.
 * <p>
 * It reads the body in the form it already has: a Map or List as given, the tree of a body that came as JSON text,
 * bytes or a stream, a JsonNode; an object it meets in another form (a POJO, or a POJO row in a Map) is turned into a
 * tree the way Jackson writes it, once. It only reads: the body is sent exactly as it would be without the check. It
 * checks presence only: a field of another type than the schema's, or a row that is not an object, is left to OKKI.
 */
final class BodyFieldCheck {

    /** At most this many missing fields are named in one message. */
    private static final int LISTED = 10;

    private final BodyFields source;
    private final String what;
    /** The checks of the body; null when it has no required field. */
    private final Level root;
    /** The body is an array whose rows hold the fields ({@code [].sku_id}). */
    private final boolean arrayBody;

    private BodyFieldCheck(BodyFields source, String what, Level root, boolean arrayBody) {
        this.source = source;
        this.what = what;
        this.root = root;
        this.arrayBody = arrayBody;
    }

    /** The check of the operation's body; one that passes everything when its body has no required field. */
    static BodyFieldCheck of(Operation op) {
        BodyFields fields = op.bodyFields();
        if (!fields.checksAnything()) {
            return new BodyFieldCheck(fields, null, null, false);
        }
        boolean arrayBody = fields.fields().stream().anyMatch(f -> f.path().startsWith("[]."));
        return new BodyFieldCheck(fields, "okki:" + op.uri(), Level.of(fields, arrayBody ? "[]" : ""), arrayBody);
    }

    /** Whether this check was made from the operation's fields (a cache keyed by URI can then serve it). */
    boolean isFor(Operation op) {
        return source == op.bodyFields();
    }

    /**
     * @param body the body as given, or the tree parsed from it
     * @throws OkkiInvalidRequestException naming the missing fields
     */
    void check(Object body) {
        if (root == null) {
            return;
        }
        List<Missing> missing = new ArrayList<>(0);
        if (arrayBody) {
            root.walkRows(body, "", missing);
        } else {
            root.walk(body, "", missing);
        }
        if (!missing.isEmpty()) {
            throw new OkkiInvalidRequestException(message(missing));
        }
    }

    /** A field a body lacks; {@code createNote} says which update keys its object could have given, null if none. */
    private record Missing(String path, String createNote) {
    }

    /**
     * The checks of one object: the body, each row of an array or a nested object.
     *
     * @param required fields it must have
     * @param toCreate fields it must have unless one of {@code keys} is given
     * @param children arrays (rows) and objects below it that hold checked fields
     */
    private record Level(List<String> required, List<String> toCreate, List<String> keys, List<Child> children) {

        /** The checks of the object at {@code parent} (a {@link BodyField#parent()} path) and of those below it. */
        static Level of(BodyFields fields, String parent) {
            List<String> required = new ArrayList<>();
            List<String> toCreate = new ArrayList<>();
            Map<String, Boolean> below = new LinkedHashMap<>();
            String prefix = parent.isEmpty() ? "" : parent + ".";
            for (BodyField field : fields.fields()) {
                if (!field.need().checked() || !field.path().startsWith(prefix)) {
                    continue;
                }
                if (field.parent().equals(parent)) {
                    (field.need() == BodyField.Need.REQUIRED ? required : toCreate).add(field.name());
                } else {
                    String step = field.path().substring(prefix.length(), field.path().indexOf('.', prefix.length()));
                    below.putIfAbsent(step.endsWith("[]") ? step.substring(0, step.length() - 2) : step,
                            step.endsWith("[]"));
                }
            }
            List<Child> children = new ArrayList<>();
            below.forEach((name, rows) -> children.add(
                    new Child(name, rows, of(fields, prefix + name + (rows ? "[]" : "")))));
            return new Level(List.copyOf(required), List.copyOf(toCreate), toCreate.isEmpty() ? List.of()
                    : fields.keysOf(parent), List.copyOf(children));
        }

        void walk(Object value, String at, List<Missing> missing) {
            Object object = asObject(value);
            if (object == null) {
                return;
            }
            for (String name : required) {
                if (absent(member(object, name))) {
                    missing.add(new Missing(at + name, null));
                }
            }
            if (!toCreate.isEmpty() && keys.stream().noneMatch(key -> given(member(object, key)))) {
                String note = null;
                for (String name : toCreate) {
                    if (absent(member(object, name))) {
                        note = note != null ? note : String.join(" or ", keys.stream().map(key -> at + key).toList());
                        missing.add(new Missing(at + name, note));
                    }
                }
            }
            for (Child child : children) {
                Object member = member(object, child.name());
                if (absent(member)) {
                    continue;
                }
                if (child.rows()) {
                    child.level().walkRows(member, at + child.name(), missing);
                } else {
                    child.level().walk(member, at + child.name() + ".", missing);
                }
            }
        }

        /** Walks each row of an array; anything else is left to OKKI. */
        void walkRows(Object value, String at, List<Missing> missing) {
            if (value instanceof JsonNode node) {
                for (int i = 0; node.isArray() && i < node.size(); i++) {
                    walk(node.get(i), at + "[" + i + "].", missing);
                }
                return;
            }
            List<?> rows = value instanceof List<?> list ? list
                    : value instanceof Iterable<?> items ? copy(items)
                    : value instanceof Object[] array ? Arrays.asList(array) : List.of();
            for (int i = 0; i < rows.size(); i++) {
                walk(rows.get(i), at + "[" + i + "].", missing);
            }
        }
    }

    private record Child(String name, boolean rows, Level level) {
    }

    private static List<?> copy(Iterable<?> items) {
        List<Object> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    /** The value as an object whose members can be read (a Map or an object node), or null when it is not one. */
    private static Object asObject(Object value) {
        if (value instanceof Map<?, ?> || value instanceof JsonNode node && node.isObject()) {
            return value;
        }
        if (value == null || value instanceof JsonNode || value instanceof CharSequence || value instanceof Number
                || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>
                || value instanceof Iterable<?> || value.getClass().isArray() || value instanceof TemporalAccessor
                || value instanceof Date) {
            return null;
        }
        // a POJO: its members as Jackson writes them, which is what OKKI receives
        JsonNode tree = OkkiJson.mapper().valueToTree(value);
        return tree.isObject() ? tree : null;
    }

    private static Object member(Object object, String name) {
        return object instanceof JsonNode node ? node.get(name) : ((Map<?, ?>) object).get(name);
    }

    /** Absent or null. An empty string or array counts as given: OKKI documents "" for some required values. */
    private static boolean absent(Object value) {
        return value == null || value instanceof JsonNode node && (node.isNull() || node.isMissingNode());
    }

    /** Whether an update key holds a value: not absent, "", 0 or "0", the ways OKKI's examples say "create". */
    private static boolean given(Object value) {
        if (absent(value)) {
            return false;
        }
        if (value instanceof JsonNode node) {
            return node.isNumber() ? node.asDouble() != 0 : !node.isTextual() || given(node.asText());
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        return !(value instanceof CharSequence text) || !(text.isEmpty() || "0".contentEquals(text));
    }

    private String message(List<Missing> missing) {
        StringBuilder sb = new StringBuilder(what).append(": the JSON body lacks ");
        int listed = Math.min(missing.size(), LISTED);
        for (int i = 0; i < listed; i++) {
            Missing m = missing.get(i);
            boolean groupEnds = i == listed - 1 || !Objects.equals(m.createNote(), missing.get(i + 1).createNote());
            sb.append(m.path());
            if (groupEnds && m.createNote() != null) {
                sb.append(" (required for a new record; ").append(m.createNote()).append(" marks an existing one)");
            }
            if (i < listed - 1) {
                sb.append(groupEnds ? "; " : ", ");
            }
        }
        if (missing.size() > listed) {
            sb.append(" and ").append(missing.size() - listed).append(" more");
        }
        return sb.append(". OKKI requires ")
                .append(missing.size() == 1 ? "this field: add it" : "these fields: add them")
                .append(" to the body (nothing was sent to OKKI).").toString();
    }
}
