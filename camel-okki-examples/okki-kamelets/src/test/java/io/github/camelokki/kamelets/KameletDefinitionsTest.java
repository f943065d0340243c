package io.github.camelokki.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kamelet on the classpath (kamelets/, where camel-kamelet looks by default, after the build filled in the
 * version) follows the rules of the Apache Camel Kamelet catalog's validator ({@link KameletRules}; a failure names
 * the file and the rule), and declares exactly the documented properties, with the right ones required, secret and
 * defaulted. Each rule is also shown to catch a Kamelet that breaks it.
 */
class KameletDefinitionsTest {

    private static final Set<String> SHIPPED = Set.of("okki-source.kamelet.yaml", "okki-sink.kamelet.yaml",
            "okki-events-source.kamelet.yaml");

    private static final KameletRules RULES = new KameletRules("mvn:io.github.camelokki:camel-okki:" + version());

    static Stream<String> shippedFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(KameletDefinitionsTest.class.getClassLoader().getResource("kamelets").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".kamelet.yaml"))
                    .sorted().toList();
            assertEquals(new TreeSet<>(SHIPPED), new TreeSet<>(names), "the Kamelet files shipped");
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void followsTheCatalogRules(String file) throws IOException {
        Map<String, Object> kamelet = loadFile(file);
        assertEquals(List.of(), RULES.check(file, kamelet));
        // the build filled in the version: the same in the catalog annotation and the camel-okki dependency
        Map<String, Object> annotations = map(map(kamelet, "metadata"), "annotations");
        assertEquals(version(), annotations.get(KameletRules.CATALOG_VERSION), file);
        assertEquals("camel-okki", annotations.get(KameletRules.PROVIDER), file);
    }

    /** Each data type's format names a transformer Camel finds by that name (camel-okki and camel-jackson ship them). */
    @ParameterizedTest
    @MethodSource("shippedFiles")
    void everyDataTypeFormatResolvesToATransformer(String file) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            map(map(loadFile(file), "spec"), "dataTypes").forEach((slot, slotSpec) -> KameletRules
                    .map(KameletRules.map(slotSpec).get("types")).forEach((name, type) -> {
                        String format = String.valueOf(KameletRules.map(type).get("format"));
                        assertNotNull(camel.resolveTransformer(format), file + ": " + slot + "." + name + ": " + format);
                    }));
        }
    }

    @Test
    void theShippedKameletsTogether() throws IOException, URISyntaxException {
        Map<String, Map<String, Object>> all = new TreeMap<>();
        for (String file : shippedFiles().toList()) {
            all.put(file, loadFile(file));
        }
        assertEquals(List.of(), KameletRules.checkTogether(all));
    }

    /** A copy of a shipped Kamelet broken in one way gets exactly the violation of that rule. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "file name|okki-source|okki-src.kamelet.yaml: file name: metadata.name is 'okki-source'",
        "name suffix|okki-source|okki-source-x.kamelet.yaml: type label: the name does not end with -source",
        "title|okki-source|okki-source.kamelet.yaml: title: 'OKKI CRM Records' does not end with Source",
        "sink title|okki-sink|okki-sink.kamelet.yaml: title: 'OKKI CRM Writer' does not end with Sink",
        "description|okki-source|okki-source.kamelet.yaml: description: spec.definition has no description",
        "definition type|okki-source|okki-source.kamelet.yaml: definition type: spec.definition.type is not object",
        "required twice|okki-source|okki-source.kamelet.yaml: required: 'clientId' is listed twice",
        "required undefined|okki-source|okki-source.kamelet.yaml: required: 'region' is not a property",
        "property type|okki-source|okki-source.kamelet.yaml: property type: 'pageSize' has no type",
        "property description|okki-source|okki-source.kamelet.yaml: property description: 'delay' has no description",
        "property title missing|okki-source|okki-source.kamelet.yaml: property title: 'delay' has no title",
        "property title case|okki-source|okki-source.kamelet.yaml: property title: 'pageSize' title 'page Size' has the lower-case word 'page'",
        "property title article|okki-source|okki-source.kamelet.yaml: property title: 'pageSize' title 'The Page Size' starts with 'The'",
        "icon missing|okki-source|okki-source.kamelet.yaml: icon: camel.apache.org/kamelet.icon is not an SVG data URI (data:image/svg+xml;base64,...)",
        "icon png|okki-source|okki-source.kamelet.yaml: icon: camel.apache.org/kamelet.icon is not an SVG data URI (data:image/svg+xml;base64,...)",
        "catalog version|okki-source|okki-source.kamelet.yaml: catalog version: no camel.apache.org/catalog.version annotation",
        "provider|okki-source|okki-source.kamelet.yaml: provider: no camel.apache.org/provider annotation",
        "password without credentials|okki-source|okki-source.kamelet.yaml: credentials: 'clientSecret' has format password without the x-descriptor urn:camel:group:credentials",
        "deprecated descriptor|okki-source|okki-source.kamelet.yaml: credentials: 'clientId' uses the deprecated x-descriptor urn:alm:descriptor:com.tectonic.ui:password",
        "dependency syntax|okki-source|okki-source.kamelet.yaml: dependency syntax: 'mvn:org.example:no-version' is not a camel:<name>, mvn:group:artifact:version or github:apache/... reference",
        "okki dependency missing|okki-sink|okki-sink.kamelet.yaml: dependencies: the template needs 'mvn:io.github.camelokki:camel-okki:VERSION', which spec.dependencies lacks",
        "jackson missing|okki-source|okki-source.kamelet.yaml: dependencies: the template needs 'camel:jackson', which spec.dependencies lacks",
        "core missing|okki-events-source|okki-events-source.kamelet.yaml: dependencies: the template needs 'camel:core', which spec.dependencies lacks",
        "kamelet missing|okki-sink|okki-sink.kamelet.yaml: dependencies: the template needs 'camel:kamelet', which spec.dependencies lacks",
        "parameter not declared|okki-sink|okki-sink.kamelet.yaml: parameters: {{region}} is used but not declared",
        "parameter not used|okki-events-source|okki-events-source.kamelet.yaml: parameters: 'region' is declared but never used",
        "source routing|okki-source|okki-source.kamelet.yaml: routing convention: a source must route to kamelet:sink",
        "sink routing|okki-sink|okki-sink.kamelet.yaml: routing convention: a sink must consume from kamelet:source",
        "data type slot|okki-source|okki-source.kamelet.yaml: data types: slot 'output' is not in, out or error",
        "source with in|okki-source|okki-source.kamelet.yaml: data types: a source has no in data types",
        "sink with out|okki-sink|okki-sink.kamelet.yaml: data types: a sink has no out data types",
        "unknown default|okki-source|okki-source.kamelet.yaml: data types: out: the default 'avro' is not one of the types [json, cloudevents]",
        "type without format|okki-events-source|okki-events-source.kamelet.yaml: data types: out.cloudevents has no format",
        "type without description|okki-source|okki-source.kamelet.yaml: data types: out.json has no description",
        "header without type|okki-source|okki-source.kamelet.yaml: data types: out.cloudevents header CamelCloudEventID lacks a type or a description",
        "header default not text|okki-source|okki-source.kamelet.yaml: data types: out header CamelOkkiDeleted has a default that is not text",
    })
    @SuppressWarnings("unchecked")
    void eachRuleCatchesItsViolation(String broken, String name, String expected) throws IOException {
        Map<String, Object> kamelet = load(name);
        Map<String, Object> metadata = map(kamelet, "metadata");
        Map<String, Object> annotations = map(metadata, "annotations");
        Map<String, Object> spec = map(kamelet, "spec");
        Map<String, Object> definition = map(spec, "definition");
        Map<String, Object> properties = map(definition, "properties");
        Map<String, Object> from = map(map(spec, "template"), "from");
        List<Object> dependencies = (List<Object>) spec.get("dependencies");
        Map<String, Object> dataTypes = map(spec, "dataTypes");
        String file = name + ".kamelet.yaml";
        switch (broken) {
            case "file name" -> file = "okki-src.kamelet.yaml";
            case "name suffix" -> {
                metadata.put("name", "okki-source-x");
                file = "okki-source-x.kamelet.yaml";
            }
            case "title" -> definition.put("title", "OKKI CRM Records");
            case "sink title" -> definition.put("title", "OKKI CRM Writer");
            case "description" -> definition.remove("description");
            case "definition type" -> definition.put("type", "array");
            case "required twice" -> ((List<Object>) definition.get("required")).add("clientId");
            case "required undefined" -> ((List<Object>) definition.get("required")).add("region");
            case "property type" -> map(properties, "pageSize").remove("type");
            case "property description" -> map(properties, "delay").remove("description");
            case "property title missing" -> map(properties, "delay").remove("title");
            case "property title case" -> map(properties, "pageSize").put("title", "page Size");
            case "property title article" -> map(properties, "pageSize").put("title", "The Page Size");
            case "icon missing" -> annotations.remove(KameletRules.ICON);
            case "icon png" -> annotations.put(KameletRules.ICON, "data:image/png;base64,iVBORw0KGgo=");
            case "catalog version" -> annotations.remove(KameletRules.CATALOG_VERSION);
            case "provider" -> annotations.remove(KameletRules.PROVIDER);
            case "password without credentials" -> map(properties, "clientSecret").remove("x-descriptors");
            case "deprecated descriptor" -> ((List<Object>) map(properties, "clientId").get("x-descriptors"))
                    .add("urn:alm:descriptor:com.tectonic.ui:password");
            case "dependency syntax" -> dependencies.add("mvn:org.example:no-version");
            case "okki dependency missing" -> dependencies.removeIf(d -> d.toString().startsWith("mvn:"));
            case "jackson missing" -> dependencies.remove("camel:jackson");
            case "core missing" -> dependencies.remove("camel:core");
            case "kamelet missing" -> dependencies.remove("camel:kamelet");
            case "parameter not declared" -> {
                Map<String, Object> to = (Map<String, Object>) ((Map<String, Object>) ((List<Object>) from.get("steps"))
                        .get(0)).get("to");
                map(to, "parameters").put("region", "{{region}}");
            }
            case "parameter not used" -> properties.put("region", new LinkedHashMap<>(Map.of(
                    "title", "Region", "description", "Where the account lives.", "type", "string")));
            case "source routing" -> {
                List<Object> steps = (List<Object>) from.get("steps");
                steps.set(steps.size() - 1, Map.of("to", "kamelet:other"));
            }
            case "sink routing" -> from.put("uri", "kamelet:other");
            case "data type slot" -> dataTypes.put("output", dataTypes.remove("out"));
            case "source with in" -> dataTypes.put("in", dataTypes.get("out"));
            case "sink with out" -> dataTypes.put("out", dataTypes.get("in"));
            case "unknown default" -> map(dataTypes, "out").put("default", "avro");
            case "type without format" -> map(map(map(dataTypes, "out"), "types"), "cloudevents").remove("format");
            case "type without description" -> map(map(map(dataTypes, "out"), "types"), "json").remove("description");
            case "header without type" -> map(map(map(map(map(dataTypes, "out"), "types"), "cloudevents"), "headers"),
                    "CamelCloudEventID").remove("type");
            case "header default not text" -> map(map(map(dataTypes, "out"), "headers"), "CamelOkkiDeleted")
                    .put("default", false);
            default -> throw new IllegalArgumentException(broken);
        }
        assertEquals(List.of(expected.replace("VERSION", version())), RULES.check(file, kamelet));
    }

    @Test
    void rulesAcrossFilesCatchDuplicatesAndMixedVersions() throws IOException {
        Map<String, Map<String, Object>> all = new TreeMap<>();
        all.put("okki-source.kamelet.yaml", load("okki-source"));
        Map<String, Object> copy = load("okki-source");
        map(map(copy, "metadata"), "annotations").put(KameletRules.CATALOG_VERSION, "0.0.1");
        all.put("okki-source-copy.kamelet.yaml", copy);
        List<String> violations = new ArrayList<>(KameletRules.checkTogether(all));
        assertEquals(List.of(
                "okki-source.kamelet.yaml: unique title: 'OKKI CRM Source' is also the title of okki-source-copy.kamelet.yaml",
                "okki-source.kamelet.yaml: unique description: the description is also that of okki-source-copy.kamelet.yaml",
                "one catalog version: camel.apache.org/catalog.version differs between files: {0.0.1=[okki-source-copy.kamelet.yaml], "
                        + version() + "=[okki-source.kamelet.yaml]}"),
                violations);
    }

    static String version() {
        String version = System.getProperty("project.version");
        assertNotNull(version, "surefire passes project.version");
        return version;
    }

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

    static Map<String, Object> load(String name) throws IOException {
        return loadFile(name + ".kamelet.yaml");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> loadFile(String file) throws IOException {
        String resource = "kamelets/" + file;
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
