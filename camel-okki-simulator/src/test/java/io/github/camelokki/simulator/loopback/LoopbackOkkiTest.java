package io.github.camelokki.simulator.loopback;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelokki.simulator.OkkiModel;
import io.github.camelokki.simulator.OkkiSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loopback front end serves the OKKI model over its own socket server, with its counters and faults. */
class LoopbackOkkiTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 25, 10, 0, 0);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private LoopbackOkki stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void answersEveryRequestExactlyAsTheWireMockSimulatorDoes() throws Exception {
        stub = LoopbackOkki.builder().companies(0).start();
        try (OkkiSimulator sim = OkkiSimulator.start()) {
            stub.model().clock().setNow(T0);
            sim.setNow(T0);
            stub.model().records("company").seed(30);
            sim.records("company").seed(30);
            String loopbackToken = token(stub.baseUrl());
            String simToken = token(sim.baseUrl());

            // a window of the past three days on the update time, second page of 5, and the other answers of a list
            String window = "/v1/company/list?count=5&start_index=2&start_time="
                    + URLEncoder.encode("2026-11-22 10:00:00", StandardCharsets.UTF_8);
            for (String path : List.of(window, "/v1/company/list?count=100", "/v1/company/info?company_id=3100000007",
                    "/v1/company/info?company_id=1", "/v1/no/such/list")) {
                HttpResponse<String> fromLoopback = get(stub.baseUrl() + path, loopbackToken);
                HttpResponse<String> fromSimulator = get(sim.baseUrl() + path, simToken);
                assertEquals(fromSimulator.statusCode(), fromLoopback.statusCode(), path);
                assertEquals(fromSimulator.body(), fromLoopback.body(), path);
            }
            Map<String, Object> page = json(get(stub.baseUrl() + window, loopbackToken));
            Map<?, ?> data = (Map<?, ?>) page.get("data");
            long inWindow = stub.model().records("company").all().stream()
                    .filter(c -> String.valueOf(c.get("update_time")).compareTo("2026-11-22 10:00:00") >= 0).count();
            assertEquals(inWindow, ((Number) data.get("totalItem")).longValue());
            assertTrue(inWindow > 5 && inWindow < 30, "a window that holds some of the records: " + inWindow);
            assertEquals(5, ((List<?>) data.get("list")).size());
        }
    }

    @Test
    void pushWithAJsonBodyCreatesARecordAndCountsRequestsOnOneConnection() throws Exception {
        stub = LoopbackOkki.start();
        String token = token(stub.baseUrl());

        HttpResponse<String> pushed = http.send(HttpRequest.newBuilder(
                URI.create(stub.baseUrl() + "/v1/company/pushCompanyAndCustomers"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Loopback Push GmbH\",\"country\":\"DE\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, pushed.statusCode());
        Object id = ((Map<?, ?>) json(pushed).get("data")).get("company_id");
        assertEquals("Loopback Push GmbH", stub.model().records("company").get(id).get("name"));
        assertEquals(1_001, stub.model().records("company").size());
        assertEquals(401, get(stub.baseUrl() + "/v1/company/list", null).statusCode());
        assertEquals(3, stub.requests());
        assertEquals(1, stub.tokenRequests());
        assertEquals(2, stub.dataRequests());
        assertEquals(1, stub.acceptedConnections(), "kept alive: " + stub.stats());
    }

    @Test
    void anEnvelopeFaultAnswersHttp200WithCode500AndLeavesTheRequestUnhandled() throws Exception {
        stub = LoopbackOkki.builder().faults(new FaultPlan(1.0, Map.of(LoopbackFault.ENVELOPE_500, 1), Duration.ZERO,
                Duration.ZERO, 1, false)).start();
        String token = token(stub.baseUrl());

        HttpResponse<String> answer = get(stub.baseUrl() + "/v1/company/info?company_id=3100000001", token);

        assertEquals(200, answer.statusCode());
        Map<String, Object> envelope = json(answer);
        assertEquals(500, envelope.get("code"));
        assertEquals("Server error", envelope.get("message"));
        assertNull(envelope.get("data"));
        assertNotNull(envelope.get("now"));
        assertEquals(1, stub.injected(LoopbackFault.ENVELOPE_500));
        assertEquals(1, stub.injectedTotal(), "the token request is spared: " + stub.stats());
    }

    @Test
    void aResetFaultDropsTheConnectionWithoutAnAnswer() throws Exception {
        stub = LoopbackOkki.builder().faults(new FaultPlan(1.0, Map.of(LoopbackFault.RESET, 1), Duration.ZERO,
                Duration.ZERO, 1, false)).start();
        String token = token(stub.baseUrl());

        assertThrows(IOException.class, () -> get(stub.baseUrl() + "/v1/company/list", token));
        // the JDK client sends a GET again once after a reset: every attempt was reset
        assertTrue(stub.dataRequests() >= 1);
        assertEquals(stub.dataRequests(), stub.injected(LoopbackFault.RESET), stub.stats());
    }

    @Test
    void clientsOtherThanTheDefaultOneMustBeRegistered() throws Exception {
        stub = LoopbackOkki.start();
        assertEquals(401, tokenAnswer(stub.baseUrl(), "bench-client", "bench-secret").statusCode());

        stub.model().client("bench-client", "bench-secret");

        assertEquals(200, tokenAnswer(stub.baseUrl(), "bench-client", "bench-secret").statusCode());
    }

    private String token(String baseUrl) throws Exception {
        HttpResponse<String> answer = tokenAnswer(baseUrl, OkkiModel.DEFAULT_CLIENT_ID,
                OkkiModel.DEFAULT_CLIENT_SECRET);
        assertEquals(200, answer.statusCode(), answer.body());
        return (String) json(answer).get("access_token");
    }

    private HttpResponse<String> tokenAnswer(String baseUrl, String clientId, String secret) throws Exception {
        String form = Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/oauth2/access_token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        return JSON.readValue(response.body(), Map.class);
    }
}
