package io.github.camelokki.okki.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;

/**
 * The Spring Boot configuration metadata the starter ships (written by spring-boot-configuration-processor from
 * {@link OkkiComponentConfiguration}, itself generated from the component's catalog) against that catalog: a key for
 * every option, with the component's description, default and deprecation.
 */
class ConfigurationMetadataTest {

    private static final String PREFIX = "camel.component.okki.";

    @Test
    void everyComponentOptionHasItsKeyDescriptionAndDefault() throws IOException {
        Map<String, JsonNode> expected = new HashMap<>();
        ComponentOptions.all()
                .forEach((name, option) -> expected.put(PREFIX + StringHelper.camelCaseToDash(name), option));
        Map<String, JsonNode> keys = starterKeys();

        assertThat(keys).containsOnlyKeys(expected.keySet().toArray(String[]::new));
        expected.forEach((key, option) -> {
            JsonNode property = keys.get(key);
            assertThat(property.path("description").asText()).as(key).isEqualTo(option.get("description").asText());
            assertThat(normalized(property.get("defaultValue"))).as(key + " default")
                    .isEqualTo(normalized(option.get("defaultValue")));
            assertThat(property.path("deprecated").asBoolean()).as(key + " deprecated")
                    .isEqualTo(option.path("deprecated").asBoolean());
        });
    }

    /** The metadata writes enum defaults the Spring way (client_credentials as client-credentials, JSON as json). */
    private static String normalized(JsonNode defaultValue) {
        return defaultValue == null ? null : defaultValue.asText().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The component option keys of the metadata file with the camel.component.okki group (Camel's own starters have
     * theirs on the classpath too); the starter's own switches, enabled and customizer.enabled, left out.
     */
    private static Map<String, JsonNode> starterKeys() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (URL url : Collections.list(ConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode metadata = mapper.readTree(in);
                if (metadata.path("groups").findValuesAsText("name").contains("camel.component.okki")) {
                    Map<String, JsonNode> keys = new HashMap<>();
                    metadata.get("properties").forEach(property -> keys.put(property.get("name").asText(), property));
                    assertThat(keys.remove(PREFIX + "enabled")).isNotNull();
                    assertThat(keys.remove(PREFIX + "customizer.enabled")).isNotNull();
                    return keys;
                }
            }
        }
        throw new AssertionError("no configuration metadata with the camel.component.okki group on the classpath");
    }
}
