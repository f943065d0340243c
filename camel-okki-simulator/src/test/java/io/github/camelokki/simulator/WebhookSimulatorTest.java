package io.github.camelokki.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.common.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook and subscribe operations over HTTP, checked against the state {@link Webhooks} shows. */
class WebhookSimulatorTest extends SimulatorTestSupport {

    private static final String NOW = "\"now\":\"2026-11-25 10:00:00\"";
    private static final String MISSING = "{\"code\":404,\"message\":\"Not Found Resource\"," + NOW + ",\"data\":null}";
    private static final String SUCCESS_WITHOUT_DATA = "{\"code\":200,\"message\":\"success\"," + NOW + "}";
    private static final String CALLBACK = "https://crm-hooks.example.com/okki/events";
    private static final String COMPANY_EVENTS = "{\"subscribe_type\":\"crm.company\",\"subscribe_configs\":["
            + "{\"biz_type\":\"xiaoman.crm.company.create\"},{\"biz_type\":\"xiaoman.crm.company.update\"}]}";

    /** A token with only the webhook scope, issued after the reset. */
    private String token;

    @BeforeEach
    void webhookToken() {
        token = sim.issueToken("webhook");
    }

    // --- webhook ---

    @Test
    void getAnswersANotFoundEnvelopeWhenNoWebhookIsConfigured() throws Exception {
        HttpResponse<String> answer = call("GET", "/v1/webhook", null);

        assertEquals(200, answer.statusCode());
        assertEquals(MISSING, answer.body());
    }

    @Test
    void createHandsOutA32ByteSecretThatGetNeverShows() throws Exception {
        String created = call("POST", "/v1/webhook", "{\"callback_url\":\"" + CALLBACK + "\"}").body();

        String secret = sim.webhook().securityConfig();
        assertEquals(32, Base64.getDecoder().decode(secret).length);
        assertEquals("{\"code\":200,\"message\":\"success\"," + NOW + ",\"data\":{\"security_method\":\"AES-256-GCM\","
                + "\"security_config\":\"" + secret + "\"}}", created);
        assertEquals(CALLBACK, sim.webhook().callbackUrl());
        assertEquals("{\"code\":200,\"message\":\"success\"," + NOW + ",\"data\":{\"callback_url\":\"" + CALLBACK
                + "\",\"callback_verify\":\"0\",\"security_method\":\"AES-256-GCM\"}}",
                call("GET", "/v1/webhook", null).body());
        assertEquals(1, sim.webhook().writes());
    }

    @Test
    void aSecondCreateIsRefusedAndChangesNothing() throws Exception {
        String secret = sim.webhook().configure(CALLBACK);

        assertEquals("{\"code\":400,\"message\":\"a webhook is configured already; PUT /v1/webhook changes its "
                + "callback_url\"," + NOW + ",\"data\":null}",
                call("POST", "/v1/webhook", "{\"callback_url\":\"https://other.example.com/hook\"}").body());
        assertEquals(CALLBACK, sim.webhook().callbackUrl());
        assertEquals(secret, sim.webhook().securityConfig());
        assertEquals(0, sim.webhook().writes());
    }

    @Test
    void updateChangesTheUrlAndKeepsTheSecret() throws Exception {
        String secret = sim.webhook().configure(CALLBACK);

        assertEquals("{\"code\":200,\"message\":\"success\"," + NOW + ",\"data\":{\"security_method\":\"AES-256-GCM\","
                + "\"callback_url\":\"https://other.example.com/hook\"}}",
                call("PUT", "/v1/webhook", "{\"callback_url\":\"https://other.example.com/hook\"}").body());
        assertEquals("https://other.example.com/hook", sim.webhook().callbackUrl());
        assertEquals(secret, sim.webhook().securityConfig());
        assertEquals(1, sim.webhook().writes());
    }

