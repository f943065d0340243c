package io.github.camelokki.okki.catalog;

/**
 * A documented request parameter.
 *
 * @param name     the name OKKI expects, e.g. {@code company_id}
 * @param required whether a call without it is refused before it is sent
 */
public record Parameter(String name, boolean required) {

    /** Parses {@code name} or {@code name*} (required). */
    static Parameter parse(String token) {
        return token.endsWith("*")
                ? new Parameter(token.substring(0, token.length() - 1), true)
                : new Parameter(token, false);
    }

    @Override
    public String toString() {
        return required ? name + "*" : name;
    }
}
