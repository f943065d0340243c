package io.github.camelokki.karaf;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ties the shipped features file, and KarafFeatureIT's stand-in for camel-karaf's Camel bundles, to camel-karaf's real
 * features file ({@code org.apache.camel.karaf:apache-camel}, the release the test's Camel comes from): the features
 * {@code camel-okki} depends on exist there in a version its ranges accept, and the stand-in wraps modules camel-karaf
 * ships in {@code camel-core}, with the Jackson of camel-karaf's {@code jackson} feature.
 */
class CamelKarafFeaturesIT {

    private static final Pattern MVN = Pattern.compile("(?:wrap:)?mvn:([^/]+)/([^/]+)/([^/$]+)");

    private static String camelVersion;
    /** camel-karaf's features: name -> one element per version. */
    private static Map<String, List<Element>> camelKaraf;
    private static Element camelOkki;
    private static Map<String, List<Element>> standIn;

    @BeforeAll
    static void readFeatures() throws Exception {
        camelVersion = property("karaf.camel.version");
        camelKaraf = features(Files.readAllBytes(Paths.get(property("karaf.it.dir"))
                .resolve("apache-camel-" + camelVersion + "-features.xml")));
        Map<String, List<Element>> shipped = features(Files.readAllBytes(Paths.get(property("okki.features"))));
        assertEquals(Set.of("camel-okki"), shipped.keySet(), "features of the shipped file");
        camelOkki = shipped.get("camel-okki").get(0);
        try (InputStream in = CamelKarafFeaturesIT.class.getResourceAsStream("/okki-karaf-it-features.xml")) {
            assertNotNull(in, "okki-karaf-it-features.xml is not on the test class path");
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@CAMEL_VERSION@", camelVersion)
                    .replace("@JACKSON_VERSION@", property("karaf.jackson.version"))
                    .replace("@ROUTE_BUNDLE@", "file:/route.jar");
            standIn = features(xml.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theShippedFeatureInstallsTheComponentAndDependsOnCamelKarafFeaturesThatExist() {
        assertEquals("mvn:io.github.camelokki/camel-okki/" + property("okki.version"),
                bundles(camelOkki).get(bundles(camelOkki).size() - 1), "the component bundle, last");
        Map<String, String> dependencies = featureDependencies(camelOkki);
        assertEquals(Set.of("camel-core", "camel-jackson"), dependencies.keySet(), "features camel-okki depends on");
        dependencies.forEach((name, range) -> {
            List<Element> candidates = camelKaraf.getOrDefault(name, List.of());
            assertFalse(candidates.isEmpty(), "camel-karaf " + camelVersion + " has no feature " + name);
            assertTrue(candidates.stream().anyMatch(f -> new VersionRange(range).includes(version(f))),
                    "no " + name + " of camel-karaf " + camelVersion + " is in " + range);
        });
    }

    @Test
    void theStandInWrapsModulesCamelKarafShipsAndTheSameJackson() {
        Set<String> camelKarafCore = new TreeSet<>();
        for (String bundle : bundles(only(camelKaraf, "camel-core"))) {
            Matcher m = MVN.matcher(bundle);
            if (m.lookingAt() && m.group(1).equals("org.apache.camel.karaf")) {
                assertEquals(camelVersion, m.group(3), bundle);
                camelKarafCore.add(m.group(2));
            }
        }
        assertTrue(camelKarafCore.contains("camel-core-osgi"), "camel-karaf's camel-core: " + camelKarafCore);

        List<String> standInCore = bundles(only(standIn, "camel-core"));
        for (String bundle : standInCore) {
            Matcher m = MVN.matcher(bundle);
            assertTrue(m.lookingAt(), "not a Maven bundle: " + bundle);
            assertEquals(camelVersion, m.group(3), bundle);
            assertTrue(camelKarafCore.contains(m.group(2)),
                    m.group(2) + " is not a module of camel-karaf's camel-core " + camelVersion);
        }
        assertTrue(standInCore.contains("mvn:org.apache.camel.karaf/camel-core-osgi/" + camelVersion),
                "the stand-in uses camel-karaf's own camel-core-osgi");

        // camel-karaf's camel-jackson -> jackson feature -> the Jackson bundles the stand-in installs
        String jacksonRange = featureDependencies(only(camelKaraf, "camel-jackson")).get("jackson");
        assertNotNull(jacksonRange, "camel-karaf's camel-jackson does not depend on its jackson feature");
        Element jackson = camelKaraf.get("jackson").stream()
                .filter(f -> new VersionRange(jacksonRange).includes(version(f))).findFirst().orElseThrow();
        assertEquals(Version.parseVersion(property("karaf.jackson.version")), version(jackson),
                "the Jackson of camel-karaf's jackson feature");
        assertEquals(artifacts(bundles(jackson)), artifacts(bundles(only(standIn, "camel-jackson"))),
                "Jackson bundles of the stand-in and of camel-karaf");
    }

    // --- features XML ---

    private static Map<String, List<Element>> features(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Map<String, List<Element>> byName = new LinkedHashMap<>();
        for (Element f : children(doc.getDocumentElement(), "feature")) {
            byName.computeIfAbsent(f.getAttribute("name"), n -> new ArrayList<>()).add(f);
        }
        return byName;
    }

    private static Element only(Map<String, List<Element>> features, String name) {
        List<Element> found = features.getOrDefault(name, List.of()).stream()
                .filter(f -> version(f).equals(Version.parseVersion(camelVersion))).toList();
        assertEquals(1, found.size(), "feature " + name + "/" + camelVersion);
        return found.get(0);
    }

    private static Version version(Element feature) {
        String v = feature.getAttribute("version");
        return Version.parseVersion(v.isEmpty() ? "0.0.0" : v);
    }

    /** Feature name -> version range of the features a feature depends on (prerequisites left out). */
    private static Map<String, String> featureDependencies(Element feature) {
        Map<String, String> deps = new LinkedHashMap<>();
        for (Element dep : children(feature, "feature")) {
            if (!"true".equals(dep.getAttribute("prerequisite"))) {
                deps.put(dep.getTextContent().trim(), dep.getAttribute("version"));
            }
        }
        return deps;
    }

    private static List<String> bundles(Element feature) {
        return children(feature, "bundle").stream().map(b -> b.getTextContent().trim()).toList();
    }

    /** group/artifact/version of Maven bundle URLs, wrapped or not. */
    private static Set<String> artifacts(List<String> bundles) {
        Set<String> out = new TreeSet<>();
        for (String b : bundles) {
            Matcher m = MVN.matcher(b);
            assertTrue(m.lookingAt(), "not a Maven bundle: " + b);
            out.add(m.group(1) + "/" + m.group(2) + "/" + m.group(3));
        }
        return out;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertNotNull(value, "system property " + name + " (set by failsafe) is missing");
        return value;
    }
}