    @Test
    void updateRegenerateTestAndDeleteNeedAWebhook() throws Exception {
        assertEquals(MISSING, call("PUT", "/v1/webhook", "{\"callback_url\":\"" + CALLBACK + "\"}").body());
        assertEquals(MISSING, call("POST", "/v1/webhook/regenerate-secret", null).body());
        assertEquals(MISSING, call("POST", "/v1/webhook/test", null).body());
        assertEquals(MISSING, call("DELETE", "/v1/webhook", null).body());
        assertNull(sim.webhook().callbackUrl());
        assertEquals(0, sim.webhook().writes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json | the request body must be a JSON object",
            "[] | the request body must be a JSON object",
            "{} | callback_url must be an http or https URL",
            "{\"callback_url\":\"\"} | callback_url must be an http or https URL",
            "{\"callback_url\":\"ftp://files.example.com/hook\"} | callback_url must be an http or https URL",
            "{\"callback_url\":\"/okki/events\"} | callback_url must be an http or https URL",
            "{\"callback_url\":42} | callback_url must be an http or https URL"})
    void malformedCallbackBodiesAreRefusedOnCreateAndUpdate(String body, String message) throws Exception {
        String refused = "{\"code\":400,\"message\":\"" + message + "\"," + NOW + ",\"data\":null}";
        assertEquals(refused, call("POST", "/v1/webhook", body).body());
        sim.webhook().configure(CALLBACK);
        assertEquals(refused, call("PUT", "/v1/webhook", body).body());
        assertEquals(CALLBACK, sim.webhook().callbackUrl());
        assertEquals(0, sim.webhook().writes());
    }

    @Test
    void regenerateSecretAnswersTheNewSecretAsWebhookSecret() throws Exception {
        String old = sim.webhook().configure(CALLBACK);

        String answer = call("POST", "/v1/webhook/regenerate-secret", null).body();

        String secret = sim.webhook().securityConfig();
        assertNotEquals(old, secret);
        assertEquals(32, Base64.getDecoder().decode(secret).length);
        assertEquals("{\"code\":200,\"message\":\"success\"," + NOW + ",\"data\":{\"webhook_secret\":\"" + secret
                + "\"}}", answer);
        assertEquals(CALLBACK, sim.webhook().callbackUrl());
        assertEquals(1, sim.webhook().writes());
    }

    @Test
    void testAnswersSuccessWithoutPushingAnything() throws Exception {
        sim.webhook().configure(sim.baseUrl() + "/okki/events");

        assertEquals(SUCCESS_WITHOUT_DATA, call("POST", "/v1/webhook/test", null).body());
        assertEquals(0, sim.requestCount("/okki/events"));
        assertEquals(0, sim.webhook().writes());
    }

    @Test
    void deleteRemovesTheWebhookButNotTheSubscriptions() throws Exception {
        sim.webhook().configure(CALLBACK);
        sim.webhook().subscribe("crm.order", "xiaoman.crm.order.create");

        assertEquals(SUCCESS_WITHOUT_DATA, call("DELETE", "/v1/webhook", null).body());
        assertNull(sim.webhook().callbackUrl());
        assertNull(sim.webhook().securityConfig());
        assertEquals(Map.of("crm.order", List.of("xiaoman.crm.order.create")), sim.webhook().subscriptions());
        assertEquals(MISSING, call("GET", "/v1/webhook", null).body());
        assertEquals(1, sim.webhook().writes());
    }

    // --- subscriptions ---

    @Test
    void subscribeCreatesOneModulesSubscriptionAndAnswersItsEventTypes() throws Exception {
        assertEquals("{\"code\":200,\"message\":\"success\"," + NOW + ",\"data\":[\"xiaoman.crm.company.create\","
                + "\"xiaoman.crm.company.update\"]}", call("POST", "/v1/subscribe", COMPANY_EVENTS).body());

        assertEquals(Map.of("crm.company", List.of("xiaoman.crm.company.create", "xiaoman.crm.company.update")),
                sim.webhook().subscriptions());
        assertEquals("{\"code\":200,\"message\":\"success\"," + NOW + ",\"data\":{\"subscribe_type\":\"crm.company\","
                + "\"subscribe_config\":[\"xiaoman.crm.company.create\",\"xiaoman.crm.company.update\"]}}",
                call("GET", "/v1/subscribe/crm.company", null).body());
        assertEquals(1, sim.webhook().writes());
    }

