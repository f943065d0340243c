package io.github.camelokki.okki;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The provider's published API files ({@code <repo>/../shared/okki-api/}), which tests compare the catalog with. A
 * clone checked out on its own can still build: without the folder those tests are skipped, except under CI=true,
 * where the folder is always laid beside the repository and its absence is a failure.
 */
final class SharedApiFiles {

    /** The folder relative to this module's directory. */
    private static final String FOLDER = "../../shared/okki-api/";

    private SharedApiFiles() {
    }

    /**
     * The named file of the folder, or the file the system property names.
     *
     * @param name     e.g. {@code operations.md}
     * @param property a system property that overrides the location, e.g. {@code okki.operations.md}
     */
    static Path locate(String name, String property) {
        String override = System.getProperty(property);
        Path file;
        if (override != null && !override.isBlank()) {
            file = Path.of(override);
        } else {
            Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
            file = module.resolve(FOLDER + name).normalize();
        }
        if (!Files.isRegularFile(file) && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("The published " + name + " " + file.toAbsolutePath() + " is absent; skipping the"
                    + " comparison with it (CI=true makes this a failure)");
        }
        if (!Files.isRegularFile(file)) {
            fail("The published " + name + " is missing: expected " + file.toAbsolutePath() + " (<repo>/" + FOLDER
                    + name + " seen from the repository, " + FOLDER + name + " from the camel-okki-component"
                    + " directory). Check out the shared folder beside the repository, or point -D" + property
                    + "=<file> at it.");
        }
        return file;
    }

    /** The {@code paths} of OKKI's OpenAPI file, as snakeyaml reads them (the file is larger than its default limit). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> openApiPaths() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        try (Reader in = Files.newBufferedReader(locate("openapi.yml", "okki.openapi.yml"), StandardCharsets.UTF_8)) {
            Map<String, Object> spec = new Yaml(options).load(in);
            return (Map<String, Object>) spec.get("paths");
        }
    }
}
