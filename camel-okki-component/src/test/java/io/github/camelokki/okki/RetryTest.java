package io.github.camelokki.okki;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelokki.okki.api.OkkiApiException;
import io.github.camelokki.okki.api.OkkiConnectionException;
import io.github.camelokki.okki.internal.catalog.HttpMethod;
import io.github.camelokki.okki.internal.transport.RetryPolicy;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures are sent again, how often, how long apart, and what is reported when retries run out. The test
 * support sets retryDelay 5 ms and retryMaxDelay 50 ms; maxRetries is the default 3, so 4 attempts at most.
 */
class RetryTest extends OkkiTestSupport {

    private static final String INFO = "/v1/company/info";
    private static final String INFO_URI = "okki:company/info?param.company_id=42";
    private static final String PUSH = "/v1/company/pushCompanyAndCustomers";
    private static final Map<String, Object> COMPANY = Map.of("name", "ACME", "country", "CN", "customers", List.of());

    /** Each answer in turn, the last one for every further request. */
    private static void sequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder mapping = request.get().inScenario("sequence")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer-" + i);
            if (i < answers.length - 1) {
                mapping = mapping.willSetStateTo("answer-" + (i + 1));
            }
            stub(mapping.willReturn(answers[i]));
        }
    }

    private static void infoAnswers(ResponseDefinitionBuilder... answers) {
        sequence(() -> get(urlPathEqualTo(INFO)), answers);
    }

    private static void pushAnswers(ResponseDefinitionBuilder... answers) {
        sequence(() -> post(urlPathEqualTo(PUSH)), answers);
    }

    private static ResponseDefinitionBuilder ok() {
        return okJsonText(envelope(Map.of("company_id", 42, "name", "ACME")));
    }

    private static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status);
    }

    private static ResponseDefinitionBuilder fault(Fault fault) {
        return aResponse().withFault(fault);
    }

    private static int infoAttempts() {
        return okki.findAll(getRequestedFor(urlPathEqualTo(INFO))).size();
    }

    private static int pushAttempts() {
        return okki.findAll(postRequestedFor(urlPathEqualTo(PUSH))).size();
    }

    private static void assertSucceeded(Exchange result) {
        assertNull(result.getException(), () -> "failed: " + result.getException());
        Map<?, ?> body = assertInstanceOf(Map.class, result.getMessage().getBody());
        assertEquals("ACME", body.get("name"));
    }

    private Exchange push(String options) {
        return template.request("okki:company/push" + options, e -> e.getMessage().setBody(new LinkedHashMap<>(COMPANY)));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // --- reads are retried ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 503 })
    void getIsRetriedOnServerErrors(int status) {
        stubToken();
        infoAnswers(status(status), ok());

        assertSucceeded(template.request(INFO_URI, e -> { }));

        assertEquals(2, infoAttempts());
    }

    @Test
    void getIsRetriedOnServerErrorWithJsonBody() {
        stubToken();
        infoAnswers(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":503,\"message\":\"service busy\"}"), ok());

        assertSucceeded(template.request(INFO_URI, e -> { }));

        assertEquals(2, infoAttempts());
    }

    @Test
    void succeedsOnTheLastAllowedAttempt() {
        stubToken();
        infoAnswers(status(503), status(500), status(502), ok());

        assertSucceeded(template.request(INFO_URI, e -> { }));

        assertEquals(4, infoAttempts());
        // every attempt carries the same token
        okki.verify(4, getRequestedFor(urlPathEqualTo(INFO)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("company_id", equalTo("42")));
    }

    @Test
    void getIsRetriedOn429() {
        stubToken();
        infoAnswers(status(429), ok());

        assertSucceeded(template.request(INFO_URI, e -> { }));

        assertEquals(2, infoAttempts());
    }

    @Test
    void retryAfterIsHonoured() {
        stubToken();
        infoAnswers(aResponse().withStatus(429).withHeader("Retry-After", "1"), ok());

        long start = System.nanoTime();
        Exchange result = template.request(INFO_URI + "&retryMaxDelay=2000", e -> { });
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertSucceeded(result);
        assertEquals(2, infoAttempts());
        assertTrue(elapsedMillis >= 900, "waited only " + elapsedMillis + " ms although OKKI said Retry-After: 1");
    }

    @Test
    void a429SlowsEveryCallOfTheClientNotOnlyItsOwn() {
        stubToken();
        infoAnswers(aResponse().withStatus(429).withHeader("Retry-After", "1"));
        stub(get(urlPathEqualTo("/v1/company/list")).willReturn(okJsonText(envelope(Map.of("totalItem", 0,
                "list", List.of())))));

        // gives up at once (no retries), but OKKI asked the whole client to wait a second
        Exchange limited = template.request(INFO_URI + "&maxRetries=0&retryMaxDelay=2000", e -> { });
        Exchange other = template.request("okki:company/list", e -> { });

        assertInstanceOf(OkkiApiException.class, limited.getException());
        assertNull(other.getException());
        Date limitedAt = okki.findAll(getRequestedFor(urlPathEqualTo(INFO))).get(0).getLoggedDate();
        Date otherAt = okki.findAll(getRequestedFor(urlPathEqualTo("/v1/company/list"))).get(0).getLoggedDate();
        long gapMillis = otherAt.getTime() - limitedAt.getTime();
        assertTrue(gapMillis >= 900, "the next call went out " + gapMillis + " ms after the 429 with Retry-After: 1");
    }

    @Test
    void retryAfterIsCappedByRetryMaxDelay() {
        stubToken();
        // without the cap of 50 ms this would wait half a minute
        infoAnswers(aResponse().withStatus(503).withHeader("Retry-After", "30"), ok());

        long start = System.nanoTime();
        Exchange result = template.request(INFO_URI, e -> { });
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertSucceeded(result);
        assertEquals(2, infoAttempts());
        assertTrue(elapsedMillis < 15_000, "Retry-After was not capped by retryMaxDelay: " + elapsedMillis + " ms");
    }

    @Test
    void getIsRetriedOnConnectionReset() {
        stubToken();
        infoAnswers(fault(Fault.CONNECTION_RESET_BY_PEER), ok());

        assertSucceeded(template.request(INFO_URI, e -> { }));

        assertEquals(2, infoAttempts());
    }

    @Test
    void getIsRetriedOnEmptyResponse() {
        stubToken();
        infoAnswers(fault(Fault.EMPTY_RESPONSE), fault(Fault.EMPTY_RESPONSE), ok());

        assertSucceeded(template.request(INFO_URI, e -> { }));

        assertEquals(3, infoAttempts());
    }

    @Test
    void getIsRetriedOnMalformedChunk() {
        stubToken();
        infoAnswers(fault(Fault.MALFORMED_RESPONSE_CHUNK), ok());

        assertSucceeded(template.request(INFO_URI, e -> { }));

        assertEquals(2, infoAttempts());
    }

    @Test
    void clientErrorsAreNotRetried() {
        stubToken();
        infoAnswers(status(400), ok());

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, template.request(INFO_URI, x -> { }).getException());

        assertEquals(400, e.getHttpStatus());
        assertEquals(1, infoAttempts());
    }

    // --- giving up ----------------------------------------------------------------------------------------------

    // When retries run out on an HTTP status, OkkiClient (api/) builds the OkkiApiException without the number of
    // attempts the transport made; these two tests assert the message names it, as it does for connection failures.
    @Test
    void givesUpAfterMaxRetriesOn503() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(status(503)));

        Exchange result = template.request(INFO_URI, e -> { });

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, result.getException());
        assertEquals(4, infoAttempts());
        assertEquals(503, e.getHttpStatus());
        assertEquals("company/info", e.getOperation());
        assertNull(e.getCode());
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        assertTrue(e.getMessage().contains("4 attempts"), "the message should say how many attempts were made: "
                + e.getMessage());
    }

    @Test
    void givesUpAfterMaxRetriesOn503WithEnvelope() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":503,\"message\":\"service busy\"}")));

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, template.request(INFO_URI, x -> { }).getException());

        assertEquals(4, infoAttempts());
        assertEquals(503, e.getHttpStatus());
        assertEquals(Integer.valueOf(503), e.getCode());
        assertEquals("service busy", e.getProviderMessage());
        assertTrue(e.getMessage().contains("4 attempts"), "the message should say how many attempts were made: "
                + e.getMessage());
    }

    @Test
    void givesUpAfterMaxRetriesOnConnectionReset() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(fault(Fault.CONNECTION_RESET_BY_PEER)));

        Exchange result = template.request(INFO_URI, e -> { });

        OkkiConnectionException e = assertInstanceOf(OkkiConnectionException.class, result.getException());
        assertEquals(4, infoAttempts());
        assertTrue(e.getMessage().startsWith("GET " + INFO + " failed after 4 attempts: "), e.getMessage());
        assertInstanceOf(IOException.class, e.getCause());
        assertFalse(e.getMessage().contains("retryWrites"), e.getMessage());
    }

    @Test
    void givesUpAfterMaxRetriesOnEmptyResponse() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(fault(Fault.EMPTY_RESPONSE)));

        OkkiConnectionException e = assertInstanceOf(OkkiConnectionException.class,
                template.request(INFO_URI, x -> { }).getException());

        assertEquals(4, infoAttempts());
        assertTrue(e.getMessage().contains("failed after 4 attempts"), e.getMessage());
    }

    @Test
    void maxRetriesSetsTheNumberOfAttempts() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(fault(Fault.CONNECTION_RESET_BY_PEER)));

        OkkiConnectionException e = assertInstanceOf(OkkiConnectionException.class,
                template.request(INFO_URI + "&maxRetries=1", x -> { }).getException());

        assertEquals(2, infoAttempts());
        assertTrue(e.getMessage().contains("failed after 2 attempts"), e.getMessage());
    }

    @Test
    void maxRetriesZeroMeansOneAttemptOn503() {
        stubToken();
        infoAnswers(status(503), ok());

        OkkiApiException e = assertInstanceOf(OkkiApiException.class,
                template.request(INFO_URI + "&maxRetries=0", x -> { }).getException());

        assertEquals(1, infoAttempts());
        assertEquals(503, e.getHttpStatus());
    }

    @Test
    void maxRetriesZeroMeansOneAttemptOnReset() {
        stubToken();
        infoAnswers(fault(Fault.CONNECTION_RESET_BY_PEER), ok());

        OkkiConnectionException e = assertInstanceOf(OkkiConnectionException.class,
                template.request(INFO_URI + "&maxRetries=0", x -> { }).getException());

        assertEquals(1, infoAttempts());
        assertTrue(e.getMessage().startsWith("GET " + INFO + " failed: "), e.getMessage());
        assertFalse(e.getMessage().contains("attempts"), e.getMessage());
    }

    // --- envelope server errors (HTTP 200) ----------------------------------------------------------------------

    @Test
    void getIsRetriedOnEnvelopeServerErrors() {
        stubToken();
        infoAnswers(okJsonText(errorEnvelope(500, "Server error")), okJsonText(errorEnvelope(-1, "unknown")), ok());

        assertSucceeded(template.request(INFO_URI, e -> { }));

        assertEquals(3, infoAttempts());
    }

    @Test
    void envelopeAndHttpRetriesShareOneBudget() {
        stubToken();
        infoAnswers(status(503), okJsonText(errorEnvelope(500, "Server error")), status(502),
                okJsonText(errorEnvelope(500, "Server error")), ok());

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, template.request(INFO_URI, x -> { }).getException());

        assertEquals(4, infoAttempts());
        assertEquals(Integer.valueOf(500), e.getCode());
        assertTrue(e.getMessage().endsWith("after 4 attempts)"), e.getMessage());
    }

    @Test
    void postIsNotRetriedOnEnvelopeServerError() {
        stubToken();
        pushAnswers(okJsonText(errorEnvelope(500, "Server error")), okJsonText(envelope(Map.of("company_id", 42))));

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, push("").getException());

        assertEquals(1, pushAttempts());
        assertEquals(Integer.valueOf(500), e.getCode());
    }

    @Test
    void postIsRetriedOnEnvelopeServerErrorWithRetryWrites() {
        stubToken();
        pushAnswers(okJsonText(errorEnvelope(-1, "unknown")), okJsonText(envelope(Map.of("company_id", 42))));

        Exchange result = push("?retryWrites=true");

        assertNull(result.getException(), () -> "failed: " + result.getException());
        assertEquals(2, pushAttempts());
    }

    // --- writes are not retried unless allowed -----------------------------------------------------------------

    @Test
    void postIsNotRetriedOn503() {
        stubToken();
        pushAnswers(status(503), okJsonText(envelope(Map.of("company_id", 42))));

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, push("").getException());

        assertEquals(1, pushAttempts());
        assertEquals(503, e.getHttpStatus());
        assertEquals("company/push", e.getOperation());
    }

    @Test
    void postIsNotRetriedOnConnectionReset() {
        stubToken();
        pushAnswers(fault(Fault.CONNECTION_RESET_BY_PEER), okJsonText(envelope(Map.of("company_id", 42))));

        OkkiConnectionException e = assertInstanceOf(OkkiConnectionException.class, push("").getException());

        assertEquals(1, pushAttempts());
        assertTrue(e.getMessage().startsWith("POST " + PUSH + " failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("writes are not retried unless retryWrites=true"), e.getMessage());
    }

    @Test
    void postIsNotRetriedOnEmptyResponse() {
        stubToken();
        pushAnswers(fault(Fault.EMPTY_RESPONSE), okJsonText(envelope(Map.of("company_id", 42))));

        assertInstanceOf(OkkiConnectionException.class, push("").getException());

        assertEquals(1, pushAttempts());
    }

    @Test
    void postIsRetriedOn503WithRetryWrites() {
        stubToken();
        pushAnswers(status(503), status(502), okJsonText(envelope(Map.of("company_id", 42))));

        Exchange result = push("?retryWrites=true");

        assertNull(result.getException(), () -> "failed: " + result.getException());
        assertEquals(Map.of("company_id", 42), result.getMessage().getBody());
        assertEquals(3, pushAttempts());
        // the same body each time
        okki.verify(3, postRequestedFor(urlPathEqualTo(PUSH)).withRequestBody(equalToJson(json(COMPANY))));
    }

    @Test
    void postIsRetriedOnResetWithRetryWrites() {
        stubToken();
        stub(post(urlPathEqualTo(PUSH)).willReturn(fault(Fault.CONNECTION_RESET_BY_PEER)));

        OkkiConnectionException e = assertInstanceOf(OkkiConnectionException.class,
                push("?retryWrites=true").getException());

        assertEquals(4, pushAttempts());
        assertTrue(e.getMessage().startsWith("POST " + PUSH + " failed after 4 attempts: "), e.getMessage());
        assertFalse(e.getMessage().contains("writes are not retried"), e.getMessage());
        okki.verify(4, postRequestedFor(urlPathEqualTo(PUSH)).withRequestBody(equalToJson(json(COMPANY))));
    }

    // --- token requests ---------------------------------------------------------------------------------------

    @Test
    void tokenRequestIsRetriedOn503() {
        sequence(() -> post(urlPathEqualTo(ACCESS_TOKEN_PATH)), status(503), okJsonText(tokenAnswer(TOKEN, 28800)));
        stub(get(urlPathEqualTo(INFO)).willReturn(ok()));

        assertSucceeded(template.request(INFO_URI, e -> { }));

        okki.verify(2, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH)));
        assertEquals(1, infoAttempts());
    }

    // --- connection refused -----------------------------------------------------------------------------------

    @Test
    void connectionRefusedFailsAfterRetries() throws IOException {
        int port = closedPort();

        Exchange result = template.request(INFO_URI + "&baseUrl=http://127.0.0.1:" + port, e -> { });

        OkkiConnectionException e = assertInstanceOf(OkkiConnectionException.class, result.getException());
        // the first request to the host is the token request, retried like a read
        assertTrue(e.getMessage().startsWith("POST " + ACCESS_TOKEN_PATH + " failed after 4 attempts: "),
                e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(port)), e.getMessage());
        // a token request may always be repeated: no advice about retryWrites
        assertFalse(e.getMessage().contains("retryWrites"), e.getMessage());
        assertInstanceOf(ConnectException.class, e.getCause());
    }

    @Test
    void connectionRefusedForGetFailsAfterRetries() throws IOException {
        int port = closedPort();
        stubToken();
        // the token comes from WireMock, every other request goes to the closed port
        HttpRoutePlanner planner = new HttpRoutePlanner() {
            @Override
            public HttpRoute determineRoute(HttpHost target, HttpContext context) {
                return new HttpRoute(target);
            }

            @Override
            public HttpRoute determineRoute(HttpHost target, HttpRequest request, HttpContext context) {
                return request.getPath().startsWith("/v1/oauth2/")
                        ? new HttpRoute(target) : new HttpRoute(new HttpHost("http", "127.0.0.1", port));
            }
        };
        try (CloseableHttpClient client = HttpClients.custom().disableAutomaticRetries().setRoutePlanner(planner).build()) {
            context.getRegistry().bind("refusingClient", client);

            Exchange result = template.request(INFO_URI + "&httpClient=#refusingClient", e -> { });

            OkkiConnectionException e = assertInstanceOf(OkkiConnectionException.class, result.getException());
            assertTrue(e.getMessage().startsWith("GET " + INFO + " failed after 4 attempts: "), e.getMessage());
            assertInstanceOf(ConnectException.class, e.getCause());
            okki.verify(1, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH)));
            assertEquals(0, infoAttempts());
        }
    }

    // --- the policy itself ------------------------------------------------------------------------------------

    @Test
    void retryPolicyDelays() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(1000), false);
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        assertEquals(Duration.ofMillis(100), policy.delay(1, null, now));
        assertEquals(Duration.ofMillis(200), policy.delay(2, null, now));
        assertEquals(Duration.ofMillis(400), policy.delay(3, null, now));
        assertEquals(Duration.ofMillis(1000), policy.delay(5, null, now));
        assertEquals(Duration.ofMillis(1000), policy.delay(40, null, now));
        assertEquals(Duration.ofSeconds(1), policy.delay(1, "1", now));
        assertEquals(Duration.ofMillis(1000), policy.delay(1, "120", now));
        assertEquals(Duration.ZERO, policy.delay(1, "0", now));
        assertEquals(Duration.ofMillis(100), policy.delay(1, "soon", now));
        DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME;
        String tenSecondsLater = http.format(now.plusSeconds(10).atOffset(ZoneOffset.UTC));
        String tenSecondsAgo = http.format(now.minusSeconds(10).atOffset(ZoneOffset.UTC));
        assertEquals(Duration.ofMillis(1000), policy.delay(1, tenSecondsLater, now));
        assertEquals(Duration.ZERO, policy.delay(1, tenSecondsAgo, now));
        RetryPolicy patient = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(60), false);
        assertEquals(Duration.ofSeconds(10), patient.delay(1, tenSecondsLater, now));
        assertEquals(Duration.ofSeconds(7), patient.delay(1, " 7 ", now));
    }

    @Test
    void retryPolicyAllows() {
        RetryPolicy reads = new RetryPolicy(2, Duration.ZERO, Duration.ZERO, false);
        assertTrue(reads.allows(HttpMethod.GET, 0));
        assertTrue(reads.allows(HttpMethod.GET, 1));
        assertFalse(reads.allows(HttpMethod.GET, 2));
        assertFalse(reads.allows(HttpMethod.POST, 0));
        assertFalse(reads.allows(HttpMethod.PUT, 0));
        assertFalse(reads.allows(HttpMethod.DELETE, 0));
        assertTrue(reads.forRepeatable().allows(HttpMethod.POST, 1));
        assertTrue(new RetryPolicy(2, Duration.ZERO, Duration.ZERO, true).allows(HttpMethod.DELETE, 0));
        assertFalse(RetryPolicy.NONE.allows(HttpMethod.GET, 0));
        assertTrue(RetryPolicy.retryableStatus(429));
        assertTrue(RetryPolicy.retryableStatus(500));
        assertTrue(RetryPolicy.retryableStatus(503));
        assertFalse(RetryPolicy.retryableStatus(404));
        assertFalse(RetryPolicy.retryableStatus(401));
        assertFalse(RetryPolicy.retryableStatus(200));
    }
}