    @Test
    void listShowsEverySubscriptionInTheOrderMade() throws Exception {
        assertEquals("{\"code\":200,\"message\":\"success\"," + NOW + ",\"data\":[]}",
                call("GET", "/v1/subscribe", null).body());
        sim.webhook().subscribe("crm.order", "xiaoman.crm.order.delete");
        call("POST", "/v1/subscribe", COMPANY_EVENTS);

        assertEquals("{\"code\":200,\"message\":\"success\"," + NOW + ",\"data\":["
                + "{\"subscribe_type\":\"crm.order\",\"subscribe_config\":[\"xiaoman.crm.order.delete\"]},"
                + "{\"subscribe_type\":\"crm.company\",\"subscribe_config\":[\"xiaoman.crm.company.create\","
                + "\"xiaoman.crm.company.update\"]}]}", call("GET", "/v1/subscribe", null).body());
    }

    @Test
    void aSecondSubscribeOfTheSameModuleIsRefused() throws Exception {
        sim.webhook().subscribe("crm.company", "xiaoman.crm.company.delete");

        assertEquals("{\"code\":400,\"message\":\"crm.company is subscribed already; PUT /v1/subscribe/crm.company "
                + "changes it\"," + NOW + ",\"data\":null}", call("POST", "/v1/subscribe", COMPANY_EVENTS).body());
        assertEquals(Map.of("crm.company", List.of("xiaoman.crm.company.delete")), sim.webhook().subscriptions());
        assertEquals(0, sim.webhook().writes());
    }

    @Test
    void updateReplacesTheEventTypesOfASubscribedModule() throws Exception {
        sim.webhook().subscribe("crm.company", "xiaoman.crm.company.delete");

        assertEquals("{\"code\":200,\"message\":\"success\"," + NOW + ",\"data\":[\"xiaoman.crm.company.create\","
                + "\"xiaoman.crm.company.update\"]}", call("PUT", "/v1/subscribe/crm.company", COMPANY_EVENTS).body());
        assertEquals(Map.of("crm.company", List.of("xiaoman.crm.company.create", "xiaoman.crm.company.update")),
                sim.webhook().subscriptions());
        assertEquals(1, sim.webhook().writes());
    }

    @Test
    void updateNeedsASubscriptionAndTheSameModuleInPathAndBody() throws Exception {
        assertEquals(MISSING, call("PUT", "/v1/subscribe/crm.company", COMPANY_EVENTS).body());
        sim.webhook().subscribe("crm.order", "xiaoman.crm.order.create");
        assertEquals("{\"code\":400,\"message\":\"subscribe_type in the body must be crm.order, as in the path\","
                + NOW + ",\"data\":null}", call("PUT", "/v1/subscribe/crm.order", COMPANY_EVENTS).body());
        assertEquals(Map.of("crm.order", List.of("xiaoman.crm.order.create")), sim.webhook().subscriptions());
        assertEquals(0, sim.webhook().writes());
    }

    @Test
    void deleteUnsubscribesOneModuleAndAnswersAnEmptyArray() throws Exception {
        sim.webhook().subscribe("crm.company", "xiaoman.crm.company.create");
        sim.webhook().subscribe("crm.order", "xiaoman.crm.order.create");

        assertEquals("{\"code\":200,\"message\":\"success\"," + NOW + ",\"data\":[]}",
                call("DELETE", "/v1/subscribe/crm.company", null).body());
        assertEquals(Map.of("crm.order", List.of("xiaoman.crm.order.create")), sim.webhook().subscriptions());
        assertEquals(MISSING, call("GET", "/v1/subscribe/crm.company", null).body());
        assertEquals(MISSING, call("DELETE", "/v1/subscribe/crm.company", null).body());
        assertEquals(1, sim.webhook().writes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"subscribe_type\":\"crm.company\"} | subscribe_configs must be an array of {\"biz_type\": event type}",
            "{\"subscribe_type\":\"crm.company\",\"subscribe_configs\":[\"xiaoman.crm.company.create\"]}"
                    + " | subscribe_configs must be an array of {\"biz_type\": event type}",
            "{\"subscribe_type\":\"crm.company\",\"subscribe_configs\":[]}"
                    + " | subscribe_configs must name at least one biz_type",
            "{\"subscribe_type\":\"crm.company\",\"subscribe_configs\":[{\"biz_type\":\"xiaoman.crm.order.create\"}]}"
                    + " | biz_type xiaoman.crm.order.create is not an event of crm.company, which has"
                    + " [xiaoman.crm.company.create, xiaoman.crm.company.update, xiaoman.crm.company.delete]",
            "{\"subscribe_type\":\"crm.contact\",\"subscribe_configs\":[{\"biz_type\":\"xiaoman.crm.contact.create\"}]}"
                    + " | subscribe_type must be one of",
            "{\"subscribe_configs\":[{\"biz_type\":\"xiaoman.crm.company.create\"}]} | subscribe_type must be one of"})
    void subscriptionsOkkiWouldNotTakeAreRefused(String body, String message) throws Exception {
        Map<String, Object> refused = json(call("POST", "/v1/subscribe", body));

        assertEquals(400, refused.get("code"));
        assertTrue(((String) refused.get("message")).startsWith(message), (String) refused.get("message"));
        assertEquals(Map.of(), sim.webhook().subscriptions());
        assertEquals(0, sim.webhook().writes());
    }

