package io.github.camelokki.okki;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelokki.okki.api.GrantType;
import io.github.camelokki.okki.api.OkkiApiException;
import io.github.camelokki.okki.api.OkkiAuthenticationException;
import io.github.camelokki.okki.internal.auth.AccessToken;
import io.github.camelokki.okki.internal.auth.Credentials;
import io.github.camelokki.okki.internal.auth.TokenManager;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
 * How the component obtains, shares, renews and drops OKKI access tokens: one token request for any number of
 * concurrent first calls, the exact token request forms, scope widening, renewal before expiry (login or refresh),
 * renewal after a rejected token, token endpoint errors and sharing by credentials.
 * <p>
 * Time is a {@link MutableClock} handed to the component, so expiry is tested by moving the clock, not by sleeping.
 */
class TokenLifecycleTest extends OkkiTestSupport {

    private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
    private static final long EIGHT_HOURS = 28800;
    private static final String COMPANY_INFO = "/v1/company/info";
    /** How long the slow token endpoint of the concurrent first calls takes to answer a login. */
    private static final int LOGIN_MILLIS = 1_000;
    private static final String COMPANY_LIST = "/v1/company/list";
    private static final String ORDER_INFO = "/v1/invoices/order/info";
    private static final String ORDER_LIST = "/v1/invoices/order/list";
    private static final String USERNAME = "sales.rep@example.com";
    /** Spaces, a non-ASCII letter and form-encoding specials, so hashing and encoding are both exercised. */
    private static final String PASSWORD = "Plain pässword&=#1";
    private static final String OTHER_CLIENT_ID = "other-client-id";

    private final MutableClock clock = new MutableClock(T0);

    @Override
    protected void configure(OkkiComponent component) {
        component.setClock(clock);
    }

    // ------------------------------------------------------------------ one token for concurrent first calls

