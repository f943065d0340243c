package io.github.camelokki.okki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelokki.simulator.Records;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example of plain parameter options on the reference page, run against the simulator. The endpoint URI is read
 * from the page itself (the listing after its {@code [[example-created-customers]]} anchor), so what the page shows
 * is what runs.
 */
class DocumentedRouteTest extends SimulatorTestSupport {

    private static final Path PAGE = Path.of("..", "docs", "okki-component.adoc");
    private static final Pattern OKKI_URI = Pattern.compile("\"(okki:[^\"]+)\"");

    /** The one okki: URI of the listing block that follows the anchor on the reference page. */
    static String documentedUri(String anchor) throws IOException {
        List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
        int at = lines.indexOf("[[" + anchor + "]]");
        assertTrue(at >= 0, () -> PAGE + " has no [[" + anchor + "]]");
        int open = lines.subList(at, lines.size()).indexOf("----") + at;
        int close = lines.subList(open + 1, lines.size()).indexOf("----") + open + 1;
        assertTrue(open > at && close > open, () -> "no listing block follows [[" + anchor + "]] in " + PAGE);
        List<String> uris = new ArrayList<>();
        Matcher m = OKKI_URI.matcher(String.join("\n", lines.subList(open + 1, close)));
        while (m.find()) {
            uris.add(m.group(1));
        }
        assertEquals(1, uris.size(), () -> "okki: URIs in the example [[" + anchor + "]]: " + uris);
        return uris.get(0);
    }

    @Test
    void theCustomersCreatedInJanuaryAreThoseCreatedInJanuary() throws Exception {
        String uri = documentedUri("example-created-customers");
        Records companies = sim.records("company");
        sim.setNow(LocalDateTime.of(2025, 12, 20, 9, 0));
        Object december = companies.create(Map.of("name", "December Trading")).get("company_id");
        sim.setNow(LocalDateTime.of(2026, 1, 1, 0, 0));
        Object newYear = companies.create(Map.of("name", "New Year Imports")).get("company_id");
        sim.setNow(LocalDateTime.of(2026, 1, 15, 14, 30));
        Object midJanuary = companies.create(Map.of("name", "January Supply")).get("company_id");
        // updated in January but created before: time_type=2 (creation time) leaves it out, the default would not
        companies.update(december, Map.of("name", "December Trading, renamed"));
        sim.setNow(LocalDateTime.of(2026, 2, 1, 0, 0));
        companies.create(Map.of("name", "February Goods"));

        Iterator<?> records = template.requestBody(uri, null, Iterator.class);

        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        records.forEachRemaining(r -> {
            names.add(String.valueOf(((Map<?, ?>) r).get("name")));
            ids.add(String.valueOf(((Map<?, ?>) r).get("company_id")));
        });
        assertEquals(List.of(String.valueOf(newYear), String.valueOf(midJanuary)), ids.stream().sorted().toList());
        assertEquals(List.of("January Supply", "New Year Imports"), names.stream().sorted().toList());
        assertEquals(List.of(Map.of("time_type", "2", "start_time", "2026-01-01 00:00:00",
                "end_time", "2026-01-31 23:59:59", "start_index", "1", "count", "100")),
                sim.requests("/v1/company/list"));
    }
}
