package io.github.camelokki.okki;

import java.util.Map;

import io.github.camelokki.simulator.OkkiEventPusher;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * okki:events in an application with no HTTP server for platform-http: the start fails saying what to add, and, with
 * register=true, before anything is registered with OKKI, which would then push to a URL nothing serves.
 */
class WebhookNoServerTest extends OkkiTestSupport {

    private static final String SECRET = OkkiEventPusher.newSecurityConfig();

    private static void assertNamesTheServerToAdd(Throwable e) {
        assertTrue(e.getMessage().startsWith("okki:events is served through Camel's platform-http, but this application"
                + " has no HTTP server for it. Add one: camel-platform-http-main with camel.server.enabled=true (Camel"
                + " Main, port camel.server.port), camel-platform-http-starter (Spring Boot, on server.port), or"
                + " camel-quarkus-platform-http (Quarkus), or bind a PlatformHttpEngine yourself."), e.getMessage());
    }

    @Test
    void theErrorNamesTheDependencyToAdd() {
        assertNamesTheServerToAdd(WebhookStartOrderTest.startFailure(context,
                "okki:events?securityConfig=" + WebhookHttpTest.secret(SECRET)));
    }

    @Test
    void nothingIsRegisteredWithoutAServer() {
        // OKKI would accept the registration: only the missing server may stop it
        stubToken();
        stub(get(urlPathEqualTo("/v1/webhook")).willReturn(okJsonText(errorEnvelope(404, "webhook not configured"))));
        stub(post(urlPathEqualTo("/v1/webhook")).willReturn(okJsonText(envelope(Map.of("security_config", SECRET)))));

        assertNamesTheServerToAdd(WebhookStartOrderTest.startFailure(context,
                "okki:events?register=true&callbackUrl=https://hooks.example.com/okki&subscriptions=crm.company"));
        WebhookStartOrderTest.assertNothingWrittenToOkki();
    }
}
