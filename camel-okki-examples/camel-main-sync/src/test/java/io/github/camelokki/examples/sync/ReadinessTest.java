package io.github.camelokki.examples.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelokki.simulator.OkkiSimulator;
import org.junit.jupiter.api.Test;

import static io.github.camelokki.examples.sync.SyncApplicationTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Readiness follows OKKI access: while OKKI refuses the application's credentials, /observe/health/ready answers 503
 * with okki-tokens and the consumers DOWN, saying why; once OKKI accepts them, the next poll makes it ready again.
 */
class ReadinessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readyOnlyWhileOkkiIssuesTokens() throws Exception {
        try (OkkiSimulator okki = SyncApplicationTestSupport.account(LocalDateTime.of(2026, 11, 30, 10, 0), 3, 2)) {
            Properties settings = SyncApplicationTestSupport.accountSettings(okki,
                    "jdbc:h2:mem:okki-readiness;DB_CLOSE_DELAY=-1");
            settings.setProperty("camel.component.okki.client-secret", "rotated-secret");
            settings.setProperty("leads.inbox", "target/readiness-leads");
            HttpClient http = HttpClient.newHttpClient();
            URI ready = URI.create("http://127.0.0.1:" + settings.getProperty("camel.server.port")
                    + "/observe/health/ready");
            try (SyncApplication app = SyncApplication.create(Map.of(), settings)) {
                app.start();
                await("the consumers' first failed polls", () -> states(http, ready).getOrDefault(
                        "consumer:sync-orders", "").equals("DOWN"));
                HttpResponse<String> down = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(60))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(503, down.statusCode());
                JsonNode body = JSON.readTree(down.body());
                assertEquals("DOWN", body.get("status").asText());
                Map<String, String> states = SyncApplicationHttpTest.checks(body);
                assertEquals("DOWN", states.get("okki-tokens"));
                assertEquals("DOWN", states.get("consumer:sync-companies"));
                assertEquals("OKKI refused or failed to issue an access token (client acme-client: invalid_client)",
                        SyncApplicationHttpTest.check(body, "okki-tokens").get("message").asText());
                assertFalse(down.body().contains("rotated-secret"), "the secret stays out of the answer");

                // OKKI now accepts the secret the application has (as after rotating it on OKKI's side)
                okki.client("acme-client", "rotated-secret");
                await("ready again", () -> "UP".equals(states(http, ready).get("okki-tokens"))
                        && "UP".equals(states(http, ready).get("consumer:sync-companies")));
                await("all checks up", () -> {
                    try {
                        return http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString())
                                .statusCode() == 200;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
    }

    private static Map<String, String> states(HttpClient http, URI ready) {
        try {
            String body = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return SyncApplicationHttpTest.checks(JSON.readTree(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
