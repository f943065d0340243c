package io.github.camelokki.okki.internal.catalog;

import java.util.Locale;

/**
 * A documented request parameter.
 *
 * @param name        the name OKKI expects, e.g. {@code company_id}
 * @param required    whether a call without it is refused before it is sent
 * @param type        the type OKKI's specification gives it
 * @param description what it means, in English ({@code parameters.txt}); every parameter of the standard catalog has
 *                    one, a parameter made outside the catalog may have none (null)
 */
public record Parameter(String name, boolean required, Type type, String description) {

    /** The parameter types of OKKI's specification; a value given as text in an endpoint URI must parse as one. */
    public enum Type {
        STRING,
        INTEGER,
        NUMBER;

        /** The name in the catalog and in OKKI's specification, e.g. {@code integer}. */
        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An undescribed parameter, as an operation made outside the catalog declares it. */
    public Parameter(String name, boolean required, Type type) {
        this(name, required, type, null);
    }

    public Parameter(String name, boolean required) {
        this(name, required, Type.STRING);
    }

    /** Parses {@code name}, {@code name*} (required), each optionally followed by {@code :integer} or {@code :number}. */
    static Parameter parse(String token) {
        int colon = token.indexOf(':');
        Type type = colon < 0 ? Type.STRING : Type.valueOf(token.substring(colon + 1).toUpperCase(Locale.ROOT));
        String name = colon < 0 ? token : token.substring(0, colon);
        return name.endsWith("*")
                ? new Parameter(name.substring(0, name.length() - 1), true, type)
                : new Parameter(name, false, type);
    }

    /** The same parameter with its description. */
    Parameter describedAs(String text) {
        return new Parameter(name, required, type, text);
    }

    /** As the catalog writes it: {@code name}, {@code name*}, with {@code :integer} or {@code :number}. */
    @Override
    public String toString() {
        return (required ? name + "*" : name) + (type == Type.STRING ? "" : ":" + type.specName());
    }
}
