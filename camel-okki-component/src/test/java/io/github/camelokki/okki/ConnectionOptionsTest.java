package io.github.camelokki.okki;

import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.camelokki.okki.api.OkkiConnectionException;
import org.apache.camel.CamelExecutionException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionOptionsTest extends OkkiTestSupport {

    /** A forward proxy standing between the component and the OKKI stand-in. */
    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().enableBrowserProxying(true))
            .build();

    @BeforeEach
    void stubs() {
        stubToken();
        stub(get(urlPathEqualTo("/v1/user/list")).willReturn(okJsonText(envelope(java.util.List.of(Map.of("user_id", 1))))));
    }

    @Test
    void requestsGoThroughTheConfiguredProxy() {
        template.requestBody("okki:user/list?proxyHost=localhost&proxyPort=" + proxy.getPort(), (Object) null);

        proxy.verify(getRequestedFor(urlPathEqualTo("/v1/user/list")));
        okki.verify(getRequestedFor(urlPathEqualTo("/v1/user/list")));
    }

    @Test
    void endpointsShareOnePoolUnlessConnectionOptionsDiffer() {
        template.requestBody("okki:user/list", (Object) null);
        template.requestBody("okki:user/list?responseTimeout=5s&param.enable_flag=1", (Object) null);
        assertEquals(1, okkiComponent().pooledClientCount());

        template.requestBody("okki:user/list?connectTimeout=3s", (Object) null);
        assertEquals(2, okkiComponent().pooledClientCount());
    }

    @Test
    void responseTimeoutEndsASlowCall() {
        stub(get(urlPathEqualTo("/v1/user/info")).willReturn(okJsonText(envelope(Map.of())).withFixedDelay(1500)));

        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(
                "okki:user/info?responseTimeout=200ms&maxRetries=0", (Object) null));

        OkkiConnectionException cause = assertInstanceOf(OkkiConnectionException.class, e.getCause());
        assertTrue(cause.getMessage().startsWith("GET /v1/user/info failed: "), cause.getMessage());
        assertTrue(cause.getMessage().contains("Read timed out"), cause.getMessage());
    }

    @Test
    void endpointReportsItsServiceLocationWithoutSecrets() {
        OkkiEndpoint endpoint = context.getEndpoint("okki:user/list", OkkiEndpoint.class);

        assertEquals(okki.baseUrl(), endpoint.getServiceUrl());
        assertEquals("http", endpoint.getServiceProtocol());
        assertEquals(Map.of("clientId", CLIENT_ID), endpoint.getServiceMetadata());
    }

    @Test
    void usersOwnHttpClientIsUsed() throws Exception {
        try (CloseableHttpClient own = HttpClients.custom()
                .addRequestInterceptorFirst((request, entity, ctx) -> request.addHeader("X-Company-Proxy", "yes"))
                .build()) {
            context.getRegistry().bind("ownClient", own);

            template.requestBody("okki:user/list?httpClient=#ownClient", (Object) null);

            okki.verify(getRequestedFor(urlPathEqualTo("/v1/user/list")).withHeader("X-Company-Proxy", equalTo("yes")));
        }
    }
}
