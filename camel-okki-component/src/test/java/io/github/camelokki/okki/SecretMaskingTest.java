package io.github.camelokki.okki;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelokki.okki.api.GrantType;
import io.github.camelokki.okki.api.OkkiApiException;
import io.github.camelokki.okki.api.OkkiAuthenticationException;
import io.github.camelokki.okki.api.OkkiInvalidResponseException;
import io.github.camelokki.okki.internal.auth.AccessToken;
import io.github.camelokki.okki.internal.auth.Credentials;
import io.github.camelokki.okki.internal.catalog.HttpMethod;
import io.github.camelokki.okki.internal.transport.HttpRequestSpec;
import io.github.camelokki.okki.internal.transport.HttpResponseData;
import io.github.camelokki.okki.internal.transport.TransportSettings;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Client secret, password (and its SHA-256, which is what OKKI accepts as the password), proxy password, access and
 * refresh tokens must never show in endpoint displays, toString()s, exception messages or logs.
 */
class SecretMaskingTest extends OkkiTestSupport {

    private static final String URI_SECRET = "uri-client-secret-77aa";
    private static final String USERNAME = "sales.manager@example.com";
    private static final String PASSWORD = "pass-word-secret-1234";
    private static final String PASSWORD_SHA256 = Credentials.sha256Hex(PASSWORD);
    private static final String PROXY_PASSWORD = "proxy-pass-secret-8899";
    private static final String COMPONENT_PASSWORD = "component-pass-secret-5566";
    private static final String COMPONENT_PROXY_PASSWORD = "component-proxy-secret-3344";
    private static final String RAW_SECRET = "raw&secret+value%41";
    private static final String TOKEN2 = "access-token-value-second-7e7e";
    private static final String REFRESH_TOKEN2 = "refresh-token-value-second-8f8f";
    private static final String INFO = "/v1/company/info";

    /** Every value that must never be shown. */
    private static final List<String> SECRETS = List.of(CLIENT_SECRET, URI_SECRET, PASSWORD, PASSWORD_SHA256,
            PROXY_PASSWORD, COMPONENT_PASSWORD, Credentials.sha256Hex(COMPONENT_PASSWORD), COMPONENT_PROXY_PASSWORD,
            RAW_SECRET, "raw%26secret%2Bvalue%2541", TOKEN, REFRESH_TOKEN, TOKEN2, REFRESH_TOKEN2);

    private static final String SECRET_URI = "okki:company/info?param.company_id=42&clientSecret=" + URI_SECRET
            + "&grantType=password&username=" + USERNAME + "&password=" + PASSWORD
            + "&proxyUsername=proxy-user&proxyPassword=" + PROXY_PASSWORD;

    private static void assertNoSecret(String what, String text) {
        for (String secret : SECRETS) {
            if (text != null && text.contains(secret)) {
                fail(what + " shows the secret '" + secret + "': " + text);
            }
        }
    }

