package io.github.camelokki.okki;

import java.time.LocalDateTime;
import java.util.List;

import io.github.camelokki.okki.OkkiDevConsole;
import io.github.camelokki.okki.internal.auth.AccessToken;
import io.github.camelokki.okki.internal.auth.TokenManager;
import io.github.camelokki.okki.internal.health.ConsumerStats;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The okki dev console after one poll of a seeded simulator: exact watermark and counters, and no token or secret.
 */
class DevConsoleTest extends SimulatorTestSupport {

    private static final int RECORDS = 25;
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 10, 0, 0);
    /** One poll only, so the counters are exact. */
    private static final String ONE_POLL = "okki:company/list?pageSize=100&initialDelay=0&repeatCount=1";

    /** Whether the consumer's poll ended, with everything about its end recorded. */
    private static boolean ended(ConsumerStats stats) {
        return stats.lastSuccess() != null || stats.lastFailure() != null;
    }

    @Test
    void consoleShowsTokensWatermarkAndCountersButNoSecrets() throws Exception {
        sim.setNow(NOW);
        sim.records("company").seed(RECORDS);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ONE_POLL).routeId("sync").process(DevConsoleTest.this::collect);
                from("okki:company/list?pageSize=99&initialDelay=0&repeatCount=1&clientSecret=sim-secret").routeId("failing")
                        .throwException(new IllegalStateException("refused by the route"));
            }
        });
        OkkiPollingConsumer sync = (OkkiPollingConsumer) context.getRoute("sync").getConsumer();
        OkkiPollingConsumer failing = (OkkiPollingConsumer) context.getRoute("failing").getConsumer();
        // a poll's end is recorded last (its result, then the time of success or failure): wait for all of it
        await("one poll of each consumer", Waiting.PATIENCE_MILLIS, () -> received.size() >= RECORDS
                && sync.getWatermark() != null && sync.getStats().polls() == 1 && ended(sync.getStats())
                && ended(failing.getStats()));
        assertEquals("2026-11-25 10:00:00", io.github.camelokki.okki.internal.sync.ServerTime.format(sync.getWatermark()));

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("okki");
        assertInstanceOf(OkkiDevConsole.class, console, "okki is discovered from META-INF/services");
        DevConsoleRegistry registry = DevConsoleRegistry.get(context);
        if (registry != null) {
            registry.loadDevConsoles();
            assertTrue(registry.getConsole("okki").isPresent(), "the registry loads the okki console");
            console = registry.getConsole("okki").get();
        }

        TokenManager manager = context.getComponent("okki", OkkiComponent.class).getTokenManagers().values().iterator().next();
        AccessToken token = manager.currentToken();
        assertNotNull(token);
        List<String> forbidden = List.of(token.value(), "sim-secret");

        // JSON
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        String jsonText = Jsoner.serialize(json);
        forbidden.forEach(s -> assertFalse(jsonText.contains(s), "the console shows a secret: " + jsonText));
        if (token.refreshToken() != null) {
            assertFalse(jsonText.contains(token.refreshToken()));
        }
        List<JsonObject> tokens = json.getCollection("tokens");
        assertEquals(1, tokens.size());
        JsonObject t = tokens.get(0);
        assertEquals("sim-client", t.getString("clientId"));
        assertEquals("client_credentials", t.getString("grantType"));
        assertEquals(List.of("company"), t.getCollection("scopesRequested"));
        assertEquals(1L, t.getLong("tokensIssued"));
        JsonObject current = t.getMap("token") == null ? null : new JsonObject(t.getMap("token"));
        assertNotNull(current);
        assertEquals(token.issuedAt().toString(), current.getString("issuedAt"));
        assertEquals(token.expiresAt().toString(), current.getString("expiresAt"));
        assertTrue(current.getLong("ageMillis") >= 0);
        assertTrue(current.getLong("expiresInMillis") > 0);
        assertTrue(current.getBoolean("valid"));

        List<JsonObject> consumers = json.getCollection("consumers");
        assertEquals(2, consumers.size());
        JsonObject s = consumers.stream().filter(c -> "sync".equals(c.getString("routeId"))).findFirst().orElseThrow();
        assertEquals("2026-11-25 10:00:00", s.getString("watermark"));
        assertEquals(1L, s.getLong("polls"));
        assertEquals(0L, s.getLong("failedPolls"));
        assertEquals((long) RECORDS, s.getLong("recordsDelivered"));
        assertEquals(0L, s.getLong("failedDeliveries"));
        assertEquals("ok", s.getString("lastPollResult"));
        assertNotNull(s.getString("lastPollTime"));
        assertNotNull(s.getString("lastSuccessTime"));
        assertNull(s.getString("lastFailureTime"));
        assertTrue(s.getString("uri").startsWith("okki://company/list?"), s.getString("uri"));

        JsonObject f = consumers.stream().filter(c -> "failing".equals(c.getString("routeId"))).findFirst().orElseThrow();
        // failed records are read again: the watermark stops at the earliest of them
        assertEquals(io.github.camelokki.okki.internal.sync.ServerTime.format(failing.getWatermark()), f.getString("watermark"));
        assertTrue(f.getString("watermark").compareTo("2026-11-25 10:00:00") < 0, f.getString("watermark"));
        assertEquals(1L, f.getLong("polls"));
        assertEquals(0L, f.getLong("recordsDelivered"));
        assertEquals((long) RECORDS, f.getLong("failedDeliveries"));
        assertEquals(0L, f.getLong("failedPolls"));
        assertEquals("ok", f.getString("lastPollResult"));

        // text
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        forbidden.forEach(x -> assertFalse(text.contains(x), "the console shows a secret: " + text));
        assertTrue(text.contains("Client: sim-client (client_credentials)"), text);
        assertTrue(text.contains("Scopes requested: company"), text);
        assertTrue(text.contains("Tokens issued: 1"), text);
        assertTrue(text.contains("Watermark: 2026-11-25 10:00:00"), text);
        assertTrue(text.contains("Polls: 1 (failed: 0)"), text);
        assertTrue(text.contains("Records delivered: " + RECORDS), text);
        assertTrue(text.contains("Failed deliveries: 0"), text);
        assertTrue(text.contains("Last poll: ok at "), text);
        assertTrue(text.contains("Failed deliveries: " + RECORDS), text);
    }
}
