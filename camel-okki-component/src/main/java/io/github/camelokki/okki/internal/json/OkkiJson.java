package io.github.camelokki.okki.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelokki.okki.api.OkkiInvalidRequestException;

/**
 * The one Jackson mapper of the component, set up for OKKI's data: custom fields keyed by numeric strings, enum values
 * added at will, so nothing unknown may fail a read.
 */
public final class OkkiJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private OkkiJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Converts untyped data (maps, lists) to the user's class. */
    public static <T> T convert(Object data, Class<T> type) {
        return MAPPER.convertValue(data, type);
    }

    /**
     * A message body as JSON.
     *
     * @param bytes what is sent
     * @param tree  the parsed document when the body came as JSON text, bytes or a stream (which are parsed to check
     *              them); null when Jackson wrote the bytes from a Map, List, POJO or JsonNode
     */
    public record Json(byte[] bytes, JsonNode tree) {
    }

    /**
     * Turns a message body into JSON: a JSON String, bytes or stream is checked and sent as it is, its tree kept;
     * anything else (Map, List, POJO, JsonNode) is written by Jackson.
     *
     * @param what names the operation in the error
     */
    public static Json toJson(Object body, String what) {
        try {
            byte[] bytes;
            if (body instanceof String s) {
                bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } else if (body instanceof byte[] b) {
                bytes = b;
            } else if (body instanceof InputStream in) {
                bytes = in.readAllBytes();
            } else {
                return new Json(MAPPER.writeValueAsBytes(body), null);
            }
            return new Json(bytes, readTree(bytes, what));
        } catch (IOException e) {
            throw new OkkiInvalidRequestException("Cannot write the body of " + what + " as JSON: " + e.getMessage(), e);
        }
    }

    /** The bytes of {@link #toJson}. */
    public static byte[] toJsonBytes(Object body, String what) {
        return toJson(body, what).bytes();
    }

    /** Reads a body meant as a set of fields (form operations): a Map as it is, or a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toFields(Object body, String what) {
        if (body instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (body instanceof String || body instanceof byte[] || body instanceof InputStream) {
            JsonNode node = toJson(body, what).tree();
            if (node.isObject()) {
                return MAPPER.convertValue(node, Map.class);
            }
        } else if (body != null && !(body instanceof Iterable<?>) && !body.getClass().isArray()) {
            return MAPPER.convertValue(body, Map.class);
        }
        throw new OkkiInvalidRequestException(what + " sends form fields: give the body as a Map or a JSON object, not "
                + body.getClass().getName());
    }

    private static JsonNode readTree(byte[] bytes, String what) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new OkkiInvalidRequestException("The body of " + what + " is empty; it needs a JSON document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new OkkiInvalidRequestException("The body of " + what + " is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new OkkiInvalidRequestException("Cannot read the body of " + what + ": " + e.getMessage(), e);
        }
    }
}