    @Test
    void sixteenConcurrentFirstCallsCauseOneTokenRequest() throws Exception {
        // A slow token endpoint keeps every thread waiting on the first login; a second login would get token-B.
        stubSequence(ACCESS_TOKEN_PATH,
                okJsonText(loginAnswer("token-A", null)).withFixedDelay(LOGIN_MILLIS),
                okJsonText(loginAnswer("token-B", null)).withFixedDelay(LOGIN_MILLIS));
        stubCompanyInfo();
        route("company", "okki:company/info?param.company_id=42");

        int threads = 16;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Exchange> results = new ArrayList<>();
        long began = System.nanoTime();
        try {
            List<Future<Exchange>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    return template.request("direct:company", e -> { });
                }));
            }
            for (Future<Exchange> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        for (Exchange result : results) {
            assertNull(result.getException(), () -> "a call failed: " + result.getException());
            assertEquals(42, ((Map<?, ?>) result.getMessage().getBody()).get("company_id"));
        }
        okki.verify(1, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH)));
        okki.verify(0, postRequestedFor(urlPathEqualTo(REFRESH_TOKEN_PATH)));
        assertEquals(List.of(clientCredentials("company")), forms(ACCESS_TOKEN_PATH));
        assertEquals(Collections.nCopies(threads, "Bearer token-A"), authorizations(COMPANY_INFO));
        assertEquals(1, onlyTokenManager().tokensIssued());
        // the slow login was really waited for, once: 16 serial logins would take 16 s, which leaves a busy machine
        // 15 s for the rest of the calls
        assertTrue(elapsedMs >= LOGIN_MILLIS && elapsedMs < threads * LOGIN_MILLIS, "elapsed " + elapsedMs + " ms");
    }

    // ------------------------------------------------------------------ the token request forms

    @Test
    void clientCredentialsLoginSendsExactlyTheClientAndTheScopesOfTheStartedEndpoints() throws Exception {
        stubToken("token-A", EIGHT_HOURS);
        stubCompanyInfo();
        stubOrderInfo();
        route("company", "okki:company/info?param.company_id=42");
        route("order", "okki:order/info?param.order_id=7");

        assertEquals(42, ((Map<?, ?>) callOk("company")).get("company_id"));
        assertEquals(7, ((Map<?, ?>) callOk("order")).get("order_id"));

        assertEquals(List.of(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "scope", "company invoices")), forms(ACCESS_TOKEN_PATH));
        okki.verify(0, postRequestedFor(urlPathEqualTo(REFRESH_TOKEN_PATH)));
        assertEquals(List.of("Bearer token-A"), authorizations(COMPANY_INFO));
        assertEquals(List.of("Bearer token-A"), authorizations(ORDER_INFO));
        AccessToken token = onlyTokenManager().currentToken();
        assertEquals(Set.of("company", "invoices"), token.scopes());
        assertEquals(T0, token.issuedAt());
        assertEquals(T0.plusSeconds(EIGHT_HOURS), token.expiresAt());
    }

    @Test
    void passwordLoginSendsTheUsernameAndTheSha256HexOfThePassword() throws Exception {
        // the helper the expectation is computed with is right: the FIPS 180-2 test vector for "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sha256Hex("abc"));
        usePasswordGrant();
        stubToken("token-A", EIGHT_HOURS);
        stubCompanyInfo();
        stubOrderInfo();
        route("company", "okki:company/info?param.company_id=42");
        route("order", "okki:order/info?param.order_id=7");

        callOk("company");
        callOk("order");

        String hash = sha256Hex(PASSWORD);
        assertEquals(List.of(Map.of("grant_type", "password", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
                "username", USERNAME, "password", hash, "scope", "company invoices")), forms(ACCESS_TOKEN_PATH));
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        String rawBody = okki.findAll(postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH))).get(0).getBodyAsString();
        assertFalse(rawBody.contains("Plain"), "the plain password was sent: " + rawBody);
        assertEquals(List.of("Bearer token-A"), authorizations(COMPANY_INFO));
        assertEquals(List.of("Bearer token-A"), authorizations(ORDER_INFO));
        assertEquals(REFRESH_TOKEN, onlyTokenManager().currentToken().refreshToken());
    }

    // ------------------------------------------------------------------ scopes

    @Test
    void anEndpointAddedLaterWithAnotherModuleWidensTheToken() throws Exception {
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).withFormParam("scope", equalTo("company"))
                .willReturn(okJsonText(loginAnswer("token-company", null))));
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).withFormParam("scope", equalTo("company invoices"))
                .willReturn(okJsonText(loginAnswer("token-wide", null))));
        stubCompanyInfo();
        stubOrderList();
        route("company", "okki:company/info?param.company_id=42");

        callOk("company");
        assertEquals(List.of(clientCredentials("company")), forms(ACCESS_TOKEN_PATH));

        route("order", "okki:order/list");
        okki.verify(1, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH)));

        assertEquals(List.of(Map.of("order_id", 7)), callOk("order"));
        assertEquals(List.of(clientCredentials("company"), clientCredentials("company invoices")),
                forms(ACCESS_TOKEN_PATH));
        assertEquals(List.of("Bearer token-wide"), authorizations(ORDER_LIST));

        // the wider token serves the company endpoint too
        callOk("company");
        assertEquals(List.of("Bearer token-company", "Bearer token-wide"), authorizations(COMPANY_INFO));
        okki.verify(2, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH)));
        assertEquals(Set.of("company", "invoices"), onlyTokenManager().currentToken().scopes());
    }

    @Test
    void passwordGrantWidensByLoggingInAgainNotByRefreshing() throws Exception {
        usePasswordGrant();
        stubSequence(ACCESS_TOKEN_PATH, okJsonText(loginAnswer("token-company", "refresh-1")),
                okJsonText(loginAnswer("token-wide", "refresh-2")));
        stub(post(urlPathEqualTo(REFRESH_TOKEN_PATH)).willReturn(okJsonText(loginAnswer("token-refreshed", "refresh-x"))));
        stubCompanyInfo();
        stubOrderList();
        route("company", "okki:company/info?param.company_id=42");
        callOk("company");

        route("order", "okki:order/list");
        callOk("order");

        assertEquals(List.of(passwordLogin("company"), passwordLogin("company invoices")), forms(ACCESS_TOKEN_PATH));
        okki.verify(0, postRequestedFor(urlPathEqualTo(REFRESH_TOKEN_PATH)));
        assertEquals(List.of("Bearer token-wide"), authorizations(ORDER_LIST));
    }

    @Test
    void aConfiguredScopeIsSentAsGivenAndNeverWidened() throws Exception {
        okkiComponent().getConfiguration().setScope("company");
        stubToken("token-fixed", EIGHT_HOURS);
        stubCompanyInfo();
        stubOrderList();
        route("company", "okki:company/info?param.company_id=42");
        callOk("company");

        route("order", "okki:order/list");
        callOk("order");
        callOk("company");

        assertEquals(List.of(clientCredentials("company")), forms(ACCESS_TOKEN_PATH));
        assertEquals(List.of("Bearer token-fixed"), authorizations(ORDER_LIST));
        assertEquals(List.of("Bearer token-fixed", "Bearer token-fixed"), authorizations(COMPANY_INFO));
        assertEquals(1, onlyTokenManager().tokensIssued());
    }

    // ------------------------------------------------------------------ renewal before expiry

    @Test
    void clientCredentialsLogsInAgainSixtySecondsBeforeExpiry() throws Exception {
        stubSequence(ACCESS_TOKEN_PATH, okJsonText(loginAnswer("token-A", null)),
                okJsonText(loginAnswer("token-B", null)));
        stubCompanyInfo();
        route("company", "okki:company/info?param.company_id=42");

        callOk("company");
        clock.set(T0.plusSeconds(EIGHT_HOURS - 61));
        callOk("company");
        okki.verify(1, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH)));

        clock.set(T0.plusSeconds(EIGHT_HOURS - 59));
        callOk("company");
        callOk("company");

        assertEquals(List.of(clientCredentials("company"), clientCredentials("company")), forms(ACCESS_TOKEN_PATH));
        okki.verify(0, postRequestedFor(urlPathEqualTo(REFRESH_TOKEN_PATH)));
        assertEquals(List.of("Bearer token-A", "Bearer token-A", "Bearer token-B", "Bearer token-B"),
                authorizations(COMPANY_INFO));
        AccessToken renewed = onlyTokenManager().currentToken();
        assertEquals(T0.plusSeconds(EIGHT_HOURS - 59), renewed.issuedAt());
        assertEquals(T0.plusSeconds(2 * EIGHT_HOURS - 59), renewed.expiresAt());
    }

    @Test
    void passwordGrantRefreshesWithThePreviousRefreshTokenInsteadOfLoggingIn() throws Exception {
        usePasswordGrant();
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).willReturn(okJsonText(loginAnswer("token-A", "refresh-1"))));
        stubSequence(REFRESH_TOKEN_PATH, okJsonText(loginAnswer("token-B", "refresh-2")),
                okJsonText(loginAnswer("token-C", "refresh-3")));
        stubCompanyInfo();
        route("company", "okki:company/info?param.company_id=42");

        callOk("company");
        clock.set(T0.plusSeconds(EIGHT_HOURS - 61));
        callOk("company");
        okki.verify(0, postRequestedFor(urlPathEqualTo(REFRESH_TOKEN_PATH)));

        clock.set(T0.plusSeconds(EIGHT_HOURS - 59));
        callOk("company");
        assertEquals(List.of(refreshForm("refresh-1")), forms(REFRESH_TOKEN_PATH));

        // the next renewal uses the refresh token that came with the refreshed token
        clock.set(T0.plusSeconds(2 * EIGHT_HOURS));
        callOk("company");

        assertEquals(List.of(refreshForm("refresh-1"), refreshForm("refresh-2")), forms(REFRESH_TOKEN_PATH));
        assertEquals(List.of(passwordLogin("company")), forms(ACCESS_TOKEN_PATH));
        assertEquals(List.of("Bearer token-A", "Bearer token-A", "Bearer token-B", "Bearer token-C"),
                authorizations(COMPANY_INFO));
        assertEquals("refresh-3", onlyTokenManager().currentToken().refreshToken());
        assertEquals(Set.of("company"), onlyTokenManager().currentToken().scopes());
    }

    @Test
    void aRefreshAnswerWithoutARefreshTokenKeepsThePreviousOne() throws Exception {
        // RFC 6749 section 6: the server MAY issue a new refresh token; when it does not, the old one stays valid
        usePasswordGrant();
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).willReturn(okJsonText(loginAnswer("token-A", "refresh-1"))));
        stubSequence(REFRESH_TOKEN_PATH, okJsonText(loginAnswer("token-B", null)),
                okJsonText(loginAnswer("token-C", null)));
        stubCompanyInfo();
        route("company", "okki:company/info?param.company_id=42");

        callOk("company");
        clock.set(T0.plusSeconds(EIGHT_HOURS - 59));
        callOk("company");
        assertEquals("refresh-1", onlyTokenManager().currentToken().refreshToken());
        clock.set(T0.plusSeconds(2 * EIGHT_HOURS));
        callOk("company");

        assertEquals(List.of(refreshForm("refresh-1"), refreshForm("refresh-1")), forms(REFRESH_TOKEN_PATH));
        assertEquals(List.of(passwordLogin("company")), forms(ACCESS_TOKEN_PATH));
        assertEquals(List.of("Bearer token-A", "Bearer token-B", "Bearer token-C"), authorizations(COMPANY_INFO));
    }

    @Test
    void aRefusedRefreshFallsBackToAFreshLogin() throws Exception {
        usePasswordGrant();
        stubSequence(ACCESS_TOKEN_PATH, okJsonText(loginAnswer("token-A", "refresh-1")),
                okJsonText(loginAnswer("token-C", "refresh-3")));
        stub(post(urlPathEqualTo(REFRESH_TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(json(Map.of("error", "invalid_request", "error_description", "The refresh token is invalid.",
                        "hint", "Token has been revoked", "message", "The refresh token is invalid.")))));
        stubCompanyInfo();
        route("company", "okki:company/info?param.company_id=42");

        callOk("company");
        clock.set(T0.plusSeconds(EIGHT_HOURS - 59));
        assertEquals(42, ((Map<?, ?>) callOk("company")).get("company_id"));

        assertEquals(List.of(refreshForm("refresh-1")), forms(REFRESH_TOKEN_PATH));
        assertEquals(List.of(passwordLogin("company"), passwordLogin("company")), forms(ACCESS_TOKEN_PATH));
        assertEquals(List.of("Bearer token-A", "Bearer token-C"), authorizations(COMPANY_INFO));
        assertEquals("refresh-3", onlyTokenManager().currentToken().refreshToken());
    }

    @Test
    void withoutExpiresInAnOpaqueTokenLivesForTheConfiguredTokenLifetime() throws Exception {
        okkiComponent().getConfiguration().setTokenLifetime(Duration.ofHours(1).toMillis());
        stubSequence(ACCESS_TOKEN_PATH, okJsonText(bareAnswer("opaque-token-1")),
                okJsonText(bareAnswer("opaque-token-2")));
        stubCompanyInfo();
        route("company", "okki:company/info?param.company_id=42");

        callOk("company");
        AccessToken first = onlyTokenManager().currentToken();
        assertEquals(T0.plus(Duration.ofHours(1)), first.expiresAt());
        assertNull(first.refreshToken());

        clock.set(T0.plusSeconds(3600 - 61));
        callOk("company");
        okki.verify(1, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH)));

        clock.set(T0.plusSeconds(3600 - 59));
        callOk("company");

        assertEquals(List.of(clientCredentials("company"), clientCredentials("company")), forms(ACCESS_TOKEN_PATH));
        assertEquals(List.of("Bearer opaque-token-1", "Bearer opaque-token-1", "Bearer opaque-token-2"),
                authorizations(COMPANY_INFO));
        assertEquals(T0.plusSeconds(2 * 3600 - 59), onlyTokenManager().currentToken().expiresAt());
    }

    @Test
    void withoutExpiresInAJwtLivesUntilItsExpClaim() throws Exception {
        okkiComponent().getConfiguration().setTokenLifetime(Duration.ofHours(1).toMillis());
        Instant exp = T0.plus(Duration.ofHours(2));
        String jwt1 = jwt("HS256", exp.getEpochSecond(), "c2lnbmF0dXJl");
        String jwt2 = jwt("HS256", exp.plus(Duration.ofHours(2)).getEpochSecond(), "c2lnbmF0dXJl");
        stubSequence(ACCESS_TOKEN_PATH, okJsonText(bareAnswer(jwt1)), okJsonText(bareAnswer(jwt2)));
        stubCompanyInfo();
        route("company", "okki:company/info?param.company_id=42");

        callOk("company");
        assertEquals(exp, onlyTokenManager().currentToken().expiresAt());

        // past the configured lifetime, but the JWT says it is still good
        clock.set(T0.plus(Duration.ofMinutes(65)));
        callOk("company");
        clock.set(exp.minusSeconds(61));
        callOk("company");
        okki.verify(1, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH)));

        clock.set(exp.minusSeconds(59));
        callOk("company");

        assertEquals(List.of(clientCredentials("company"), clientCredentials("company")), forms(ACCESS_TOKEN_PATH));
        assertEquals(List.of("Bearer " + jwt1, "Bearer " + jwt1, "Bearer " + jwt1, "Bearer " + jwt2),
                authorizations(COMPANY_INFO));
        assertEquals(exp.plus(Duration.ofHours(2)), onlyTokenManager().currentToken().expiresAt());
    }

    @Test
    void anUnsecuredJwtWithAnEmptySignatureIsStillReadForExp() throws Exception {
        // RFC 7519 section 6.1: an unsecured JWT ends with a dot, its signature part being empty
        Instant exp = T0.plus(Duration.ofMinutes(90));
        String jwt = jwt("none", exp.getEpochSecond(), "");
        assertTrue(jwt.endsWith("."), jwt);
        okki.stubFor(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).willReturn(okJsonText(bareAnswer(jwt))));
        stubCompanyInfo();
        route("company", "okki:company/info?param.company_id=42");

        callOk("company");

        assertEquals(exp, onlyTokenManager().currentToken().expiresAt());
        assertEquals(List.of("Bearer " + jwt), authorizations(COMPANY_INFO));
    }

    // ------------------------------------------------------------------ a rejected token

    /** The ways OKKI, or a gateway before it, says a token is no longer accepted. */
    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of(Named.of("HTTP 401 with OKKI's JSON", accessDenied())),
                Arguments.of(Named.of("HTTP 401 with an empty body", aResponse().withStatus(401))),
                Arguments.of(Named.of("HTTP 401 with a gateway's HTML page", aResponse().withStatus(401).withHeader("Content-Type", "text/html") .withBody("<html><body><h1>401 Authorization Required</h1></body></html>"))),
                Arguments.of(Named.of("HTTP 200 with envelope code 401", okJsonText(errorEnvelope(401, "access_token invalid")))));
    }

    @ParameterizedTest
    @MethodSource("rejections")
    void aRejectedTokenIsRenewedOnceAndTheCallRetried(ResponseDefinitionBuilder rejection) throws Exception {
        stubSequence(ACCESS_TOKEN_PATH, okJsonText(loginAnswer("token-A", null)),
                okJsonText(loginAnswer("token-B", null)));
        stub(get(urlPathEqualTo(COMPANY_INFO)).withHeader("Authorization", equalTo("Bearer token-A"))
                .willReturn(rejection));
        stub(get(urlPathEqualTo(COMPANY_INFO)).withHeader("Authorization", equalTo("Bearer token-B"))
                .willReturn(okJsonText(envelope(Map.of("company_id", 42)))));
        route("company", "okki:company/info?param.company_id=42");

        assertEquals(42, ((Map<?, ?>) callOk("company")).get("company_id"));

        assertEquals(List.of(clientCredentials("company"), clientCredentials("company")), forms(ACCESS_TOKEN_PATH));
        assertEquals(List.of("Bearer token-A", "Bearer token-B"), authorizations(COMPANY_INFO));
        okki.verify(2, getRequestedFor(urlPathEqualTo(COMPANY_INFO)).withQueryParam("company_id", equalTo("42")));
        assertEquals("token-B", onlyTokenManager().currentToken().value());
    }



    @Test
    void aSecondConsecutiveHttp401FailsTheExchangeAfterTwoTokensAndTwoCalls() throws Exception {
        stubSequence(ACCESS_TOKEN_PATH, okJsonText(loginAnswer("token-A", null)),
                okJsonText(loginAnswer("token-B", null)), okJsonText(loginAnswer("token-C", null)));
        stub(get(urlPathEqualTo(COMPANY_INFO)).willReturn(accessDenied()));
        route("company", "okki:company/info?param.company_id=42");

        OkkiApiException e = callFails("company", OkkiApiException.class);

        assertEquals(401, e.getHttpStatus());
        assertEquals("company/info", e.getOperation());
        assertEquals(List.of(clientCredentials("company"), clientCredentials("company")), forms(ACCESS_TOKEN_PATH));
        assertEquals(List.of("Bearer token-A", "Bearer token-B"), authorizations(COMPANY_INFO));
        okki.verify(0, postRequestedFor(urlPathEqualTo(REFRESH_TOKEN_PATH)));
    }


    @Test
    void aSecondConsecutiveEnvelopeWithCode401FailsTheExchangeAfterTwoTokensAndTwoCalls() throws Exception {
        stubSequence(ACCESS_TOKEN_PATH, okJsonText(loginAnswer("token-A", null)),
                okJsonText(loginAnswer("token-B", null)), okJsonText(loginAnswer("token-C", null)));
        stub(get(urlPathEqualTo(COMPANY_INFO)).willReturn(okJsonText(errorEnvelope(401, "access_token invalid"))));
        route("company", "okki:company/info?param.company_id=42");

        OkkiApiException e = callFails("company", OkkiApiException.class);

        assertEquals(200, e.getHttpStatus());
        assertEquals(401, e.getCode());
        assertEquals("access_token invalid", e.getProviderMessage());
        assertEquals(NOW, e.getServerTime());
        assertEquals(List.of(clientCredentials("company"), clientCredentials("company")), forms(ACCESS_TOKEN_PATH));
        assertEquals(List.of("Bearer token-A", "Bearer token-B"), authorizations(COMPANY_INFO));
    }

    @Test
    void passwordGrantRenewsARejectedTokenByRefreshing() throws Exception {
        usePasswordGrant();
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).willReturn(okJsonText(loginAnswer("token-A", "refresh-1"))));
        stub(post(urlPathEqualTo(REFRESH_TOKEN_PATH)).willReturn(okJsonText(loginAnswer("token-B", "refresh-2"))));
        stub(get(urlPathEqualTo(COMPANY_INFO)).withHeader("Authorization", equalTo("Bearer token-A"))
                .willReturn(accessDenied()));
        stub(get(urlPathEqualTo(COMPANY_INFO)).withHeader("Authorization", equalTo("Bearer token-B"))
                .willReturn(okJsonText(envelope(Map.of("company_id", 42)))));
        route("company", "okki:company/info?param.company_id=42");

        assertEquals(42, ((Map<?, ?>) callOk("company")).get("company_id"));

        assertEquals(List.of(passwordLogin("company")), forms(ACCESS_TOKEN_PATH));
        assertEquals(List.of(refreshForm("refresh-1")), forms(REFRESH_TOKEN_PATH));
        assertEquals(List.of("Bearer token-A", "Bearer token-B"), authorizations(COMPANY_INFO));
    }

    // ------------------------------------------------------------------ token endpoint errors

    @Test
    void invalidClientFailsTheExchangeWithoutShowingTheSecret() throws Exception {
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(json(Map.of("error", "invalid_client", "error_description", "Client authentication failed",
                        "message", "Client authentication failed")))));
        stubCompanyInfo();
        route("company", "okki:company/info?param.company_id=42");

        OkkiAuthenticationException e = callFails("company", OkkiAuthenticationException.class);

        assertEquals("invalid_client", e.getError());
        assertEquals(401, e.getHttpStatus());
        assertEquals("Client authentication failed", e.getErrorDescription());
        assertNull(e.getHint());
        assertTrue(e.getMessage().contains("Client authentication failed"), e.getMessage());
        assertFalse(e.getMessage().contains(CLIENT_SECRET), e.getMessage());
        assertFalse(String.valueOf(e).contains(CLIENT_SECRET));
        assertEquals(List.of(clientCredentials("company")), forms(ACCESS_TOKEN_PATH));
        okki.verify(0, getRequestedFor(urlPathEqualTo(COMPANY_INFO)));
        assertNull(onlyTokenManager().currentToken());
    }

    @Test
    void invalidGrantCarriesOkkisHint() throws Exception {
        usePasswordGrant();
        String hint = "Check the username and password";
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(json(Map.of("error", "invalid_grant", "error_description",
                        "The user credentials were incorrect.", "hint", hint,
                        "message", "The user credentials were incorrect.")))));
        stubCompanyInfo();
        route("company", "okki:company/info?param.company_id=42");

        OkkiAuthenticationException e = callFails("company", OkkiAuthenticationException.class);

        assertEquals("invalid_grant", e.getError());
        assertEquals(hint, e.getHint());
        assertEquals(400, e.getHttpStatus());
        assertEquals("The user credentials were incorrect.", e.getErrorDescription());
        assertTrue(e.getMessage().contains("The user credentials were incorrect."), e.getMessage());
        assertTrue(e.getMessage().contains(hint), e.getMessage());
        for (String secret : List.of(CLIENT_SECRET, PASSWORD, sha256Hex(PASSWORD))) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
        assertEquals(List.of(passwordLogin("company")), forms(ACCESS_TOKEN_PATH));
        okki.verify(0, getRequestedFor(urlPathEqualTo(COMPANY_INFO)));
    }

    // ------------------------------------------------------------------ sharing by credentials

    @Test
    void endpointsWithEqualCredentialsShareOneTokenAndAnotherClientIdGetsItsOwn() throws Exception {
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).withFormParam("client_id", equalTo(CLIENT_ID))
                .willReturn(okJsonText(loginAnswer("token-main", null))));
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).withFormParam("client_id", equalTo(OTHER_CLIENT_ID))
                .willReturn(okJsonText(loginAnswer("token-other", null))));
        stubCompanyInfo();
        stubCompanyList();
        route("info", "okki:company/info?param.company_id=42");
        route("list", "okki:company/list");
        route("other", "okki:company/info?param.company_id=42&clientId=" + OTHER_CLIENT_ID);

        callOk("info");
        callOk("list");
        callOk("info");
        callOk("list");
        okki.verify(1, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH)));

        callOk("other");
        callOk("other");

        assertEquals(List.of(clientCredentials("company"), Map.of("grant_type", "client_credentials",
                "client_id", OTHER_CLIENT_ID, "client_secret", CLIENT_SECRET, "scope", "company")),
                forms(ACCESS_TOKEN_PATH));
        assertEquals(List.of("Bearer token-main", "Bearer token-main"), authorizations(COMPANY_LIST));
        assertEquals(List.of("Bearer token-main", "Bearer token-main", "Bearer token-other", "Bearer token-other"),
                authorizations(COMPANY_INFO));
        Map<Credentials, TokenManager> managers = okkiComponent().getTokenManagers();
        assertEquals(2, managers.size());
        Map<String, String> tokenByClient = new LinkedHashMap<>();
        managers.forEach((credentials, manager) -> {
            tokenByClient.put(credentials.clientId(), manager.currentToken().value());
            assertEquals(1, manager.tokensIssued());
        });
        assertEquals(Map.of(CLIENT_ID, "token-main", OTHER_CLIENT_ID, "token-other"), tokenByClient);
    }

    // ------------------------------------------------------------------ helpers

    private void usePasswordGrant() {
        OkkiConfiguration conf = okkiComponent().getConfiguration();
        conf.setGrantType(GrantType.password);
        conf.setUsername(USERNAME);
        conf.setPassword(PASSWORD);
    }

    /** Adds a route direct:name -> the okki URI to the running context, which starts its endpoint. */
    private void route(String name, String okkiUri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + name).routeId(name).to(okkiUri);
            }
        });
    }

    private Object callOk(String name) {
        Exchange result = template.request("direct:" + name, e -> { });
        assertNull(result.getException(), () -> "direct:" + name + " failed: " + result.getException());
        return result.getMessage().getBody();
    }

    private <T extends Throwable> T callFails(String name, Class<T> type) {
        Exchange result = template.request("direct:" + name, e -> { });
        return assertInstanceOf(type, result.getException());
    }

    private TokenManager onlyTokenManager() {
        Map<Credentials, TokenManager> managers = okkiComponent().getTokenManagers();
        assertEquals(1, managers.size(), managers::toString);
        return managers.values().iterator().next();
    }

    private static void stubCompanyInfo() {
        stub(get(urlPathEqualTo(COMPANY_INFO)).willReturn(okJsonText(envelope(Map.of("company_id", 42, "name", "ACME")))));
    }

    private static void stubCompanyList() {
        stub(get(urlPathEqualTo(COMPANY_LIST)).willReturn(okJsonText(envelope(
                Map.of("list", List.of(Map.of("company_id", 42)), "totalItem", 1, "count", 1)))));
    }

    private static void stubOrderInfo() {
        stub(get(urlPathEqualTo(ORDER_INFO)).willReturn(okJsonText(envelope(Map.of("order_id", 7)))));
    }

    private static void stubOrderList() {
        stub(get(urlPathEqualTo(ORDER_LIST)).willReturn(okJsonText(envelope(
                Map.of("list", List.of(Map.of("order_id", 7)), "count", 1)))));
    }

    /** The answers in turn, one per request; the last one repeats. */
    private static void stubSequence(String path, ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder mapping = post(urlPathEqualTo(path)).inScenario("answers to " + path)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i);
            if (i < answers.length - 1) {
                mapping = mapping.willSetStateTo("answer " + (i + 1));
            }
            okki.stubFor(mapping.willReturn(answers[i]));
        }
    }

    /** OKKI's token answer, valid for 8 hours; the refresh token is left out when null. */
    private static String loginAnswer(String token, String refreshToken) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token_type", "Bearer");
        answer.put("expires_in", EIGHT_HOURS);
        answer.put("access_token", token);
        if (refreshToken != null) {
            answer.put("refresh_token", refreshToken);
        }
        return json(answer);
    }

    /** A client_credentials answer as documented: neither expires_in nor refresh_token. */
    private static String bareAnswer(String token) {
        return json(Map.of("token_type", "Bearer", "access_token", token));
    }

    /** What OKKI (an OAuth2 resource server) answers to a token it no longer accepts. */
    private static ResponseDefinitionBuilder accessDenied() {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(json(Map.of("error", "access_denied",
                        "error_description", "The resource owner or authorization server denied the request.",
                        "hint", "Access token could not be verified",
                        "message", "The resource owner or authorization server denied the request.")));
    }

    /** An unverified JWT: base64url header and payload (with exp), and the given signature part. */
    private static String jwt(String alg, long exp, String signature) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"typ\":\"JWT\",\"alg\":\"" + alg + "\"}";
        String payload = "{\"aud\":\"" + CLIENT_ID + "\",\"jti\":\"abc123\",\"iat\":" + T0.getEpochSecond()
                + ",\"nbf\":" + T0.getEpochSecond() + ",\"exp\":" + exp + ",\"sub\":\"\",\"scopes\":[\"company\"]}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    private static Map<String, String> clientCredentials(String scope) {
        return Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
                "scope", scope);
    }

    private static Map<String, String> passwordLogin(String scope) {
        return Map.of("grant_type", "password", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
                "username", USERNAME, "password", sha256Hex(PASSWORD), "scope", scope);
    }

    private static Map<String, String> refreshForm(String refreshToken) {
        return Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET);
    }

    /** Lowercase hex SHA-256 of the UTF-8 text, computed independently of the component. */
    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The form bodies POSTed to the path, oldest first, each checked to be form-encoded with no repeated field. */
    private static List<Map<String, String>> forms(String path) {
        return okki.findAll(postRequestedFor(urlPathEqualTo(path))).stream().map(TokenLifecycleTest::form).toList();
    }

    private static Map<String, String> form(LoggedRequest request) {
        String contentType = request.getHeader("Content-Type");
        assertTrue(contentType != null && contentType.startsWith("application/x-www-form-urlencoded"), contentType);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            assertTrue(eq > 0, () -> "not a form field: " + pair);
            String previous = fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            assertNull(previous, () -> "field sent twice in " + request.getBodyAsString());
        }
        return fields;
    }

    /** The Authorization headers of the GETs to the path, oldest first. */
    private static List<String> authorizations(String path) {
        return okki.findAll(getRequestedFor(urlPathEqualTo(path))).stream()
                .map(r -> r.getHeader("Authorization")).toList();
    }
}