    @Test
    void theJavaSideChecksSubscriptionsAsOkkiDoes() {
        Webhooks webhooks = sim.webhook();
        assertThrows(IllegalArgumentException.class,
                () -> webhooks.subscribe("crm.contact", "xiaoman.crm.contact.create"));
        assertThrows(IllegalArgumentException.class, () -> webhooks.subscribe("crm.company"));
        assertThrows(IllegalArgumentException.class,
                () -> webhooks.subscribe("crm.company", "xiaoman.crm.order.create"));
        webhooks.subscribe("crm.company", "xiaoman.crm.company.update", "xiaoman.crm.company.update");
        assertEquals(Map.of("crm.company", List.of("xiaoman.crm.company.update")), webhooks.subscriptions());
    }

    // --- routing, scope, reset ---

    @ParameterizedTest
    @CsvSource({"GET,/v1/webhook", "POST,/v1/webhook", "PUT,/v1/webhook", "DELETE,/v1/webhook",
            "POST,/v1/webhook/regenerate-secret", "POST,/v1/webhook/test", "GET,/v1/subscribe", "POST,/v1/subscribe",
            "GET,/v1/subscribe/crm.company", "PUT,/v1/subscribe/crm.company", "DELETE,/v1/subscribe/crm.company"})
    void everyOperationNeedsTheWebhookScope(String method, String path) throws Exception {
        sim.webhook().configure(CALLBACK);
        sim.webhook().subscribe("crm.company", "xiaoman.crm.company.create");
        String body = method.equals("GET") || method.equals("DELETE") ? null
                : path.equals("/v1/webhook") ? "{\"callback_url\":\"https://other.example.com/hook\"}"
                : COMPANY_EVENTS;

        HttpResponse<String> refused = call(method, path, sim.issueToken("company", "invoices"), body);
        assertEquals(200, refused.statusCode());
        assertEquals("{\"code\":403,\"message\":\"no permission webhook scopes\"," + NOW + ",\"data\":null}",
                refused.body());
        assertEquals(401, call(method, path, "no-such-token", body).statusCode());
        assertEquals(0, sim.webhook().writes());
        // with the scope the call gets past the check (a create then meets what exists)
        assertNotEquals(403, json(call(method, path, body)).get("code"));
    }

    @Test
    void pathsBeyondTheOperationsAreUnknownRoutes() throws Exception {
        assertEquals(404, call("GET", "/v1/subscribe/crm.company/events", null).statusCode());
        assertEquals(404, call("GET", "/v1/subscribe/", null).statusCode());
        assertEquals(404, call("PATCH", "/v1/webhook", null).statusCode());
        assertEquals(404, call("GET", "/v1/webhook/regenerate-secret", null).statusCode());
    }

    @Test
    void resetForgetsTheWebhookTheSubscriptionsAndTheWrites() throws Exception {
        call("POST", "/v1/webhook", "{\"callback_url\":\"" + CALLBACK + "\"}");
        call("POST", "/v1/subscribe", COMPANY_EVENTS);
        assertEquals(2, sim.webhook().writes());

        sim.reset();

        assertNull(sim.webhook().callbackUrl());
        assertNull(sim.webhook().securityConfig());
        assertEquals(Map.of(), sim.webhook().subscriptions());
        assertEquals(0, sim.webhook().writes());
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, token, body);
    }

    private static HttpResponse<String> call(String method, String path, String bearer, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Authorization", "Bearer " + bearer)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) {
        return Json.read(response.body(), Map.class);
    }
}
