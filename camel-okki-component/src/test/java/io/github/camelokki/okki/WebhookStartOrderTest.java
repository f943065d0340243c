package io.github.camelokki.okki;

import java.util.List;
import java.util.Map;

import io.github.camelokki.simulator.OkkiEventPusher;
import io.github.camelokki.simulator.OkkiSimulator;
import io.github.camelokki.simulator.junit.OkkiSimulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * okki:events checks everything it can locally before it registers anything with OKKI: a start that fails leaves
 * OKKI's webhook and subscriptions, as the simulator keeps them, as they were.
 */
class WebhookStartOrderTest extends WebhookHttpTest {

    private static final String CALLBACK = "https://crm-hooks.example.com/okki/events";

    @RegisterExtension
    static final OkkiSimulatorExtension simulatorExtension = new OkkiSimulatorExtension();

    static OkkiSimulator sim;

    @BeforeAll
    static void simulator() {
        sim = simulatorExtension.simulator();
    }

    /** okki:events registering with the simulator as OKKI. */
    static String register(String options) {
        return "okki:events?register=true&callbackUrl=" + CALLBACK + "&subscriptions=crm.company&baseUrl="
                + sim.baseUrl() + "&clientId=sim-client&clientSecret=sim-secret" + options;
    }

    @Test
    void anInvalidSecretFailsBeforeOkkiIsCalled() {
        Throwable e = startFailure(register("&securityConfig=not-a-security-config"));

        assertEquals("securityConfig is not base64: give the security_config string exactly as OKKI returned it from"
                + " webhook/create", e.getMessage());
        assertEquals(0, sim.requestCount());
        assertEquals(0, sim.tokenRequests());
    }

    @Test
    void anExistingWebhookWithoutAConfiguredSecretChangesNothing() {
        String secret = sim.webhook().configure("https://old-host.example.com/okki");

        Throwable e = startFailure(register(""));

        assertEquals("okki:events with register=true: OKKI already has a webhook (https://old-host.example.com/okki) and"
                + " hands out its security_config only when one is created; set securityConfig to it (or to the one"
                + " webhook/regenerateSecret returns). Nothing was changed in OKKI.", e.getMessage());
        assertEquals(1, sim.requestCount("/v1/webhook"));
        assertEquals(0, sim.webhook().writes());
        assertEquals("https://old-host.example.com/okki", sim.webhook().callbackUrl());
        assertEquals(secret, sim.webhook().securityConfig());
        assertEquals(0, sim.webhook().subscriptions().size());
        // what the failed start began is ended: the HTTP route and the in-memory repository of processed events
        OkkiWebhookConsumer refused = (OkkiWebhookConsumer) context.getRoute("refused").getConsumer();
        assertTrue(((ServiceSupport) refused.idempotentRepository()).isStopped(), "the repository still runs");
        assertEquals(404, pusher.push(url(), "after-failed-start", List.of(OkkiEventPusher.event(
                "xiaoman.crm.company.update", Map.of("company_id", 1)))).status(), "the HTTP route is still served");
    }

    @Test
    void aFirstRegistrationCreatesTheWebhookAndSubscribes() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(register("")).routeId("events").to("mock:events");
            }
        });

        assertEquals(CALLBACK, sim.webhook().callbackUrl());
        assertEquals(List.of("xiaoman.crm.company.create", "xiaoman.crm.company.update",
                "xiaoman.crm.company.delete"), sim.webhook().subscriptions().get("crm.company"));
        assertNull(sim.webhook().subscriptions().get("crm.order"));
    }
}
