package io.github.camelokki.okki;

import io.github.camelokki.simulator.OkkiEventPusher;
import io.github.camelokki.simulator.junit.OkkiSimulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * okki:events in an application with no HTTP server for platform-http: the start fails saying what to add, and, with
 * register=true, before anything is registered with OKKI, which would then push to a URL nothing serves.
 */
class WebhookNoServerTest extends OkkiTestSupport {

    /** The simulator {@link WebhookStartOrderTest#register} aims at. */
    @RegisterExtension
    static final OkkiSimulatorExtension simulatorExtension = WebhookStartOrderTest.simulatorExtension;

    @BeforeAll
    static void simulator() {
        WebhookStartOrderTest.simulator();
    }

    private static void assertNamesTheServerToAdd(Throwable e) {
        assertTrue(e.getMessage().startsWith("okki:events is served through Camel's platform-http, but this application"
                + " has no HTTP server for it. Add one: camel-platform-http-main with camel.server.enabled=true (Camel"
                + " Main, port camel.server.port), camel-platform-http-starter (Spring Boot, on server.port), or"
                + " camel-quarkus-platform-http (Quarkus), or bind a PlatformHttpEngine yourself."), e.getMessage());
    }

    @Test
    void theErrorNamesTheDependencyToAdd() {
        assertNamesTheServerToAdd(startFailure(
                "okki:events?securityConfig=" + WebhookHttpTest.secret(OkkiEventPusher.newSecurityConfig())));
    }

    @Test
    void nothingIsRegisteredWithoutAServer() {
        assertNamesTheServerToAdd(startFailure(WebhookStartOrderTest.register("")));

        assertEquals(0, WebhookStartOrderTest.sim.webhook().writes());
        assertNull(WebhookStartOrderTest.sim.webhook().callbackUrl());
    }
}