    private static void assertNoSecretInThrowable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            assertNoSecret(t.getClass().getSimpleName() + ".getMessage()", t.getMessage());
            assertNoSecret(t.getClass().getSimpleName() + ".toString()", t.toString());
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertNoSecret("the stack trace", trace.toString());
    }

    // --- endpoint displays ----------------------------------------------------------------------------------------

    @Test
    void uriSecretsAreMaskedWhereverTheEndpointIsShown() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:secret").routeId("secret-route").to(SECRET_URI);
            }
        });
        Endpoint endpoint = context.getEndpoint(SECRET_URI);

        assertTrue(endpoint.toString().contains("company/info"), endpoint.toString());
        assertTrue(endpoint.toString().contains("clientSecret=xxxxxx"), endpoint.toString());
        assertNoSecret("endpoint.toString()", endpoint.toString());
        assertNoSecret("URISupport.sanitizeUri(endpoint.getEndpointUri())",
                URISupport.sanitizeUri(endpoint.getEndpointUri()));
        assertNoSecret("URISupport.sanitizeUri(endpoint.getEndpointKey())",
                URISupport.sanitizeUri(endpoint.getEndpointKey()));
        assertNoSecret("endpoint.getEndpointBaseUri()", endpoint.getEndpointBaseUri());
        List<String> shown = new ArrayList<>();
        for (Endpoint e : context.getEndpoints()) {
            shown.add(e.toString());
            assertNoSecret("context.getEndpoints() entry", e.toString());
        }
        assertTrue(shown.stream().anyMatch(s -> s.startsWith("okki://company/info")), shown.toString());
        Route route = context.getRoute("secret-route");
        assertNoSecret("the route", route.toString());
        assertNoSecret("the route's description", route.getDescription());
        // the route's okki endpoint is the one shown above, masked the same way
        assertTrue(context.getEndpoints().contains(endpoint));
    }

    @Test
    void rawSecretsAreMasked() {
        Endpoint endpoint = context.getEndpoint("okki:company/list?clientSecret=RAW(" + RAW_SECRET
                + ")&grantType=password&username=" + USERNAME + "&password=RAW(" + RAW_SECRET + ")");

        assertNoSecret("endpoint.toString()", endpoint.toString());
        assertNoSecret("URISupport.sanitizeUri(endpoint.getEndpointUri())",
                URISupport.sanitizeUri(endpoint.getEndpointUri()));
        OkkiConfiguration conf = ((OkkiEndpoint) endpoint).getConfiguration();
        assertEquals(RAW_SECRET, conf.getClientSecret());
        assertEquals(RAW_SECRET, conf.getPassword());
    }

    @Test
    void componentSecretsNeverReachTheEndpointUri() {
        OkkiConfiguration conf = okkiComponent().getConfiguration();
        conf.setGrantType(GrantType.password);
        conf.setUsername(USERNAME);
        conf.setPassword(COMPONENT_PASSWORD);
        conf.setProxyUsername("proxy-user");
        conf.setProxyPassword(COMPONENT_PROXY_PASSWORD);

        OkkiEndpoint endpoint = (OkkiEndpoint) context.getEndpoint("okki:company/list");

        assertEquals(CLIENT_SECRET, endpoint.getConfiguration().getClientSecret());
        assertEquals(COMPONENT_PASSWORD, endpoint.getConfiguration().getPassword());
        assertNoSecret("endpoint.getEndpointUri()", endpoint.getEndpointUri());
        assertNoSecret("endpoint.getEndpointKey()", endpoint.getEndpointKey());
        assertNoSecret("endpoint.toString()", endpoint.toString());
        for (Endpoint e : context.getEndpoints()) {
            assertNoSecret("context.getEndpoints() entry", e.toString());
            assertNoSecret("context.getEndpoints() entry's URI", e.getEndpointUri());
        }
    }

    // --- toString()s ----------------------------------------------------------------------------------------------

    @Test
    void credentialsToString() {
        OkkiConfiguration conf = new OkkiConfiguration();
        conf.setClientId(CLIENT_ID);
        conf.setClientSecret(CLIENT_SECRET);
        conf.setGrantType(GrantType.password);
        conf.setUsername(USERNAME);
        conf.setPassword(PASSWORD);

        Credentials credentials = OkkiComponent.credentials(conf);

        assertEquals(PASSWORD_SHA256, credentials.passwordSha256());
        String text = credentials.toString();
        assertNoSecret("Credentials.toString()", text);
        assertTrue(text.contains(CLIENT_ID), text);
        assertTrue(text.contains("clientSecret=xxxxxx"), text);
        assertTrue(text.contains("password=xxxxxx"), text);
    }

    @Test
    void accessTokenToString() {
        AccessToken token = new AccessToken(TOKEN, REFRESH_TOKEN, Instant.parse("2026-11-25T10:00:00Z"),
                Instant.parse("2026-11-25T18:00:00Z"), Set.of("company"));

        assertNoSecret("AccessToken.toString()", token.toString());
        assertNoSecret("withdrawn AccessToken.toString()", token.withdrawn().toString());
        assertTrue(token.toString().contains("2026-11-25T18:00:00Z"), token.toString());
    }

    @Test
    void transportSettingsToString() {
        TransportSettings settings = new TransportSettings(Duration.ofSeconds(10), 20, "proxy.example.com", 3128,
                "proxy-user", PROXY_PASSWORD);

        String text = settings.toString();
        assertNoSecret("TransportSettings.toString()", text);
        assertTrue(text.contains("proxy.example.com:3128"), text);
        assertTrue(text.contains("proxyPassword=xxxxxx"), text);
    }

    @Test
    void requestAndResponseToString() {
        byte[] form = ("grant_type=password&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET
                + "&password=" + PASSWORD_SHA256).getBytes(StandardCharsets.UTF_8);
        HttpRequestSpec request = new HttpRequestSpec(HttpMethod.POST,
                URI.create("https://api.example.com/v1/oauth2/access_token?x=" + CLIENT_SECRET), "Bearer " + TOKEN,
                "application/x-www-form-urlencoded", form);
        HttpResponseData response = new HttpResponseData(200, "application/json", null,
                tokenAnswer(TOKEN, 28800).getBytes(StandardCharsets.UTF_8), 1);

        assertNoSecret("HttpRequestSpec.toString()", request.toString());
        assertNoSecret("HttpRequestSpec.describe()", request.describe());
        assertNoSecret("HttpResponseData.toString()", response.toString());
        assertEquals("POST /v1/oauth2/access_token", request.toString());
    }

    // --- exception messages ---------------------------------------------------------------------------------------

    @Test
    void invalidClientMessage() {
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).willReturn(invalidClient()));

        Exchange result = template.request(SECRET_URI, e -> { });

        OkkiAuthenticationException e = assertInstanceOf(OkkiAuthenticationException.class, result.getException());
        assertEquals("invalid_client", e.getError());
        assertEquals(401, e.getHttpStatus());
        assertTrue(e.getMessage().contains("Check clientId and clientSecret"), e.getMessage());
        assertNoSecretInThrowable(e);
        okki.verify(1, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH))
                .withRequestBody(containing("client_secret=" + URI_SECRET)));
    }

    @Test
    void invalidGrantMessage() {
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The user credentials were incorrect.\"}")));

        Exchange result = template.request(SECRET_URI, e -> { });

        OkkiAuthenticationException e = assertInstanceOf(OkkiAuthenticationException.class, result.getException());
        assertEquals("invalid_grant", e.getError());
        assertNoSecretInThrowable(e);
        // OKKI got the SHA-256 of the password, never the password itself
        okki.verify(1, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH))
                .withRequestBody(containing("password=" + PASSWORD_SHA256)));
        assertTrue(okki.findAll(postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH))).stream()
                .noneMatch(r -> r.getBodyAsString().contains(PASSWORD)));
    }

    @Test
    void cutOffTokenAnswerIsQuotedWithoutTheTokens() {
        // the connection dropped in the middle of the token answer: the error quotes the body, but not the tokens
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).willReturn(okJsonText("{\"token_type\":\"Bearer\","
                + "\"expires_in\":28800,\"access_token\":\"" + TOKEN + "\",\"refresh_token\":\"refresh-token-va")));

        Exchange result = template.request(SECRET_URI, e -> { });

        OkkiInvalidResponseException e = assertInstanceOf(OkkiInvalidResponseException.class, result.getException());
        assertTrue(e.getMessage().contains("{\"token_type\":\"Bearer\""), e.getMessage());
        assertTrue(e.getMessage().contains(ACCESS_TOKEN_PATH), e.getMessage());
        assertNoSecretInThrowable(e);
        assertNoSecret("getBodyStart()", e.getBodyStart());
        assertFalse(e.getMessage().contains("refresh-token-va"), e.getMessage());
    }

    @Test
    void tokenAnswerInAnArrayIsQuotedWithoutTheTokens() {
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).willReturn(okJsonText("[" + tokenAnswer(TOKEN, 28800) + "]")));

        Exchange result = template.request(SECRET_URI, e -> { });

        OkkiInvalidResponseException e = assertInstanceOf(OkkiInvalidResponseException.class, result.getException());
        assertTrue(e.getMessage().contains("it begins: [{"), e.getMessage());
        assertNoSecretInThrowable(e);
        assertNoSecret("getBodyStart()", e.getBodyStart());
    }

    @Test
    void apiErrorMessages() {
        stubToken();
        stub(post(urlPathEqualTo(REFRESH_TOKEN_PATH)).willReturn(okJsonText(refreshAnswer())));
        stub(get(urlPathEqualTo(INFO)).willReturn(aResponse().withStatus(401).withHeader("Content-Type",
                "application/json").withBody("{\"code\":401,\"message\":\"token expired\",\"now\":\"" + NOW + "\"}")));

        Exchange rejected = template.request(SECRET_URI, e -> { });

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, rejected.getException());
        assertEquals(401, e.getHttpStatus());
        assertNoSecretInThrowable(e);

        okki.resetAll();
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(okJsonText(errorEnvelope(500, "internal error"))));
        Exchange failed = template.request(SECRET_URI + "&maxRetries=0", x -> { });
        OkkiApiException e2 = assertInstanceOf(OkkiApiException.class, failed.getException());
        assertEquals(Integer.valueOf(500), e2.getCode());
        assertNoSecretInThrowable(e2);
    }

    // --- logs -----------------------------------------------------------------------------------------------------

    @Test
    void logsOfAFullRunShowNoSecret() throws Exception {
        // password grant with secrets in the URI: logs in, is rejected (401), refreshes, hits a 503, retries, succeeds
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).withRequestBody(containing("client_secret=" + URI_SECRET))
                .willReturn(okJsonText(tokenAnswer(TOKEN, 28800))));
        stub(post(urlPathEqualTo(REFRESH_TOKEN_PATH)).withRequestBody(containing("refresh_token=" + REFRESH_TOKEN))
                .willReturn(okJsonText(refreshAnswer())));
        infoAnswers(aResponse().withStatus(401), aResponse().withStatus(503),
                okJsonText(envelope(Map.of("company_id", 42, "name", "ACME"))),
                okJsonText(errorEnvelope(500, "internal error")));
        // the component's own secret is refused
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).withRequestBody(containing("client_secret=" + CLIENT_SECRET))
                .willReturn(invalidClient()));
        OkkiConfiguration conf = okkiComponent().getConfiguration();
        conf.setProxyUsername("proxy-user");
        conf.setProxyPassword(COMPONENT_PROXY_PASSWORD);

        List<String> lines;
        try (LogCapture capture = new LogCapture()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:run").routeId("run").to(SECRET_URI);
                    from("direct:refused").routeId("refused").to("okki:company/list");
                }
            });

            Exchange first = template.request("direct:run", e -> { });
            Exchange second = template.request("direct:run", e -> { });
            Exchange refused = template.request("direct:refused", e -> { });

            assertNull(first.getException(), () -> "the first call failed: " + first.getException());
            assertEquals("ACME", ((Map<?, ?>) first.getMessage().getBody()).get("name"));
            assertInstanceOf(OkkiApiException.class, second.getException());
            assertInstanceOf(OkkiAuthenticationException.class, refused.getException());
            assertNoSecretInThrowable(second.getException());
            assertNoSecretInThrowable(refused.getException());
            context.getRouteController().stopRoute("run");
            lines = capture.lines();
        }

        // the run went as planned
        okki.verify(2, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH)));
        okki.verify(1, postRequestedFor(urlPathEqualTo(REFRESH_TOKEN_PATH)));
        // the second call's envelope code 500 is a server error: sent 4 times in all (maxRetries 3)
        okki.verify(7, getRequestedFor(urlPathEqualTo(INFO)));
        okki.verify(1, getRequestedFor(urlPathEqualTo(INFO)).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + TOKEN)));
        okki.verify(6, getRequestedFor(urlPathEqualTo(INFO)).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + TOKEN2)));
        okki.verify(1, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH))
                .withRequestBody(containing("password=" + PASSWORD_SHA256)));

        // and its logs are worth checking: the component logged token handling, retries and the failures
        String all = String.join("\n", lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("Obtained an OKKI access token")), all);
        assertTrue(lines.stream().anyMatch(l -> l.contains("Refreshed the OKKI access token")), all);
        assertTrue(lines.stream().anyMatch(l -> l.contains("Retry 1 of 3")), all);
        assertTrue(lines.stream().anyMatch(l -> l.contains("Retry 3 of 3") && l.contains("envelope code 500")), all);
        assertTrue(lines.stream().anyMatch(l -> l.contains("internal error")), all);
        assertTrue(lines.stream().anyMatch(l -> l.contains("invalid_client")), all);
        for (String line : lines) {
            assertNoSecret("a log line", line);
        }
    }

    private static void infoAnswers(ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            var mapping = get(urlPathEqualTo(INFO)).inScenario("info")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer-" + i);
            if (i < answers.length - 1) {
                mapping = mapping.willSetStateTo("answer-" + (i + 1));
            }
            stub(mapping.willReturn(answers[i]));
        }
    }

    private static ResponseDefinitionBuilder invalidClient() {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\","
                        + "\"message\":\"Client authentication failed\"}");
    }

    private static String refreshAnswer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 28800);
        answer.put("access_token", TOKEN2);
        answer.put("refresh_token", REFRESH_TOKEN2);
        return json(answer);
    }

    /**
     * Every log event of every logger, formatted with its throwable, while open. Raises the root logger (and so
     * Camel's and HttpClient's loggers) and io.github.camelokki to DEBUG so nothing is filtered out before it could
     * be checked. Left out: WireMock's and Jetty's own lines, which belong to the test's stand-in server, and
     * HttpClient's wire and header dumps ({@code org.apache.hc.client5.http.wire} / {@code .headers}), whose very
     * purpose is to print every byte sent, Authorization header and form body included.
     */
    private static final class LogCapture implements AutoCloseable {

        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final LoggerContext loggerContext = (LoggerContext) LogManager.getContext(false);
        private final Configuration configuration = loggerContext.getConfiguration();
        private final Level rootLevel;
        private final Level okkiLevel;
        private final AbstractAppender appender;

        LogCapture() {
            appender = new AbstractAppender("secret-capture", null, null, true, Property.EMPTY_ARRAY) {
                @Override
                public void append(LogEvent event) {
                    String logger = String.valueOf(event.getLoggerName());
                    if (logger.startsWith("org.eclipse.jetty") || logger.startsWith("com.github.tomakehurst")
                            || logger.startsWith("WireMock") || logger.startsWith("wiremock")
                            || logger.equals("org.apache.hc.client5.http.wire")
                            || logger.equals("org.apache.hc.client5.http.headers")) {
                        return;
                    }
                    StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(logger)
                            .append(" - ").append(event.getMessage().getFormattedMessage());
                    if (event.getThrown() != null) {
                        StringWriter trace = new StringWriter();
                        event.getThrown().printStackTrace(new PrintWriter(trace));
                        line.append('\n').append(trace);
                    }
                    if (!event.getContextData().isEmpty()) {
                        line.append(" MDC ").append(event.getContextData());
                    }
                    lines.add(line.toString());
                }
            };
            appender.start();
            LoggerConfig root = configuration.getRootLogger();
            rootLevel = root.getLevel();
            LoggerConfig okki = configuration.getLoggerConfig("io.github.camelokki");
            okkiLevel = okki.getLevel();
            root.addAppender(appender, Level.ALL, null);
            root.setLevel(Level.DEBUG);
            okki.setLevel(Level.DEBUG);
            loggerContext.updateLoggers();
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        @Override
        public void close() {
            LoggerConfig root = configuration.getRootLogger();
            root.removeAppender(appender.getName());
            root.setLevel(rootLevel);
            configuration.getLoggerConfig("io.github.camelokki").setLevel(okkiLevel);
            loggerContext.updateLoggers();
            appender.stop();
        }
    }
}
