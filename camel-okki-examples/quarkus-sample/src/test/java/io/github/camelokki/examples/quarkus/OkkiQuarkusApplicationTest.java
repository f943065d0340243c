package io.github.camelokki.examples.quarkus;

import java.util.List;
import java.util.TreeSet;

import io.github.camelokki.okki.OkkiComponent;
import io.github.camelokki.okki.OkkiConfiguration;
import io.github.camelokki.okki.OkkiPollingConsumer;
import io.github.camelokki.simulator.OkkiSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the application against the OKKI simulator, configured only through {@code camel.component.okki.*}
 * properties, and checks the route delivers each seeded company exactly once.
 */
@QuarkusTest
@QuarkusTestResource(OkkiSimulatorResource.class)
class OkkiQuarkusApplicationTest {

    @Inject
    CamelContext camelContext;

    @Inject
    CompanyCollector collector;

    @Test
    void routeDeliversEverySeededCompanyOnce() throws Exception {
        OkkiSimulator simulator = OkkiSimulatorResource.simulator;
        List<String> seededIds = OkkiSimulatorResource.seededIds;

        assertEquals(ServiceStatus.Started, camelContext.getRouteController().getRouteStatus("okki-company-sync"));
        // configured by Camel Quarkus from the camel.component.okki.* properties alone
        OkkiConfiguration configuration = camelContext.getComponent("okki", OkkiComponent.class).getConfiguration();
        assertEquals(simulator.baseUrl(), configuration.getBaseUrl());
        assertEquals("sim-client", configuration.getClientId());

        assertEquals(5, collector.awaitAtLeast(5, 60_000), "companies received: " + collector.ids());

        // let a whole poll more run, which must not deliver anything again: the poll counter counts polls as they
        // start, one after the other, so at the value read now plus two the poll after the one under way has ended
        OkkiPollingConsumer consumer = (OkkiPollingConsumer) camelContext.getRoute("okki-company-sync").getConsumer();
        long polls = consumer.getCounter();
        long deadline = System.currentTimeMillis() + 60_000;
        while (consumer.getCounter() < polls + 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(consumer.getCounter() >= polls + 2, "the route kept polling");

        List<String> received = collector.ids();
        assertEquals(5, received.size(), "companies received: " + received);
        assertEquals(new TreeSet<>(seededIds), new TreeSet<>(received));
    }
}
