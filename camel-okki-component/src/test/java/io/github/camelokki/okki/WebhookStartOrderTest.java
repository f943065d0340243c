package io.github.camelokki.okki;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * okki:events checks everything it can locally before it registers anything with OKKI: a start that fails leaves
 * OKKI's webhook and subscriptions as they were.
 */
class WebhookStartOrderTest extends WebhookHttpTest {

    private static final String CALLBACK = "https://crm-hooks.example.com/okki/events";
    private static final String REGISTER = "okki:events?register=true&callbackUrl=" + CALLBACK
            + "&subscriptions=crm.company";

    static Throwable startFailure(org.apache.camel.CamelContext context, String uri) {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("events").to("mock:events");
            }
        }));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private Throwable startFailure(String uri) {
        return startFailure(context, uri);
    }

    static void assertNothingWrittenToOkki() {
        okki.verify(0, postRequestedFor(urlPathMatching("/v1/(webhook|subscribe).*")));
        okki.verify(0, putRequestedFor(urlPathMatching("/v1/(webhook|subscribe).*")));
    }

    @Test
    void anInvalidSecretFailsBeforeOkkiIsCalled() {
        Throwable e = startFailure(REGISTER + "&securityConfig=not-a-security-config");

        assertEquals("securityConfig is not base64: give the security_config string exactly as OKKI returned it from"
                + " webhook/create", e.getMessage());
        okki.verify(0, anyRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void anExistingWebhookWithoutAConfiguredSecretChangesNothing() {
        stubToken();
        stub(get(urlPathEqualTo("/v1/webhook")).willReturn(okJsonText(envelope(
                Map.of("callback_url", "https://old-host.example.com/okki")))));

        Throwable e = startFailure(REGISTER);

        assertEquals("okki:events with register=true: OKKI already has a webhook (https://old-host.example.com/okki) and"
                + " hands out its security_config only when one is created; set securityConfig to it (or to the one"
                + " webhook/regenerateSecret returns). Nothing was changed in OKKI.", e.getMessage());
        okki.verify(1, getRequestedFor(urlPathEqualTo("/v1/webhook")));
        assertNothingWrittenToOkki();
    }
}
