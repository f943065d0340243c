package io.github.camelokki.okki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dependency rule of docs/architecture.md, read from the component's sources: the root package (Camel glue) uses
 * the internal packages, never the other way round; the public leaf packages (api, state) use none of ours; and no
 * two packages use each other, directly or through others.
 */
class LayeringTest {

    private static final String ROOT = "io.github.camelokki.okki";
    private static final Path SOURCES = Path.of("..", "camel-okki-component", "src", "main", "java");
    private static final Pattern OWN_REFERENCE = Pattern.compile("\\b(io\\.github\\.camelokki\\.okki(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    /** Package to the packages of ours it refers to (imports and fully qualified names). */
    private static final Map<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace(file.getFileSystem()
                        .getSeparator(), ".");
                Set<String> uses = USES.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = OWN_REFERENCE.matcher(Files.readString(file).replaceFirst("(?m)^package .*$", ""));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        uses.add(m.group(1));
                    }
                }
            }
        }
    }

    @Test
    void thePackagesAreTheDocumentedOnes() {
        assertEquals(List.of(ROOT, ROOT + ".api", ROOT + ".internal.auth", ROOT + ".internal.catalog",
                ROOT + ".internal.client", ROOT + ".internal.health", ROOT + ".internal.json", ROOT + ".internal.sync",
                ROOT + ".internal.transport", ROOT + ".internal.webhook", ROOT + ".state"),
                List.copyOf(USES.keySet()));
    }

    @Test
    void nothingUsesTheRootPackage() {
        USES.forEach((pkg, uses) -> assertFalse(uses.contains(ROOT), pkg + " uses the Camel glue: " + uses));
    }

    @Test
    void thePublicLeafPackagesUseNoneOfOurs() {
        assertEquals(Set.of(), USES.get(ROOT + ".api"));
        assertEquals(Set.of(), USES.get(ROOT + ".state"));
    }

    @Test
    void noPackageDependsOnItself() {
        for (String start : USES.keySet()) {
            Set<String> reached = new HashSet<>();
            List<String> next = new ArrayList<>(USES.get(start));
            while (!next.isEmpty()) {
                String pkg = next.remove(next.size() - 1);
                assertTrue(!pkg.equals(start), start + " depends on itself through " + reached);
                if (reached.add(pkg)) {
                    next.addAll(USES.getOrDefault(pkg, Set.of()));
                }
            }
        }
    }
}
