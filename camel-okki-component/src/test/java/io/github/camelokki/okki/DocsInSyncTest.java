package io.github.camelokki.okki;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelokki.okki.internal.catalog.ChangeTracking;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import io.github.camelokki.okki.internal.catalog.Parameter;
import io.github.camelokki.okki.internal.json.OkkiJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reference page's tables (options, headers, operations) and the operations reference are rendered from the
 * generated component JSON and the catalog, so the docs cannot drift from the code. Each page keeps its generated
 * parts between {@code // <name>: START} and {@code // <name>: END} lines. Run with {@code -Dokki.updateDocs=true}
 * to rewrite them.
 */
class DocsInSyncTest {

    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void referencePageMatchesCode() throws Exception {
        JsonNode json = componentJson("okki.json");
        JsonNode events = componentJson("okki-events.json");
        Map<String, String> sections = Map.of(
                "component options", options(json.get("componentProperties")),
                "endpoint path options", options(pathOptions(json, true)),
                "endpoint query options", options(pathOptions(json, false)),
                "events path options", options(pathOptions(events, true)),
                "events query options", options(pathOptions(events, false)),
                "message headers", headers(json.get("headers")),
                "operations", operations(),
                "change tracking", changeTracking());
        assertInSync("okki-component.adoc", sections);
    }

    /** A component JSON of the build: okki.json (operation endpoints) or okki-events.json (webhook endpoint). */
    private static JsonNode componentJson(String name) throws Exception {
        try (InputStream in = DocsInSyncTest.class.getResourceAsStream("/META-INF/io/github/camelokki/okki/" + name)) {
            return OkkiJson.mapper().readTree(in);
        }
    }

    @Test
    void operationsReferenceMatchesTheCatalog() throws Exception {
        assertInSync(OperationsReference.PAGE,
                Map.of("operations reference", OperationsReference.render(OperationCatalog.standard())));
    }

    /** Compares the page's generated sections with what the code renders; rewrites them with okki.updateDocs. */
    private static void assertInSync(String pageName, Map<String, String> sections) throws Exception {
        Path file = DOCS.resolve(pageName);
        String page = Files.readString(file, StandardCharsets.UTF_8);
        String expected = page;
        for (Map.Entry<String, String> section : sections.entrySet()) {
            expected = replaceSection(pageName, expected, section.getKey(), section.getValue());
        }
        if (Boolean.getBoolean("okki.updateDocs")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, page, "docs/" + pageName + " is out of date: run "
                + "mvn -pl camel-okki-component test -Dtest=DocsInSyncTest -Dokki.updateDocs=true");
    }

    private static String replaceSection(String pageName, String page, String name, String content) {
        String start = "// " + name + ": START\n";
        String end = "// " + name + ": END";
        int from = page.indexOf(start);
        int to = page.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError("docs/" + pageName + " lacks the markers '" + start.strip() + "' and '" + end
                    + "'");
        }
        return page.substring(0, from + start.length()) + content + page.substring(to);
    }

    private static JsonNode pathOptions(JsonNode json, boolean path) {
        com.fasterxml.jackson.databind.node.ObjectNode out = OkkiJson.mapper().createObjectNode();
        json.get("properties").properties().forEach(e -> {
            if ("path".equals(e.getValue().get("kind").asText()) == path) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static String options(JsonNode props) {
        StringBuilder sb = new StringBuilder("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                + "| Name | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> e : props.properties()) {
            JsonNode o = e.getValue();
            String description = o.get("description").asText()
                    + (o.path("secret").asBoolean() ? " (secret: masked in URIs and logs)" : "")
                    + (o.path("required").asBoolean() ? " (required)" : "")
                    + (o.has("enum") ? " One of: " + join(o.get("enum")) + "." : "");
            sb.append("| *").append(e.getKey()).append("* (").append(o.get("group").asText()).append(") | ")
                    .append(cell(description)).append(" | ").append(cell(o.path("defaultValue").asText("")))
                    .append(" | ").append(cell(o.get("type").asText().equals("object") ? simple(o.get("javaType").asText())
                            : o.get("type").asText())).append('\n');
        }
        return sb.append("|===\n").toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder sb = new StringBuilder("[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n"
                + "| Name | Description | Type\n");
        headers.properties().forEach(e -> sb.append("| *").append(e.getKey()).append("* (")
                .append(e.getValue().path("group").asText("common")).append(") | ")
                .append(cell(e.getValue().get("description").asText())).append(" | ")
                .append(cell(simple(e.getValue().get("javaType").asText()))).append('\n'));
        return sb.append("|===\n").toString();
    }

    private static String operations() {
        StringBuilder sb = new StringBuilder("[width=\"100%\",cols=\"2,1,3,1,1,1,3,2,4\",options=\"header\"]\n|===\n"
                + "| URI | Method | Path | Scope | Body | Id parameter | Parameters (* required; :integer, :number, else a string) | Paging | Description\n");
        for (Operation op : OperationCatalog.standard().operations()) {
            String uri = OperationsReference.link(op) + (op.aliases().isEmpty() ? ""
                    : " (also " + op.aliases().stream().map(a -> op.resource() + "/" + a)
                            .collect(Collectors.joining(", ")) + ")");
            String params = op.parameters().map(Parameter::toString).collect(Collectors.joining(" "));
            sb.append("| ").append(cell(uri)).append(" | ").append(op.method()).append(" | ").append(cell(op.path()))
                    .append(" | ").append(cell(nonNull(op.scope()))).append(" | ")
                    .append(op.bodyType().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                    .append(cell(nonNull(op.idParameter()))).append(" | ").append(cell(params)).append(" | ")
                    .append(cell(op.paging() == null ? "" : op.paging().toString())).append(" | ")
                    .append(cell(op.summary())).append('\n');
        }
        return sb.append("|===\n").toString();
    }

    /** Per time-filtered list: what its window filters on, what the consumer sends, and how deletions are followed. */
    private static String changeTracking() {
        StringBuilder sb = new StringBuilder("[width=\"100%\",cols=\"2,2,2,2,5\",options=\"header\"]\n|===\n"
                + "| List | Window filters on | Consumer sends | Deleted records (includeDeleted=true) | What OKKI's spec says\n");
        for (Operation op : OperationCatalog.standard().operations()) {
            ChangeTracking changes = op.changes();
            if (changes == null) {
                continue;
            }
            String window = changes.incremental() ? "update time" : "not documented: each poll reads the whole list";
            String sends = changes.incremental()
                    ? "`start_time`" + (changes.selector().isEmpty() ? "" : ", `" + ChangeTracking.describe(changes.selector()) + "`")
                    : "no window";
            String deleted = switch (changes.deletions()) {
                case NONE -> "not listed";
                case FULL -> "`" + op.deletedFlag().orElseThrow() + "=1`, read in full each poll";
                case WINDOW -> "`" + op.deletedFlag().orElseThrow() + "=1`, `"
                        + ChangeTracking.describe(changes.deletionSelector()) + "`: windowed on the deletion time";
            };
            sb.append("| okki:").append(op.uri()).append(" | ").append(window).append(" | ").append(sends)
                    .append(" | ").append(deleted).append(" | ").append(cell(changes.basis())).append('\n');
        }
        return sb.append("|===\n").toString();
    }

    private static String join(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        array.forEach(v -> sb.append(sb.length() == 0 ? "" : ", ").append(v.asText()));
        return sb.toString();
    }

    private static String simple(String javaType) {
        return javaType.replaceAll("[a-z0-9_]+\\.", "");
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** AsciiDoc table cells: pipes escaped, and the cell never left empty-looking. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
