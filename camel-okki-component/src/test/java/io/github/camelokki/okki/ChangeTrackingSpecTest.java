package io.github.camelokki.okki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelokki.okki.internal.catalog.ChangeTracking.Deletions;
import io.github.camelokki.okki.internal.catalog.ChangeTracking;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog's change tracking ({@code changes.txt}) checked against OKKI's published OpenAPI file, list by list:
 * the selector it sends is documented as selecting the update time, a list said to filter on the update time without
 * a selector describes its window so, a list said to be unclear really names no time, and no list but those with a
 * deletion-time selector documents one. The Chinese words searched for are the spec's terms for update time (更新),
 * creation time (创建) and deletion time (删除时间).
 */
class ChangeTrackingSpecTest {

    private static final Pattern UPDATE = Pattern.compile("更新");
    private static final Pattern ANY_TIME_NAMED = Pattern.compile("更新|创建|联系|编辑|update|create");
    private static final List<String> SELECTORS = List.of("time_type", "sort_field");

    private static Map<String, Object> paths;

    @BeforeAll
    static void readSpec() throws IOException {
        paths = SharedApiFiles.openApiPaths();
    }

    static Stream<Arguments> trackedLists() {
        return OperationCatalog.standard().operations().stream().filter(op -> op.changes() != null)
                .map(op -> Arguments.of(Named.of(op.uri(), op)));
    }

    @Test
    void everyListOfTheSpecWithATimeWindowIsTracked() {
        TreeSet<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> {
            if (item instanceof Map<?, ?> methods && methods.get("get") instanceof Map<?, ?> get
                    && parameter(get, "start_time").isPresent() && path.endsWith("/list")) {
                documented.add(path);
            }
        });
        TreeSet<String> tracked = new TreeSet<>();
        OperationCatalog.standard().operations().stream().filter(op -> op.changes() != null)
                .forEach(op -> tracked.add(op.path()));
        assertEquals(documented, tracked);
        assertEquals(16, tracked.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trackedLists")
    void theWindowIsWhatTheSpecSays(Operation op) {
        ChangeTracking changes = op.changes();
        Map<?, ?> get = get(op);
        String startTime = description(get, "start_time");
        if (!changes.selector().isEmpty()) {
            Map.Entry<String, String> selector = changes.selector().entrySet().iterator().next();
            String text = description(get, selector.getKey());
            // the value, then within a few characters the update time: "1 更新时间", "1-按更新时间", "1是更新时间"
            assertTrue(Pattern.compile("(^|\\D)" + Pattern.quote(selector.getValue()) + "\\D{0,3}更新时间")
                    .matcher(text).find() || text.contains(selector.getValue()) && selector.getValue().contains("update"),
                    op.uri() + ": " + selector + " is not documented as the update time: " + text);
        } else if (changes.incremental()) {
            assertTrue(UPDATE.matcher(startTime).find(), op.uri() + ": start_time is not described as update time");
            SELECTORS.forEach(s -> assertTrue(parameter(get, s).isEmpty(), op.uri() + " takes " + s));
        } else {
            assertFalse(ANY_TIME_NAMED.matcher(startTime + description(get, "end_time")).find(),
                    op.uri() + ": the window names a time after all: " + startTime);
            SELECTORS.forEach(s -> assertTrue(parameter(get, s).isEmpty(), op.uri() + " takes " + s));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trackedLists")
    void deletionsAreFollowedAsTheSpecAllows(Operation op) {
        ChangeTracking changes = op.changes();
        Map<?, ?> get = get(op);
        assertEquals(changes.deletions() != Deletions.NONE,
                parameter(get, "removed").or(() -> parameter(get, "is_delete")).isPresent(), op.uri());
        List<String> deletionTimes = new ArrayList<>();
        SELECTORS.forEach(s -> {
            String text = parameter(get, s).isPresent() ? description(get, s) : "";
            if (text.contains("删除时间")) {
                deletionTimes.add(s + ": " + text);
            }
        });
        if (changes.deletions() == Deletions.WINDOW) {
            Map.Entry<String, String> selector = changes.deletionSelector().entrySet().iterator().next();
            assertTrue(Pattern.compile("(^|\\D)" + Pattern.quote(selector.getValue()) + "\\D{0,3}删除时间")
                    .matcher(description(get, selector.getKey())).find(), op.uri() + ": " + selector);
        } else {
            assertEquals(List.of(), deletionTimes, op.uri() + " documents a deletion time the catalog does not use");
        }
    }

    private static Map<?, ?> get(Operation op) {
        Map<?, ?> item = (Map<?, ?>) paths.get(op.path());
        assertTrue(item != null && item.get("get") instanceof Map<?, ?>, op.path() + " is not a GET in the spec");
        return (Map<?, ?>) item.get("get");
    }

    private static Optional<Map<?, ?>> parameter(Map<?, ?> operation, String name) {
        if (!(operation.get("parameters") instanceof List<?> parameters)) {
            return Optional.empty();
        }
        // some names carry stray whitespace in the spec ("end_time\t")
        return parameters.stream().filter(p -> p instanceof Map<?, ?> m && name.equals(String.valueOf(m.get("name")).strip()))
                .<Map<?, ?>>map(p -> (Map<?, ?>) p).findFirst();
    }

    private static String description(Map<?, ?> operation, String name) {
        return parameter(operation, name).map(p -> String.valueOf(p.get("description"))).orElse("")
                + " " + String.valueOf(operation.get("description"));
    }
}
