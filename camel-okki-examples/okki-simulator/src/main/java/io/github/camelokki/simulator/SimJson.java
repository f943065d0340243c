package io.github.camelokki.simulator;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

import com.github.tomakehurst.wiremock.common.Json;

/**
 * JSON for the simulated API. Reading goes through WireMock's bundled Jackson, so the simulator needs no JSON library
 * of its own; writing is done here because WireMock's mapper drops nulls, and OKKI sends them ({@code "data":null}).
 */
final class SimJson {

    /** What OKKI is made to answer when a JSON body is not an object. */
    static final String NOT_AN_OBJECT = "the request body must be a JSON object";

    private SimJson() {
    }

    /** Writes maps, collections, strings, numbers, booleans and nulls, the shapes records and envelopes are made of. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    /** Reads a JSON object; anything else (an array, a scalar, broken text) gives {@code null}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Object value = Json.getObjectMapper().readValue(text, Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : value.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                string(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
                if (entries.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            Iterator<?> items = list.iterator();
            while (items.hasNext()) {
                write(items.next(), out);
                if (items.hasNext()) {
                    out.append(',');
                }
            }
            out.append(']');
        } else {
            string(value.toString(), out);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
