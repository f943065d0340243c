package io.github.camelokki.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelokki.karaf.route.SyncRouteActivator;
import io.github.camelokki.simulator.OkkiSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The {@code camel-okki} feature in a real Karaf: a fresh Karaf (the distribution from Maven) boots with the project's
 * features repository, installs {@code camel-okki} and an application bundle whose route syncs companies from the OKKI
 * simulator (running in this JVM) and pushes one lead per company. The test then checks, on the simulator, that a lead
 * arrived for exactly the seeded companies, and that nothing more arrives on the following polls.
 * <p>
 * Karaf resolves the component jar from a Maven-layout directory the build fills from the reactor (a default
 * repository of pax-url-mvn), everything else from the build's local Maven repository or Maven Central. camel-karaf's
 * Camel bundles are replaced by a test-only features file ({@code okki-karaf-it-features.xml}, which says why).
 */
class KarafFeatureIT {

    /** Karaf's start and the first feature install download a few dozen bundles: be generous. */
    private static final long BOOT_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(6);
    private static final long POLL_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(2);
    private static final int COMPANIES = 3;

    private static OkkiSimulator sim;
    private static Set<String> companyIds;
    private static Path karafHome;
    private static Process karaf;

    @BeforeAll
    static void startSimulatorAndKaraf() throws Exception {
        sim = OkkiSimulator.start();
        // credentials only this test has: the route gets in with the configuration written into its bundle
        sim.client("karaf-client", "karaf-secret");
        // seeded before Karaf starts: the route's first poll finds all of them
        companyIds = sim.records("company").seed(COMPANIES).stream()
                .map(r -> String.valueOf(r.get("company_id")))
                .collect(Collectors.toCollection(TreeSet::new));
        karafHome = unpackKaraf();
        configureKaraf();
        karaf = startKaraf();
    }

    @AfterAll
    static void stopKarafAndSimulator() throws Exception {
        try {
            if (karaf != null) {
                stopKaraf(karaf);
            }
        } finally {
            if (sim != null) {
                sim.stop();
            }
        }
    }

    @Test
    void theRouteInKarafSyncsCompaniesAndCallsTheProducer() throws Exception {
        assertEquals(COMPANIES, companyIds.size(), "companies seeded");

        awaitKaraf("a lead pushed for each of the " + COMPANIES + " companies", BOOT_TIMEOUT_MILLIS,
                () -> sim.records("lead").size() >= COMPANIES);

        List<String> expected = companyIds.stream().map(id -> "karaf-" + id).sorted().toList();
        assertEquals(expected, leadNames(), "the leads the route pushed, one per company synced");
        assertEquals(COMPANIES, sim.requestCount("/v1/lead/push"), "lead/push requests the simulator received");

        // two more list requests: the poll after the one that found the companies has completed, and found nothing new
        int lists = sim.requestCount("/v1/company/list");
        awaitKaraf("two more polls of company/list", POLL_TIMEOUT_MILLIS,
                () -> sim.requestCount("/v1/company/list") >= lists + 2);
        assertEquals(expected, leadNames(), "leads after further polls");
        assertEquals(COMPANIES, sim.requestCount("/v1/lead/push"), "lead/push requests after further polls");
    }

    /** The names of all leads in the simulator, sorted, duplicates kept. */
    private static List<String> leadNames() {
        return sim.records("lead").all().stream().map(r -> String.valueOf(r.get("name"))).sorted().toList();
    }

    // --- Karaf ---

    private static Path itDir() {
        return Paths.get(property("karaf.it.dir"));
    }

