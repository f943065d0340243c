package io.github.camelokki.okki;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar is an OSGi bundle Karaf can install: it exports the component's packages with the project's version,
 * imports what it needs with version ranges (Camel and HttpComponents jars carry no OSGi metadata, so the ranges come
 * from the build), imports nothing from test-only libraries, and still holds Camel's generated service files.
 * Run by maven-failsafe-plugin in {@code verify}: the manifest exists only once the jar is packaged.
 */
class BundleManifestIT {

    /** The public surface: the Camel glue, the types its options and errors use, the state stores users create. */
    private static final List<String> EXPORTED = List.of(
            "io.github.camelokki.okki",
            "io.github.camelokki.okki.api",
            "io.github.camelokki.okki.state");

    /** In the jar, private to the bundle: Camel loads what it needs of them through the bundle's own class loader. */
    private static final List<String> INTERNAL = List.of(
            "io.github.camelokki.okki.internal.auth",
            "io.github.camelokki.okki.internal.catalog",
            "io.github.camelokki.okki.internal.client",
            "io.github.camelokki.okki.internal.health",
            "io.github.camelokki.okki.internal.json",
            "io.github.camelokki.okki.internal.sync",
            "io.github.camelokki.okki.internal.transport",
            "io.github.camelokki.okki.internal.webhook");

    private static File jar;
    private static Attributes main;
    private static Map<String, Map<String, String>> exports;
    private static Map<String, Map<String, String>> imports;

    @BeforeAll
    static void readManifest() throws Exception {
        String path = System.getProperty("okki.bundle.jar");
        assertNotNull(path, "system property okki.bundle.jar (set by failsafe) is missing");
        jar = new File(path);
        assertTrue(jar.isFile(), "no packaged jar at " + jar);
        try (JarFile file = new JarFile(jar)) {
            assertNotNull(file.getManifest(), "the jar has no manifest");
            main = file.getManifest().getMainAttributes();
        }
        exports = parse(main.getValue("Export-Package"));
        imports = parse(main.getValue("Import-Package"));
    }

    @Test
    void identifiesItselfAsABundle() {
        assertEquals("2", main.getValue("Bundle-ManifestVersion"));
        assertEquals("io.github.camelokki.camel-okki", main.getValue("Bundle-SymbolicName"));
        String version = main.getValue("Bundle-Version");
        assertNotNull(version);
        assertTrue(version.startsWith(releaseVersion()), "Bundle-Version " + version);
    }

    @Test
    void exportsTheComponentPackagesWithTheProjectVersion() {
        for (String pkg : EXPORTED) {
            Map<String, String> attrs = exports.get(pkg);
            assertNotNull(attrs, pkg + " is not exported: " + exports.keySet());
            assertEquals(releaseVersion(), attrs.get("version"), "version of " + pkg);
        }
        assertEquals(EXPORTED, List.copyOf(new TreeSet<>(exports.keySet())), "the exported packages");
    }

    @Test
    void keepsTheInternalPackagesInTheBundleWithoutExportingThem() throws Exception {
        Set<String> inJar = new TreeSet<>();
        try (JarFile file = new JarFile(jar)) {
            file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && n.startsWith("io/"))
                    .forEach(n -> inJar.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
        }
        Set<String> expected = new TreeSet<>(EXPORTED);
        expected.addAll(INTERNAL);
        assertEquals(expected, inJar, "the packages in the jar");
        for (String pkg : INTERNAL) {
            assertFalse(exports.containsKey(pkg), pkg + " is exported");
            assertFalse(imports.containsKey(pkg), pkg + " is imported, so another bundle could provide it");
        }
    }

    @Test
    void importsCamelHttpClientAndJacksonWithRanges() {
        for (String pkg : List.of("org.apache.camel", "org.apache.camel.spi", "org.apache.camel.support",
                "org.apache.hc.client5.http.classic.methods", "org.apache.hc.client5.http.impl.classic",
                "org.apache.hc.core5.http", "com.fasterxml.jackson.databind")) {
            Map<String, String> attrs = imports.get(pkg);
            assertNotNull(attrs, pkg + " is not imported: " + imports.keySet());
            assertRange(pkg, attrs.get("version"));
        }
        // the oldest Camel line supported and tested (4.14) to the next major: admits every line .ci/run tests
        assertRange("org.apache.camel", imports.get("org.apache.camel").get("version"), "[4.14,", ",5)");
        assertRange("com.fasterxml.jackson.databind",
                imports.get("com.fasterxml.jackson.databind").get("version"), "[2.", ",3)");
    }

