package io.github.camelokki.okki.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The component-level options of the okki component, as its generated catalog (okki.json in camel-okki) lists them. */
final class ComponentOptions {

    private static final String CATALOG = "/META-INF/io/github/camelokki/okki/okki.json";

    private ComponentOptions() {
    }

    /** Each option by its name (e.g. clientId), in catalog order. */
    static Map<String, JsonNode> all() {
        try (InputStream in = ComponentOptions.class.getResourceAsStream(CATALOG)) {
            Map<String, JsonNode> options = new LinkedHashMap<>();
            new ObjectMapper().readTree(in).get("componentProperties").properties()
                    .forEach(option -> options.put(option.getKey(), option.getValue()));
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