    /** A fresh Karaf from the distribution the build copied (nothing left from an earlier run). */
    private static Path unpackKaraf() throws Exception {
        String version = property("karaf.version");
        Path home = itDir().resolve("apache-karaf-" + version);
        deleteTree(home);
        Path archive = itDir().resolve("apache-karaf-" + version + ".tar.gz");
        assertTrue(Files.isRegularFile(archive), "no Karaf distribution at " + archive);
        Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", itDir().toString())
                .redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tar.waitFor(2, TimeUnit.MINUTES), "tar did not end");
        assertEquals(0, tar.exitValue(), "tar failed: " + out);
        assertTrue(Files.isRegularFile(home.resolve("bin/karaf")), "no bin/karaf in " + home);
        return home;
    }

    private static void configureKaraf() throws IOException {
        String version = property("okki.version");
        Path repository = itDir().resolve("repository");

        // the shipped features file, where mvn:io.github.camelokki/camel-okki-karaf/<version>/xml/features points
        Path features = repository.resolve("io/github/camelokki/camel-okki-karaf/" + version
                + "/camel-okki-karaf-" + version + "-features.xml");
        Files.createDirectories(features.getParent());
        Files.copy(Paths.get(property("okki.features")), features,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path componentJar = repository.resolve("io/github/camelokki/camel-okki/" + version + "/camel-okki-"
                + version + ".jar");
        assertTrue(Files.isRegularFile(componentJar), "the build did not copy the component to " + componentJar);

        Path routeBundle = itDir().resolve("okki-karaf-it-route.jar");
        writeRouteBundle(routeBundle);

        Path itFeatures = itDir().resolve("okki-karaf-it-features.xml");
        String template;
        try (InputStream in = KarafFeatureIT.class.getResourceAsStream("/okki-karaf-it-features.xml")) {
            assertNotNull(in, "okki-karaf-it-features.xml is not on the test class path");
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(itFeatures, template
                .replace("@CAMEL_VERSION@", property("karaf.camel.version"))
                .replace("@JACKSON_VERSION@", property("karaf.jackson.version"))
                .replace("@ROUTE_BUNDLE@", routeBundle.toUri().toString()));

        Path etc = karafHome.resolve("etc");
        editProperties(etc.resolve("org.apache.karaf.features.cfg"), p -> {
            p.setProperty("featuresRepositories", p.getProperty("featuresRepositories").trim() + ", "
                    + itFeatures.toUri() + ", mvn:io.github.camelokki/camel-okki-karaf/" + version + "/xml/features");
            // no SSH server and no JMX connector: no fixed ports to collide with other builds; the application
            // feature last, so that the boot installs camel-okki from the shipped file
            List<String> boot = new ArrayList<>();
            for (String f : p.getProperty("featuresBoot").split(",")) {
                String name = f.trim();
                if (!name.isEmpty() && !name.startsWith("ssh/") && !name.startsWith("management/")) {
                    boot.add(name);
                }
            }
            boot.add("okki-karaf-it-route");
            p.setProperty("featuresBoot", String.join(", ", boot));
        });
        editProperties(etc.resolve("org.ops4j.pax.url.mvn.cfg"), p -> {
            // Maven Central only (the default list also has snapshot repositories this machine cannot reach)
            p.setProperty("org.ops4j.pax.url.mvn.repositories", "https://repo1.maven.org/maven2@id=central");
            // read in place like Karaf's own system directory: the reactor's artifacts, then the build's local
            // repository (whatever the build already downloaded); Karaf writes nothing to either
            p.setProperty("org.ops4j.pax.url.mvn.defaultRepositories", p.getProperty(
                    "org.ops4j.pax.url.mvn.defaultRepositories").trim() + ", " + repository.toUri()
                    + "@id=okki.reactor@snapshots, " + Paths.get(property("maven.local.repository")).toUri()
                    + "@id=maven.local");
            // what Karaf downloads goes under target/
            p.setProperty("org.ops4j.pax.url.mvn.localRepository", itDir().resolve("downloads").toString());
        });
    }

    /**
     * The application bundle: {@link SyncRouteActivator}'s package from the test classes, a manifest importing what it
     * uses, and the simulator's address and credentials.
     */
    private static void writeRouteBundle(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "io.github.camelokki.karaf.it.route");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", SyncRouteActivator.class.getName());
        main.putValue("Import-Package", String.join(",",
                "io.github.camelokki.okki", "org.apache.camel", "org.apache.camel.builder",
                "org.apache.camel.model", "org.apache.camel.karaf.core", "org.osgi.framework"));

        Properties settings = new Properties();
        settings.setProperty("baseUrl", sim.baseUrl());
        settings.setProperty("clientId", "karaf-client");
        settings.setProperty("clientSecret", "karaf-secret");

        String pkg = SyncRouteActivator.class.getPackageName().replace('.', '/');
        Path classes = Paths.get(property("okki.route.classes")).resolve(pkg);
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> files = Files.list(classes)) {
            for (Path c : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                out.putNextEntry(new JarEntry(pkg + "/" + c.getFileName()));
                Files.copy(c, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("okki-route.properties"));
            settings.store(out, null);
            out.closeEntry();
        }
    }

    private static Process startKaraf() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "bin/karaf", "server")
                .directory(karafHome.toFile())
                .redirectErrorStream(true)
                .redirectOutput(itDir().resolve("karaf-console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    /** Stops Karaf as its own stop would (SIGTERM to the JVM runs its shutdown), forcibly if it does not end. */
    private static void stopKaraf(Process process) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception notEnded) {
                p.destroyForcibly();
            }
        }
    }

    /** Waits for a condition while Karaf runs; on timeout or Karaf's exit, fails showing the end of Karaf's log. */
    private static void awaitKaraf(String what, long timeoutMillis, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (!karaf.isAlive()) {
                fail("Karaf exited (" + karaf.exitValue() + ") while waiting for " + what + "\n" + karafLogTail());
            }
            if (bootFeaturesFailed()) {
                fail("Karaf could not install its boot features (camel-okki among them) while waiting for " + what
                        + "\n" + karafLogTail());
            }
            if (System.currentTimeMillis() > deadline) {
                fail("Timed out after " + timeoutMillis / 1000 + " s waiting for " + what + "\n" + karafLogTail());
            }
            Thread.sleep(200);
        }
    }

    /** Karaf logs this once when a boot feature, or a bundle of one, fails to install or start: nothing follows. */
    private static boolean bootFeaturesFailed() {
        Path log = karafHome.resolve("data/log/karaf.log");
        try {
            return Files.exists(log) && Files.readString(log).contains("Error installing boot features");
        } catch (IOException e) {
            return false; // being written: read again on the next round
        }
    }

    private static String karafLogTail() {
        StringBuilder out = new StringBuilder();
        for (Path log : List.of(karafHome.resolve("data/log/karaf.log"), itDir().resolve("karaf-console.log"))) {
            out.append("--- ").append(log).append(" (end) ---\n");
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(none)");
                lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(l -> out.append(l).append('\n'));
            } catch (IOException e) {
                out.append("(unreadable: ").append(e).append(")\n");
            }
        }
        return out.toString();
    }

    // --- helpers ---

    private static String property(String name) {
        String value = System.getProperty(name);
        assertNotNull(value, "system property " + name + " (set by failsafe) is missing");
        return value;
    }

    private interface PropertiesEdit {
        void apply(Properties p);
    }

    private static void editProperties(Path file, PropertiesEdit edit) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        edit.apply(p);
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "edited by KarafFeatureIT");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
