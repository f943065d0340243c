package io.github.camelokki.simulator;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * JSON for the simulated API, with plain Jackson so that the model runs behind any HTTP front end. Nulls are written,
 * because OKKI sends them ({@code "data":null}); amounts keep their decimals as written ({@code 12.30}, not
 * {@code 12.3}) both ways.
 */
final class SimJson {

    /** What OKKI is made to answer when a JSON body is not an object. */
    static final String NOT_AN_OBJECT = "the request body must be a JSON object";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private SimJson() {
    }

    /** Writes maps, collections, strings, numbers, booleans and nulls, the shapes records and envelopes are made of. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /** The value written once as JSON text, which {@link #write} then copies as it is into whatever contains it. */
    static Object raw(Object value) {
        return new RawValue(write(value));
    }

    /** Reads a JSON object; anything else (an array, a scalar, broken text) gives {@code null}. */
    static Map<String, Object> readObject(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readValue(text, OBJECT);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
