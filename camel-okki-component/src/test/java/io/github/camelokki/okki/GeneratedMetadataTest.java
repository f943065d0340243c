package io.github.camelokki.okki;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.internal.json.OkkiJson;
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
            assertInstanceOf(OkkiEventsEndpointConfigurer.class, PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("okki-events-endpoint", context));
            assertInstanceOf(OkkiEventsComponentConfigurer.class, PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("okki-events-component", context));
        }
    }

    private static JsonNode componentJson(String name) throws Exception {
        try (InputStream in = GeneratedMetadataTest.class.getResourceAsStream("/META-INF/io/github/camelokki/okki/"
                + name)) {
            assertNotNull(in, name + " is missing from the jar");
            return OkkiJson.mapper().readTree(in);
        }
    }

    /** The endpoint options of a component JSON, each with its group. */
    private static Map<String, String> endpointOptions(JsonNode json) {
        Map<String, String> options = new TreeMap<>();
        json.get("properties").properties().forEach(o -> options.put(o.getKey(), o.getValue().get("group").asText()));
        return options;
    }

    private static final Set<String> CONNECTION = Set.of("baseUrl", "clientId", "clientSecret", "grantType",
            "username", "password", "scope", "tokenLifetime", "connectTimeout", "responseTimeout", "maxConnections",
            "proxyHost", "proxyPort", "proxyUsername", "proxyPassword", "httpClient", "maxRetries", "retryDelay",
            "retryMaxDelay", "retryWrites");
    private static final Set<String> WEBHOOK = Set.of("securityConfig", "secretGracePeriod", "timestampTolerance",
            "maxBodySize", "eventTypes", "enrich", "register", "callbackUrl", "subscriptions");
    private static final Set<String> CAMEL_CONSUMER = Set.of("bridgeErrorHandler", "exceptionHandler",
            "exchangePattern");

    /** okki-events.json holds exactly the webhook endpoint's options: its path, connection, webhook, repository. */
    @Test
    void eventsJsonHoldsExactlyTheWebhookOptions() throws Exception {
        JsonNode json = componentJson("okki-events.json");
        assertEquals("okki-events:webhookPath", json.at("/component/syntax").asText());
        assertTrue(json.at("/component/consumerOnly").asBoolean());
        Set<String> expected = new TreeSet<>();
        expected.add("webhookPath");
        expected.addAll(CONNECTION);
        expected.addAll(WEBHOOK);
        expected.addAll(CAMEL_CONSUMER);
        expected.addAll(Set.of("idempotentRepository", "idempotentCacheSize"));
        assertEquals(expected, endpointOptions(json).keySet());
        assertTrue(json.at("/properties/securityConfig/secret").asBoolean());
        // options only, and so no component options beyond Camel's own: okki-events takes the okki component's
        assertEquals(Set.of("bridgeErrorHandler", "autowiredEnabled"), fieldNames(json.get("componentProperties")));
    }

    /** okki.json holds no webhook option and no webhook path: those are okki-events'. */
    @Test
    void okkiJsonHoldsNoWebhookOption() throws Exception {
        Map<String, String> options = endpointOptions(componentJson("okki.json"));
        assertEquals(Map.of(), options.entrySet().stream()
                .filter(o -> WEBHOOK.contains(o.getKey()) || o.getValue().contains("webhook")
                        || o.getKey().equals("webhookPath"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertTrue(options.keySet().containsAll(CONNECTION));
        assertTrue(options.keySet().containsAll(Set.of("delay", "initialDelay", "pageSize", "initialSync")));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void componentJsonDescribesOptionsHeadersAndSecrets() throws Exception {
        JsonNode json = componentJson("okki.json");
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
