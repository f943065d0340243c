package io.github.camelokki.okki.internal.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A documented field of an operation's JSON request body, as {@code bodies.txt} records it.
 *
 * @param path where the field sits: {@code name} at the top of the body, {@code product_list[].sku_id} in each row of
 *             the array {@code product_list}, {@code value.item_id} in the object {@code value}, {@code [].sku_id} in
 *             each row of a body that is itself an array
 * @param need whether a call without the field is refused before it is sent
 * @param type the type OKKI's schema gives the field
 */
public record BodyField(String path, Need need, Type type) {

    /** name, a.b, list[].name, [].name: names joined by dots, any but the last may be an array's rows. */
    private static final Pattern PATH = Pattern.compile("(\\[]\\.)?([A-Za-z_]\\w*(\\[])?\\.)*[A-Za-z_]\\w*");

    /** Whether a body must carry the field. */
    public enum Need {
        /** The body may leave it out. */
        OPTIONAL("", false),
        /** A body (or, for a nested field, a row or object that is given) without it is refused. */
        REQUIRED("*", true),
        /**
         * Required to create a record: refused only when the object holding the field gives none of its update keys
         * ({@link BodyFields#updateKeys()}), so an update may leave it out.
         */
        REQUIRED_TO_CREATE("+", true),
        /**
         * OKKI's schema marks it required, but the rest of OKKI's documentation contradicts that, or does not let the
         * component tell when it applies ({@code bodies.txt} says which); not checked, so a valid call is never
         * refused.
         */
        UNCHECKED("?", false);

        private final String mark;
        private final boolean checked;

        Need(String mark, boolean checked) {
            this.mark = mark;
            this.checked = checked;
        }

        /** Whether the component refuses a body that lacks the field (when the need applies). */
        public boolean checked() {
            return checked;
        }

        static Need ofMark(String mark) {
            for (Need need : values()) {
                if (need.mark.equals(mark)) {
                    return need;
                }
            }
            throw new IllegalArgumentException("unknown mark '" + mark + "'");
        }
    }

    /** The JSON types of OKKI's schema. */
    public enum Type {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        ARRAY,
        OBJECT;

        /** The name in {@code bodies.txt} and in OKKI's schema, e.g. {@code integer}. */
        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The field's own name, the last part of its path (e.g. {@code sku_id}). */
    public String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /**
     * The path of the object holding the field: empty at the top of the body, {@code product_list[]} for the rows of
     * {@code product_list}, {@code []} for the rows of a body that is an array.
     */
    public String parent() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** Whether the field sits at the top of the body (or of each row of a body that is an array). */
    public boolean isTopLevel() {
        String parent = parent();
        return parent.isEmpty() || parent.equals("[]");
    }

    /**
     * Parses {@code path}, followed by a mark ({@code *} required, {@code +} required to create, {@code ?} unchecked,
     * none optional), followed by {@code :type} unless it is a string.
     */
    static BodyField parse(String token) {
        int colon = token.indexOf(':');
        Type type = colon < 0 ? Type.STRING : Type.valueOf(token.substring(colon + 1).toUpperCase(Locale.ROOT));
        String marked = colon < 0 ? token : token.substring(0, colon);
        char last = marked.isEmpty() ? ' ' : marked.charAt(marked.length() - 1);
        boolean hasMark = last == '*' || last == '+' || last == '?';
        String path = hasMark ? marked.substring(0, marked.length() - 1) : marked;
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("'" + path + "' is not a field path (name, a.b, list[].name, [].name)");
        }
        return new BodyField(path, Need.ofMark(hasMark ? String.valueOf(last) : ""), type);
    }

    @Override
    public String toString() {
        return path + need.mark + (type == Type.STRING ? "" : ":" + type.specName());
    }
}
