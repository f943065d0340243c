package io.github.camelokki.examples.sync;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelokki.simulator.OkkiEventPusher;
import io.github.camelokki.simulator.OkkiSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static io.github.camelokki.examples.sync.SyncApplicationTestSupport.await;
import static io.github.camelokki.examples.sync.SyncApplicationTestSupport.column;
import static io.github.camelokki.examples.sync.SyncApplicationTestSupport.count;
import static io.github.camelokki.examples.sync.SyncApplicationTestSupport.ids;
import static io.github.camelokki.examples.sync.SyncApplicationTestSupport.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sync application's HTTP side, called as a user or a monitoring system would, against one application on its
 * embedded simulator: the health checks, the okki dev console, the Prometheus metrics (none of them showing a secret),
 * the synced data, and the webhook events the simulator pushes for the records it changes. The methods run in order
 * because the last ones change records, which the first ones count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncApplicationHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A webhook secret of the test's own, so that the answers can be searched for it. */
    private static final String WEBHOOK_SECRET = OkkiEventPusher.newSecurityConfig();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private SyncApplication app;
    private OkkiSimulator sim;
    private String base;
    private LocalDateTime frozen;

    @BeforeAll
    void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Properties overrides = new Properties();
        overrides.setProperty("okki.sync.delay", "300");
        overrides.setProperty("camel.server.port", String.valueOf(port));
        overrides.setProperty("okki.db.url", "jdbc:h2:mem:okki-sync-http;DB_CLOSE_DELAY=-1");
        overrides.setProperty("okki.webhook.secret", WEBHOOK_SECRET);
        // no changes on the simulator's own: the counts below are exact
        overrides.setProperty("okki.simulator.changes.period", "0");
        overrides.setProperty("leads.inbox", "target/http-test-leads");
        app = SyncApplication.create(Map.of(), overrides);
        sim = app.simulator();
        // OKKI's clock stands still: each complete poll stores the same watermark, which the answers must show
        frozen = sim.now().withNano(0);
        sim.setNow(frozen);
        app.start();
        base = "http://127.0.0.1:" + port;
        // a completed poll of each list has stored its watermark
        await("the first sync and both watermarks", () -> count(app, "okki_company") == 25
                && count(app, "okki_order") == 40 && count(app, "OKKI_STATE") == 2);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void healthIsUpWithTheOkkiChecksAndTheirDetails() throws Exception {
        HttpResponse<String> health = get("/observe/health", "application/json");
        assertEquals(200, health.statusCode(), health.body());
        JsonNode root = JSON.readTree(health.body());
        assertEquals("UP", root.get("status").asText());
        Map<String, String> checks = checks(root);
        for (String name : List.of("okki-tokens", "consumer:sync-companies", "consumer:sync-orders",
                "route:okki-events", "context")) {
            assertEquals("UP", checks.get(name), name + " in " + health.body());
        }
        assertEquals("OKKI issues access tokens", check(root, "okki-tokens").get("message").asText());

        // readiness with details: the consumer's check carries its stored watermark and last poll
        HttpResponse<String> ready = get("/observe/health/ready?data=true", "application/json");
        assertEquals(200, ready.statusCode(), ready.body());
        JsonNode companies = check(JSON.readTree(ready.body()), "consumer:sync-companies").get("data");
        assertEquals(watermark("okki:company/list"), companies.get("okki.watermark").asText());
        assertEquals("ok", companies.get("okki.poll.last.result").asText());
        assertEquals(25, companies.get("okki.records.delivered").asInt());
        assertEquals("sim-client", check(JSON.readTree(ready.body()), "okki-tokens").get("data")
                .get("okki.0.client.id").asText());
    }

    @Test
    @Order(2)
    void okkiDevConsoleListsTheConsumersWithTheirWatermarks() throws Exception {
        HttpResponse<String> json = get("/q/dev/okki", "application/json");
        assertEquals(200, json.statusCode(), json.body());
        JsonNode consumers = JSON.readTree(json.body()).get("okki").get("consumers");
        Map<String, String> marks = new java.util.TreeMap<>();
        consumers.forEach(c -> marks.put(c.get("routeId").asText(), c.get("watermark").asText()));
        assertEquals(Map.of("sync-companies", watermark("okki:company/list"),
                "sync-orders", watermark("okki:order/list")), marks);

        HttpResponse<String> text = get("/q/dev/okki", "text/plain");
        assertEquals(200, text.statusCode());
        assertTrue(text.body().contains("    Route: sync-orders\n"), text.body());
        assertTrue(text.body().contains("        Watermark: " + watermark("okki:order/list") + "\n"), text.body());
        assertTrue(text.body().contains("        Records delivered: 40\n"), text.body());

        // the consoles that print secrets or act on the application are not served
        HttpResponse<String> properties = get("/q/dev/properties", "application/json");
        assertEquals("Developer Console not found: properties", properties.body());
    }

    @Test
    @Order(3)
    void prometheusMetricsCountTheSyncedRecords() throws Exception {
        // a scraper's Accept: Prometheus ends its list of formats with */*
        HttpResponse<String> metrics = get("/observe/metrics", "*/*");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("content-type").orElse("").startsWith("text/plain"),
                metrics.headers().toString());
        // one exchange per order, all of the first sync: nothing changed since
        assertEquals(40.0, metric(metrics.body(), "camel_exchanges_succeeded_total", "sync-orders"), 0.0);
        assertEquals(25.0, metric(metrics.body(), "camel_exchanges_succeeded_total", "sync-companies"), 0.0);
    }

    @Test
    @Order(4)
    void noAnswerShowsASecret() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(WEBHOOK_SECRET, "sim-secret"));
        secrets.addAll(accessTokens());
        // each in the forms it is served in: the dev consoles as text and JSON
        Map<String, List<String>> paths = new java.util.LinkedHashMap<>();
        paths.put("/observe/health", List.of("application/json"));
        paths.put("/observe/health/ready?data=true", List.of("application/json"));
        paths.put("/observe/health/live?data=true", List.of("application/json"));
        paths.put("/observe/info", List.of("application/json"));
        paths.put("/observe/metrics", List.of("*/*"));
        paths.put("/q/dev/all", List.of("application/json", "text/plain"));
        for (String path : paths.keySet()) {
            for (String accept : paths.get(path)) {
                HttpResponse<String> answer = get(path, accept);
                assertEquals(200, answer.statusCode(), path);
                assertFalse(answer.body().isBlank(), path);
                for (String secret : secrets) {
                    assertFalse(answer.body().contains(secret), path + " (" + accept + ") shows a secret");
                }
            }
        }
    }

    @Test
    @Order(5)
    void dataListsTheSyncedCustomersAndOrdersByPage() throws Exception {
        List<Object> companies = sorted(ids(sim.records("company").all(), "company_id"));
        HttpResponse<String> second = get("/data/customers?page=2&size=10", "application/json");
        assertEquals(200, second.statusCode(), second.body());
        assertEquals("application/json", second.headers().firstValue("content-type").orElse(null));
        JsonNode page = JSON.readTree(second.body());
        assertEquals(2, page.get("page").asInt());
        assertEquals(10, page.get("size").asInt());
        assertEquals(25, page.get("total").asInt());
        List<Object> listed = new ArrayList<>();
        page.get("items").forEach(item -> listed.add(item.get("company_id").asLong()));
        assertEquals(companies.subList(10, 20), listed);
        JsonNode first = page.get("items").get(0);
        Map<String, Object> record = sim.records("company").get(companies.get(10));
        assertEquals(record.get("name"), first.get("name").asText());
        assertEquals(record.get("update_time"), first.get("update_time").asText());
        assertFalse(first.get("deleted").asBoolean());
        assertFalse(second.headers().firstValue("size").isPresent(), "no request parameter sent back");

        JsonNode orders = JSON.readTree(get("/data/orders", "application/json").body());
        assertEquals(40, orders.get("total").asInt());
        assertEquals(SyncedData.DEFAULT_SIZE, orders.get("size").asInt());
        assertEquals(40, orders.get("items").size());
        assertEquals(sorted(ids(sim.records("order").all(), "order_id")).get(0),
                orders.get("items").get(0).get("order_id").asLong());

        HttpResponse<String> tooBig = get("/data/orders?size=501", "application/json");
        assertEquals(400, tooBig.statusCode());
        assertEquals("size must be a whole number from 1 to 500, not 501", tooBig.body());
        HttpResponse<String> unknown = get("/data/leads", "application/json");
        assertEquals(404, unknown.statusCode());
        assertEquals("No listing leads; there are /data/customers and /data/orders", unknown.body());
    }

    @Test
    @Order(6)
    void aRecordTheSimulatorChangesArrivesAsAnEvent() throws Exception {
        // the by-hand way the README shows: the simulator changes a customer and pushes the event
        HttpResponse<String> changed = send(HttpRequest.newBuilder(URI.create(base
                + "/simulator/changes?resource=company")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, changed.statusCode(), changed.body());
        JsonNode answer = JSON.readTree(changed.body());
        long companyId = answer.get("company_id").asLong();
        assertEquals("xiaoman.crm.company.update", answer.get("event").asText());
        assertEquals(sim.records("company").get(companyId).get("update_time"), answer.get("update_time").asText());
        await("the customer's event", () -> !events(companyId).isEmpty());
        assertEquals(List.of("xiaoman.crm.company.update"), events(companyId));

        // and a change made in the simulator directly, as OKKI's users would, to an order
        Object orderId = sim.records("order").all().get(3).get("order_id");
        sim.records("order").update(orderId, Map.of("currency", "EUR"));
        await("the order's event", () -> !events(((Number) orderId).longValue()).isEmpty());
        assertEquals(List.of("xiaoman.crm.order.update"), events(((Number) orderId).longValue()));
        await("the changed order synced", () -> "EUR".equals(SyncApplicationTestSupport.column(app,
                "SELECT currency FROM okki_order WHERE order_id = " + orderId).get(0)));
        // the simulator counts a push once the application answered it, which may come after the row is stored
        await("both pushes answered", () -> sim.eventsPushed() == 2);
        assertEquals(0, sim.eventPushesFailed());

        HttpResponse<String> lead = send(HttpRequest.newBuilder(URI.create(base
                + "/simulator/changes?resource=lead")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(400, lead.statusCode());
        assertEquals("resource must be one of [company, order], not lead", lead.body());
    }

    /** The event types stored for the record, whose ids okki_event keeps as biz_data's JSON. */
    private List<Object> events(long recordId) {
        return column(app, "SELECT event_type FROM okki_event WHERE record_ids LIKE '%:" + recordId + "}'");
    }

    /** The stored watermark, checked to be OKKI's frozen time: the start of the last complete poll. */
    private String watermark(String stateKey) {
        List<Object> values = column(app, "SELECT STATE_VALUE FROM OKKI_STATE WHERE STATE_KEY = '" + stateKey + "'");
        assertEquals(List.of(frozen.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))), values, stateKey);
        return (String) values.get(0);
    }

    /** The access tokens the application holds: those the simulator issued and still honours. */
    private Set<String> accessTokens() {
        Set<String> tokens = sim.accessTokens();
        assertFalse(tokens.isEmpty(), "the consumers hold a token");
        return tokens;
    }

    /** The value of the metric on the route's line (Prometheus text format). */
    private static double metric(String metrics, String name, String routeId) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") && line.contains("routeId=\"" + routeId + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no " + name + " for route " + routeId + " in\n" + metrics);
    }

    /** The state of each check of a health answer, by name. */
    static Map<String, String> checks(JsonNode health) {
        Map<String, String> states = new java.util.TreeMap<>();
        health.get("checks").forEach(c -> states.put(c.get("name").asText(), c.get("status").asText()));
        return states;
    }

    /** One check of a health answer. */
    static JsonNode check(JsonNode health, String name) {
        for (JsonNode c : health.get("checks")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
