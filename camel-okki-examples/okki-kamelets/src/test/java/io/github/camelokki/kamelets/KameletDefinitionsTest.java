package io.github.camelokki.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kamelet on the classpath (kamelets/, where camel-kamelet looks by default) parses, is a catalog-style Kamelet
 * of its type, and declares exactly the documented properties, with the right ones required, secret and defaulted.
 */
class KameletDefinitionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "okki-source;source;clientId clientSecret resource;"
            + "clientId clientSecret baseUrl resource pageSize delay initialSync includeDeleted stateRepository idempotentRepository;"
            + "clientSecret;okki:{{resource}}/list",
        "okki-sink;sink;clientId clientSecret resource;clientId clientSecret baseUrl resource operation;"
            + "clientSecret;kamelet:source",
        "okki-events-source;source;securityConfig;securityConfig eventTypes webhookPath;securityConfig;okki:events",
    })
    @SuppressWarnings("unchecked")
    void declaresTheDocumentedProperties(String name, String type, String required, String properties, String secrets,
            String fromUri) throws IOException {
        Map<String, Object> kamelet = load(name);

        assertEquals("camel.apache.org/v1", kamelet.get("apiVersion"));
        assertEquals("Kamelet", kamelet.get("kind"));
        Map<String, Object> metadata = map(kamelet, "metadata");
        assertEquals(name, metadata.get("name"));
        assertEquals(Map.of("camel.apache.org/kamelet.type", type), metadata.get("labels"));
        assertEquals("camel-okki", map(metadata, "annotations").get("camel.apache.org/provider"));

        Map<String, Object> spec = map(kamelet, "spec");
        Map<String, Object> definition = map(spec, "definition");
        assertNotNull(definition.get("title"));
        assertNotNull(definition.get("description"));
        assertEquals("object", definition.get("type"));
        assertEquals(List.of(required.split(" ")), definition.get("required"));
        Map<String, Object> props = map(definition, "properties");
        assertEquals(List.of(properties.split(" ")), List.copyOf(props.keySet()), "properties in order");

        Set<String> secretProps = new TreeSet<>();
        props.forEach((prop, value) -> {
            Map<String, Object> p = (Map<String, Object>) value;
            assertNotNull(p.get("title"), prop + " title");
            assertNotNull(p.get("description"), prop + " description");
            assertNotNull(p.get("type"), prop + " type");
            if ("password".equals(p.get("format"))) {
                secretProps.add(prop);
                assertEquals(List.of("urn:camel:group:credentials"), p.get("x-descriptors"), prop);
            }
            // a required property has no default, an optional one either has one or is used as {{?prop}}
            assertFalse(definition.get("required").toString().contains(prop) && p.containsKey("default"), prop);
        });
        assertEquals(new TreeSet<>(List.of(secrets.split(" "))), secretProps, "secret properties");

        List<String> dependencies = (List<String>) spec.get("dependencies");
        assertTrue(dependencies.contains("camel:kamelet"), dependencies.toString());
        String okki = dependencies.stream().filter(d -> d.startsWith("mvn:")).findFirst().orElseThrow();
        String version = System.getProperty("project.version");
        assertNotNull(version, "surefire passes project.version");
        assertEquals("mvn:io.github.camelokki:camel-okki:" + version, okki, "the version is filled in at build time");
        assertEquals(version, metadata.get("annotations").toString().replaceAll(".*catalog.version=([^,}]*).*", "$1"));

        Map<String, Object> from = map(map(spec, "template"), "from");
        assertEquals(fromUri, from.get("uri"));
        String template = map(spec, "template").toString();
        for (String prop : props.keySet()) {
            assertTrue(template.contains("{{" + prop + "}}") || template.contains("{{?" + prop + "}}"),
                    prop + " is used in the template");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "okki-source,baseUrl,https://api-sandbox.xiaoman.cn", "okki-source,pageSize,100", "okki-source,delay,60000",
        "okki-source,initialSync,all", "okki-source,includeDeleted,false",
        "okki-sink,baseUrl,https://api-sandbox.xiaoman.cn", "okki-sink,operation,push",
        "okki-events-source,webhookPath,/okki/events",
    })
    void defaults(String name, String property, String expected) throws IOException {
        Map<String, Object> props = map(map(map(load(name), "spec"), "definition"), "properties");
        assertEquals(expected, String.valueOf(map(props, property).get("default")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String name) throws IOException {
        String resource = "kamelets/" + name + ".kamelet.yaml";
        try (InputStream in = KameletDefinitionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " on the classpath");
            return (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertNotNull(value, key);
        return (Map<String, Object>) value;
    }
}