    @Test
    void everyNonJdkImportHasAVersionAndIsMandatory() {
        imports.forEach((pkg, attrs) -> {
            if (pkg.startsWith("java.") || pkg.startsWith("javax.")) {
                return;
            }
            assertNotNull(attrs.get("version"), "no version range on the import of " + pkg);
            // nothing the component needs is optional: every import is from camel-api/-support, HttpClient 5,
            // Jackson or SLF4J, all mandatory dependencies of the jar
            assertFalse("optional".equals(attrs.get("resolution:")), pkg + " is imported optionally");
        });
    }

    @Test
    void importsNothingFromTestLibraries() {
        for (String pkg : imports.keySet()) {
            for (String testOnly : List.of("com.github.tomakehurst", "org.wiremock", "wiremock", "org.junit",
                    "org.apache.camel.test", "org.apache.camel.component.mock", "org.apache.camel.main",
                    "org.apache.camel.component.platform.http.vertx", "org.h2", "io.github.camelokki.simulator",
                    "org.apache.logging.log4j")) {
                assertFalse(pkg.startsWith(testOnly), "imports test-only package " + pkg);
            }
        }
    }

    @Test
    void keepsCamelsGeneratedServiceFilesAndCompiledConfigurers() throws Exception {
        try (JarFile file = new JarFile(jar)) {
            for (String entry : List.of(
                    "META-INF/services/org/apache/camel/component/okki",
                    "META-INF/services/org/apache/camel/configurer/okki-component",
                    "META-INF/services/org/apache/camel/configurer/okki-endpoint",
                    "META-INF/services/org/apache/camel/urifactory/okki-endpoint",
                    "META-INF/io/github/camelokki/okki/okki.json",
                    "io/github/camelokki/okki/OkkiEndpointConfigurer.class",
                    "io/github/camelokki/okki/OkkiComponentConfigurer.class",
                    "io/github/camelokki/okki/OkkiEndpointUriFactory.class",
                    // the second scheme, okki-events
                    "META-INF/services/org/apache/camel/component/okki-events",
                    "META-INF/services/org/apache/camel/configurer/okki-events-component",
                    "META-INF/services/org/apache/camel/configurer/okki-events-endpoint",
                    "META-INF/services/org/apache/camel/urifactory/okki-events-endpoint",
                    "META-INF/io/github/camelokki/okki/okki-events.json",
                    "io/github/camelokki/okki/OkkiEventsEndpointConfigurer.class",
                    "io/github/camelokki/okki/OkkiEventsComponentConfigurer.class",
                    "io/github/camelokki/okki/OkkiEventsEndpointUriFactory.class")) {
                assertNotNull(file.getJarEntry(entry), entry + " is missing from " + jar.getName());
            }
        }
    }

    private static String releaseVersion() {
        String v = System.getProperty("okki.bundle.version", "");
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)").matcher(v);
        assertTrue(m.find(), "cannot read a version from okki.bundle.version=" + v);
        return m.group(1) + "." + m.group(2) + "." + m.group(3);
    }

    private static void assertRange(String pkg, String range) {
        assertNotNull(range, "no version on the import of " + pkg);
        assertTrue(range.matches("[\\[(][0-9.]+,[0-9.]+[\\])]"), "not a range on " + pkg + ": " + range);
    }

    private static void assertRange(String pkg, String range, String floorPrefix, String ceiling) {
        assertRange(pkg, range);
        assertTrue(range.startsWith(floorPrefix) && range.endsWith(ceiling),
                "unexpected range on " + pkg + ": " + range);
    }

    /** Parses an OSGi header into package -> attributes and directives (directives keyed with a trailing ':'). */
    static Map<String, Map<String, String>> parse(String header) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        if (header == null) {
            return result;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            Map<String, String> attrs = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (String part : parts) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    names.add(part.trim());
                    continue;
                }
                boolean directive = eq > 0 && part.charAt(eq - 1) == ':';
                String key = part.substring(0, directive ? eq - 1 : eq).trim() + (directive ? ":" : "");
                String value = part.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                attrs.put(key, value);
            }
            for (String name : names) {
                result.put(name, attrs);
            }
        }
        return result;
    }

    private static List<String> split(String s, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }
}
