package io.github.camelokki.okki;

import java.util.Map;
import java.util.Optional;

import io.github.camelokki.okki.api.OkkiAuthenticationException;
import io.github.camelokki.okki.internal.health.OkkiConsumerHealthCheck;
import io.github.camelokki.okki.internal.health.OkkiTokenHealthCheck;
import io.github.camelokki.okki.internal.sync.ServerTime;
import io.github.camelokki.simulator.Fault;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The okki-tokens readiness check and the per-consumer check, against the simulator, found the way Camel finds them.
 */
class HealthCheckTest extends SimulatorTestSupport {

    private static final String WRONG_SECRET = "wrong-secret-5e6f7a";

    private OkkiComponent okkiComponent() {
        return context.getComponent("okki", OkkiComponent.class);
    }

    private void producerRoute() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("okki:company/list");
            }
        });
    }

    /** The token check as the component registered it (loading checks from the classpath adds no second one). */
    private HealthCheck tokenCheck() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        assertNotNull(registry, "camel-health registry");
        registry.loadHealthChecks();
        Optional<HealthCheck> check = registry.getCheck(OkkiTokenHealthCheck.ID);
        assertTrue(check.isPresent(), "the okki component registers okki-tokens when it starts");
        return assertInstanceOf(OkkiTokenHealthCheck.class, check.get());
    }

    private static HealthCheck.Result readiness(HealthCheck check) {
        return check.call(Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS));
    }

    private static String everything(HealthCheck.Result result) {
        return result.getMessage().orElse("") + " " + result.getDetails() + " "
                + result.getError().map(Throwable::toString).orElse("");
    }

    @Test
    void componentRegistersTheTokenCheckWithoutClasspathScanning() throws Exception {
        producerRoute();
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        assertInstanceOf(OkkiTokenHealthCheck.class, registry.getCheck(OkkiTokenHealthCheck.ID).orElseThrow());
        registry.loadHealthChecks();
        assertEquals(1, registry.stream().filter(c -> c.getId().equals(OkkiTokenHealthCheck.ID)).count());
    }

    @Test
    void eachComponentHasItsOwnCheckOverItsOwnCredentialsWhileItRuns() throws Exception {
        OkkiComponent second = component();
        second.getConfiguration().setClientSecret(WRONG_SECRET);
        context.addComponent("okki-eu", second);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("okki:company/list");
                from("direct:eu").to("okki-eu:company/list");
            }
        });
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        HealthCheck first = registry.getCheck(OkkiTokenHealthCheck.ID).orElseThrow();
        HealthCheck eu = registry.getCheck(OkkiTokenHealthCheck.ID + "-2").orElseThrow();
        assertEquals(HealthCheck.State.UP, readiness(first).getState(), everything(readiness(first)));
        HealthCheck.Result down = readiness(eu);
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertEquals("invalid_client", down.getDetails().get("okki.0.error"));

        second.stop();
        assertTrue(registry.getCheck(OkkiTokenHealthCheck.ID + "-2").isEmpty(), "a stopped component's check is gone");
        assertTrue(registry.getCheck(OkkiTokenHealthCheck.ID).isPresent());
    }

    @Test
    void tokenCheckIsUpWhenATokenCanBeObtainedAndReusesIt() throws Exception {
        producerRoute();
        HealthCheck check = tokenCheck();
        assertTrue(check.isReadiness());
        assertFalse(check.isLiveness());

        HealthCheck.Result result = readiness(check);
        assertEquals(HealthCheck.State.UP, result.getState(), everything(result));
        assertEquals(1, result.getDetails().get(OkkiTokenHealthCheck.CREDENTIALS_COUNT));
        assertEquals("sim-client", result.getDetails().get("okki.0.client.id"));
        assertEquals("client_credentials", result.getDetails().get("okki.0.grant.type"));
        assertEquals(1L, result.getDetails().get("okki.0.tokens.issued"));
        assertEquals(1, sim.tokenRequests());

        // the held token is reused: no further token request
        assertEquals(HealthCheck.State.UP, readiness(check).getState());
        assertEquals(HealthCheck.State.UP, readiness(check).getState());
        assertEquals(1, sim.tokenRequests());

        String token = okkiComponent().getTokenManagers().values().iterator().next().currentToken().value();
        assertFalse(everything(readiness(check)).contains(token), "the token must not appear");
        assertTrue(HealthCheckHelper.invokeReadiness(context, "full").stream()
                .anyMatch(r -> r.getCheck().getId().equals(OkkiTokenHealthCheck.ID)
                        && r.getState() == HealthCheck.State.UP));
    }

    @Test
    void tokenCheckIsDownWithInvalidClientAndNeverShowsTheSecret() throws Exception {
        okkiComponent().getConfiguration().setClientSecret(WRONG_SECRET);
        producerRoute();
        HealthCheck check = tokenCheck();

        HealthCheck.Result result = readiness(check);
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertEquals("invalid_client", result.getDetails().get("okki.0.error"));
        assertTrue(result.getMessage().orElseThrow().contains("invalid_client"), result.getMessage().orElseThrow());
        assertInstanceOf(OkkiAuthenticationException.class, result.getError().orElseThrow());
        assertFalse(everything(result).contains(WRONG_SECRET), everything(result));
        int requests = sim.tokenRequests();
        assertEquals(1, requests);

        // within the retry interval the failure is reported again without asking OKKI
        HealthCheck.Result again = readiness(check);
        assertEquals(HealthCheck.State.DOWN, again.getState());
        assertEquals("invalid_client", again.getDetails().get("okki.0.error"));
        assertEquals(requests, sim.tokenRequests());
    }

    @Test
    void consumerCheckIsDownAfterAFailedPollAndUpAgainAfterASuccess() throws Exception {
        sim.records("company").seed(5);
        sim.faults().rate(1.0).kinds(Fault.HTTP_500);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:company/list?pageSize=100&delay=50&initialDelay=0&maxRetries=0").routeId("sync")
                        .process(HealthCheckTest.this::collect);
            }
        });
        OkkiPollingConsumer consumer = (OkkiPollingConsumer) context.getRoute("sync").getConsumer();
        HealthCheckRepository consumers = HealthCheckHelper.getHealthCheckRepository(context, "consumers");
        assertNotNull(consumers, "Camel's consumers repository");
        HealthCheck check = consumers.stream().filter(c -> c.getId().equals("consumer:sync")).findFirst().orElseThrow();
        assertInstanceOf(OkkiConsumerHealthCheck.class,
                ((org.apache.camel.health.HealthCheckAware) consumer).getHealthCheck());

        // before the first poll readiness is DOWN too (Camel's initial state): wait for a poll that failed
        await("a failed poll", Waiting.PATIENCE_MILLIS, () -> consumer.getStats().failedPolls() > 0
                && "failed".equals(readiness(check).getDetails().get(OkkiConsumerHealthCheck.LAST_RESULT))
                && readiness(check).getError().isPresent());
        HealthCheck.Result down = readiness(check);
        Map<String, Object> details = down.getDetails();
        assertEquals("failed", details.get(OkkiConsumerHealthCheck.LAST_RESULT));
        assertNotNull(details.get(OkkiConsumerHealthCheck.LAST_FAILURE));
        assertNull(details.get(OkkiConsumerHealthCheck.LAST_SUCCESS));
        assertNull(details.get(OkkiConsumerHealthCheck.WATERMARK));
        assertNotNull(details.get(OkkiConsumerHealthCheck.LAST_ERROR));
        assertTrue(down.getError().isPresent());
        assertTrue((Long) details.get(OkkiConsumerHealthCheck.FAILED_POLLS) >= 1);
        assertEquals(0L, details.get(OkkiConsumerHealthCheck.RECORDS_DELIVERED));
        assertFalse(everything(down).contains("sim-secret"));

        sim.faults().off();
        await("a successful poll", Waiting.PATIENCE_MILLIS, () -> readiness(check).getState() == HealthCheck.State.UP
                && consumer.getWatermark() != null);
        HealthCheck.Result up = readiness(check);
        assertEquals(HealthCheck.State.UP, up.getState());
        assertEquals("ok", up.getDetails().get(OkkiConsumerHealthCheck.LAST_RESULT));
        assertNotNull(up.getDetails().get(OkkiConsumerHealthCheck.LAST_SUCCESS));
        assertNotNull(up.getDetails().get(OkkiConsumerHealthCheck.LAST_FAILURE), "the last failure stays visible");
        assertEquals(ServerTime.format(consumer.getWatermark()), up.getDetails().get(OkkiConsumerHealthCheck.WATERMARK));
        assertEquals(5L, up.getDetails().get(OkkiConsumerHealthCheck.RECORDS_DELIVERED));
    }
}
