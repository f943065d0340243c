package io.github.camelokki.okki;

import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelokki.okki.json.OkkiJson;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build must ship compiled configurers and the component JSON, or Camel silently falls back to reflection and
 * tooling sees no options.
 */
class GeneratedMetadataTest {

    @Test
    void configurersAreCompiledAndResolvable() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            PropertyConfigurer endpoint = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("okki-endpoint", context);
            PropertyConfigurer component = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("okki-component", context);
            assertInstanceOf(OkkiEndpointConfigurer.class, endpoint);
            assertInstanceOf(OkkiComponentConfigurer.class, component);
        }
    }

    @Test
    void componentJsonDescribesOptionsHeadersAndSecrets() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelokki/okki/okki.json")) {
            assertNotNull(in, "okki.json is missing from the jar");
            json = OkkiJson.mapper().readTree(in);
        }
        assertEquals("okki:resource/operation", json.at("/component/syntax").asText());
        JsonNode props = json.get("properties");
        for (String secret : new String[] { "clientSecret", "password", "proxyPassword" }) {
            assertTrue(props.get(secret).get("secret").asBoolean(), secret + " must be marked secret");
            assertTrue(json.at("/componentProperties/" + secret + "/secret").asBoolean());
        }
        assertEquals("param.", props.get("params").get("prefix").asText());
        assertTrue(props.get("params").get("multiValue").asBoolean());
        for (Map.Entry<String, JsonNode> option : props.properties()) {
            assertTrue(!option.getValue().get("description").asText().isBlank(), option.getKey() + " has no description");
        }
        assertEquals(Map.of(), missingHeaders(json));
    }

    private static Map<String, String> missingHeaders(JsonNode json) {
        JsonNode headers = json.get("headers");
        java.util.Map<String, String> missing = new java.util.TreeMap<>();
        for (String header : new String[] { OkkiConstants.PARAMS, OkkiConstants.ID, OkkiConstants.OPERATION,
                OkkiConstants.SERVER_TIME, OkkiConstants.TOTAL, OkkiConstants.PAGE, OkkiConstants.PAGE_SIZE }) {
            if (headers.get(header) == null || headers.get(header).get("description").asText().isBlank()) {
                missing.put(header, "missing or undocumented");
            }
        }
        return missing;
    }
}
